import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fixtureModel, renderFiles, SEED_ARTICLE, seedSiteFiles } from './seed-site.js';

type Element = DefaultTreeAdapterMap['element'];
const files = await seedSiteFiles();
const fixture = await fixtureModel();
const fixtureFiles = renderFiles(fixture);

/** Every element of a page. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) out.push(node as Element);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(html) as unknown as DefaultTreeAdapterMap['node']);
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The head metadata of a page: title, description, canonical, og:* and article:* (article:tag as a list). */
function metadata(html: string) {
  const els = elements(html);
  const meta: Record<string, string | string[]> = {};
  for (const el of els) {
    if (el.tagName === 'meta') {
      const key = attr(el, 'property') ?? attr(el, 'name');
      const value = attr(el, 'content');
      if (!key || value === undefined) continue;
      if (key === 'article:tag') meta[key] = [...((meta[key] as string[]) ?? []), value];
      else meta[key] = value;
    }
    if (el.tagName === 'link' && attr(el, 'rel') === 'canonical') meta['canonical'] = attr(el, 'href')!;
    if (el.tagName === 'title') meta['title'] = el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
  }
  const ld = els.find((el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json');
  return { meta, jsonLd: ld ? JSON.parse(ld.childNodes.map((c) => ('value' in c ? c.value : '')).join('')) : undefined };
}

describe('metadata for search engines and social cards', () => {
  it.each([
    ['seed', files],
    ['fixture', fixtureFiles],
  ])('every page of the %s site has a title, a description, a canonical URL and OpenGraph basics (a redirect page at an alias: its article canonical, noindex)', (_name, site) => {
    for (const [file, html] of site) {
      if (!file.endsWith('.html')) continue;
      if (html.includes('http-equiv="refresh"')) {
        const { meta } = metadata(html);
        expect([file, meta['canonical']]).toEqual([file, expect.stringMatching(/^https:\/\/news\.example\.org\/archive\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/)]);
        expect(html).toContain('<meta name="robots" content="noindex">');
        continue;
      }
      const { meta } = metadata(html);
      const url = `https://news.example.org/archive/${file.replace(/index\.html$/, '')}`;
      expect([file, typeof meta['title'], (meta['description'] as string).length > 0]).toEqual([file, 'string', true]);
      expect([file, meta['canonical'], meta['og:url']]).toEqual([file, url, url]);
      expect(meta['og:title']).toBeTruthy();
      expect(meta['og:description']).toBe(meta['description']);
      expect(['website', 'article']).toContain(meta['og:type']);
    }
  });

  it('the article page carries article:published_time, one article:tag per tag, and NewsArticle JSON-LD with the dateline', () => {
    const { meta, jsonLd } = metadata(files.get(SEED_ARTICLE)!);
    const url = `https://news.example.org/archive/${SEED_ARTICLE.replace(/index\.html$/, '')}`;
    expect(meta['og:type']).toBe('article');
    expect(meta['article:published_time']).toBe('2024-02-08');
    expect(meta['article:tag']).toEqual(expect.arrayContaining(['Baghdad', 'Iraq', "Kata'ib Hezbollah"]));
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      datePublished: '2024-02-08',
      dateModified: '2024-02-08',
      dateline: 'Washington, February 8',
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      publisher: { '@type': 'Organization', name: 'Broadsheet' },
    });
    expect(jsonLd.headline.length).toBeLessThanOrEqual(110);
    expect(jsonLd.headline).toMatch(/^The US central command \(CENTCOM\) has said that it killed a a senior commander with the Iran-backed militia…$/);
    expect(jsonLd.keywords).toEqual(meta['article:tag']);
    expect(jsonLd.author).toBeUndefined();
  });

  it('every article page of the fixture site: one article:tag per tag, JSON-LD keywords, headline ≤ 110, author when known', () => {
    for (const article of fixture.articles) {
      const path = `${article.date.replaceAll('-', '/')}/${article.slug}/`;
      const { meta, jsonLd } = metadata(fixtureFiles.get(`${path}index.html`)!);
      const tags = article.tags.map((t) => t.name);
      expect(meta['title']).toBe(`${article.title} · The Fixture Gazette`);
      expect(meta['description']).toBe(article.summary);
      expect(meta['og:type']).toBe('article');
      expect(meta['og:title']).toBe(article.title);
      expect(meta['article:published_time']).toBe(article.date);
      expect(meta['article:modified_time']).toBe(article.updated);
      expect(meta['article:tag'] ?? []).toEqual(tags);
      expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', datePublished: article.date, dateModified: article.updated ?? article.date, keywords: tags, url: BASE_URL + path });
      expect(jsonLd.mainEntityOfPage['@id']).toBe(BASE_URL + path);
      expect(jsonLd.publisher).toEqual({ '@type': 'Organization', name: 'Fixture Media', url: BASE_URL });
      expect(jsonLd.headline.length).toBeLessThanOrEqual(110);
      expect(jsonLd.dateline).toBe(article.dateline);
      expect(jsonLd.author).toEqual(article.author === undefined ? undefined : { '@type': 'Person', name: article.author });
    }
    expect(fixture.articles.filter((a) => a.author !== undefined).map((a) => a.author)).toEqual(['Ana Lima']);
    expect(fixture.articles.filter((a) => a.updated !== undefined).map((a) => a.updated)).toEqual(['2024-03-20']);
  });

  it('listing pages are og:type website without article metadata or JSON-LD', () => {
    for (const file of ['index.html', 'page/2/index.html', 'tags/index.html', 'tags/economy/index.html', '2024/index.html', '2024/03/index.html', 'search/index.html', '404.html']) {
      const { meta, jsonLd } = metadata(fixtureFiles.get(file)!);
      expect([file, meta['og:type'], meta['article:tag'], meta['article:published_time'], jsonLd]).toEqual([file, 'website', undefined, undefined, undefined]);
    }
  });

  it('JSON-LD cannot be closed early by text: "<" is escaped inside the script', async () => {
    const { scriptSafeJson } = await import('../../src/render/meta.js');
    expect(scriptSafeJson({ headline: '</script><script>alert(1)</script>' })).toBe('{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}');
  });
});
