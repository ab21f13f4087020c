/** sitemap.xml (split into a sitemap index past 50,000 URLs) and robots.txt. */
import type { SiteConfig } from '../config.js';
import { absoluteUrlOf, FIXED_PATHS } from '../site/urls.js';
import { escapeMarkup } from './markup-escape.js';
import type { OutputFile } from './output-file.js';

/** The most URLs one sitemap file may list (sitemaps.org). */
export const MAX_SITEMAP_URLS = 50_000;

/** A page for the sitemap. */
export interface SitemapEntry {
  readonly path: string;
  readonly lastmod: string;
}

/** One `<urlset>` document. */
function urlset(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeMarkup(absoluteUrlOf(config.baseUrl, e.path))}</loc><lastmod>${e.lastmod}</lastmod></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The sitemap file(s) for `entries`: one urlset, or an index of `sitemap-N.xml` files. */
export function renderSitemaps(config: SiteConfig, entries: readonly SitemapEntry[]): OutputFile[] {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (sorted.length <= MAX_SITEMAP_URLS) return [{ path: FIXED_PATHS.sitemap, bytes: urlset(config, sorted) }];
  const files: OutputFile[] = [];
  const index: string[] = [];
  for (let i = 0; i < sorted.length; i += MAX_SITEMAP_URLS) {
    const part = sorted.slice(i, i + MAX_SITEMAP_URLS);
    const name = `sitemap-${i / MAX_SITEMAP_URLS + 1}.xml`;
    const lastmod = part.reduce((max, e) => (e.lastmod > max ? e.lastmod : max), '0000-00-00');
    files.push({ path: name, bytes: urlset(config, part) });
    index.push(`<sitemap><loc>${escapeMarkup(absoluteUrlOf(config.baseUrl, name))}</loc><lastmod>${lastmod}</lastmod></sitemap>`);
  }
  const indexXml = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`;
  return [{ path: FIXED_PATHS.sitemap, bytes: indexXml }, ...files];
}

/** robots.txt allowing everything and naming the sitemap. */
export function renderRobots(config: SiteConfig): OutputFile {
  return { path: FIXED_PATHS.robots, bytes: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrlOf(config.baseUrl, FIXED_PATHS.sitemap)}\n` };
}
