import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strictXml } from '../support/strict-xml.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { MAX_SITEMAP_URLS, renderSitemaps } from '../../src/render/sitemap.js';
import { fixtureModel, renderFiles, seedSiteFiles } from './seed-site.js';

const files = await seedSiteFiles();
const fixture = await fixtureModel();
const fixtureFiles = renderFiles(fixture);
const xml = new XMLParser();

/** The `<url>` entries of a urlset document. */
function urlsOf(sitemap: string): { loc: string; lastmod: string }[] {
  expect(XMLValidator.validate(sitemap)).toBe(true);
  expect(strictXml(sitemap).name).toMatch(/^(urlset|sitemapindex)$/);
  return ([] as { loc: string; lastmod: string }[]).concat(xml.parse(sitemap).urlset.url);
}

describe('sitemap.xml and robots.txt', () => {
  it('lists every page of the site with a lastmod, and not the 404 page', () => {
    const urls = urlsOf(files.get('sitemap.xml')!);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => `https://news.example.org/archive/${f.replace(/index\.html$/, '')}`);
    expect(urls.map((u) => u.loc).sort()).toEqual(pages.sort());
    for (const u of urls) expect(u.lastmod).toBe('2024-02-08');
  });

  it("on the fixture site, lastmod is the newest article date a page shows (an article's page: its update, else its date): articles, tags, archives, front pages; no alias's redirect page", () => {
    const urls = new Map(urlsOf(fixtureFiles.get('sitemap.xml')!).map((u) => [u.loc.replace('https://news.example.org/archive/', ''), u.lastmod]));
    const redirects = [...fixtureFiles].filter(([f, html]) => f.endsWith('.html') && html.includes('http-equiv="refresh"')).map(([f]) => f);
    expect(redirects).toEqual(['news/sao-paulo-night-markets/index.html']);
    const pages = [...fixtureFiles.keys()].filter((f) => f.endsWith('.html') && f !== '404.html' && !redirects.includes(f)).map((f) => f.replace(/index\.html$/, ''));
    expect([...urls.keys()].sort()).toEqual(pages.sort());
    for (const a of fixture.articles) expect(urls.get(`${a.date.replaceAll('-', '/')}/${a.slug}/`)).toBe(a.updated ?? a.date);
    for (const t of fixture.tags) expect(urls.get(`tags/${t.slug}/`)).toBe(t.articles[0]!.date);
    expect(urls.get('')).toBe('2024-03-15');
    expect(urls.get('2024/02/')).toBe('2024-02-08');
    expect(urls.get('2024/03/')).toBe('2024-03-15');
    expect(urls.get('page/4/')).toBe('2024-02-08');
    expect([...urls.values()].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('robots.txt names the sitemap', () => {
    expect(files.get('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/archive/sitemap.xml\n');
  });

  it('splits into a sitemap index past 50,000 URLs', () => {
    const config = parseConfig({ baseUrl: 'https://example.org/a/' }, 'test');
    const entries = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => ({ path: `p/${i}/`, lastmod: i === 7 ? '2024-05-01' : '2024-01-01' }));
    const out = renderSitemaps(config, entries);
    expect(out.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    const index = xml.parse(String(out[0]!.bytes)).sitemapindex.sitemap;
    expect(index.map((s: { loc: string }) => s.loc)).toEqual(['https://example.org/a/sitemap-1.xml', 'https://example.org/a/sitemap-2.xml']);
    // Each part's lastmod is the newest of its URLs.
    expect(index.map((s: { lastmod: string }) => s.lastmod)).toEqual(['2024-05-01', '2024-01-01']);
    expect(xml.parse(String(out[1]!.bytes)).urlset.url).toHaveLength(MAX_SITEMAP_URLS);
    expect(xml.parse(String(out[2]!.bytes)).urlset.url.loc).toBe('https://example.org/a/p/9999/');
    for (const file of out) expect(strictXml(String(file.bytes)).name).toMatch(/^(urlset|sitemapindex)$/);
    // Exactly 50,000 stay one urlset.
    expect(renderSitemaps(config, entries.slice(0, MAX_SITEMAP_URLS)).map((f) => f.path)).toEqual(['sitemap.xml']);
  });
});
