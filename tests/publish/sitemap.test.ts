import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { MAX_SITEMAP_URLS, renderSitemaps } from '../../src/render/sitemap.js';
import { seedSiteFiles } from './seed-site.js';

const files = await seedSiteFiles();
const xml = new XMLParser();

describe('sitemap.xml and robots.txt', () => {
  it('lists every page of the site with a lastmod, and not the 404 page', () => {
    const sitemap = files.get('sitemap.xml')!;
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const urls = ([] as { loc: string; lastmod: string }[]).concat(xml.parse(sitemap).urlset.url);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html') && f !== '404.html').map((f) => `https://news.example.org/archive/${f.replace(/index\.html$/, '')}`);
    expect(urls.map((u) => u.loc).sort()).toEqual(pages.sort());
    for (const u of urls) expect(u.lastmod).toBe('2024-02-08');
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
    expect(xml.parse(String(out[1]!.bytes)).urlset.url).toHaveLength(MAX_SITEMAP_URLS);
    expect(xml.parse(String(out[2]!.bytes)).urlset.url.loc).toBe('https://example.org/a/p/9999/');
  });
});
