import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLE, seedSiteFiles } from './seed-site.js';

type Element = DefaultTreeAdapterMap['element'];
const files = await seedSiteFiles();

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
  it('every page has a title, a description, a canonical URL and OpenGraph basics', () => {
    for (const [file, html] of files) {
      if (!file.endsWith('.html')) continue;
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

  it('JSON-LD cannot be closed early by text: "<" is escaped inside the script', async () => {
    const { scriptSafeJson } = await import('../../src/render/meta.js');
    expect(scriptSafeJson({ headline: '</script><script>alert(1)</script>' })).toBe('{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}');
  });
});
