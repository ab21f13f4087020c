/** Every URL of the site is decided here: page paths relative to the base, links, output files. */
import path from 'node:path';

/** `YYYY/MM/DD/<slug>/` for an article. */
export function articlePath(date: string, slug: string): string {
  return `${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${slug}/`;
}

/** The front page (`''`) or its page N (`page/N/`). */
export function indexPagePath(page: number): string {
  return page <= 1 ? '' : `page/${page}/`;
}

/** A tag's page N: `tags/<slug>/`, `tags/<slug>/page/N/`. */
export function tagPath(slug: string, page = 1): string {
  return page <= 1 ? `tags/${slug}/` : `tags/${slug}/page/${page}/`;
}

/** A tag's Atom feed. */
export function tagFeedPath(slug: string): string {
  return `tags/${slug}/feed.xml`;
}

/** The year archive `YYYY/`. */
export function yearPath(year: string): string {
  return `${year}/`;
}

/** The month archive `YYYY/MM/`. */
export function monthPath(year: string, month: string): string {
  return `${year}/${month}/`;
}

/** Fixed pages and files of every site. */
export const FIXED_PATHS = {
  home: '',
  tags: 'tags/',
  search: 'search/',
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
  notFound: '404.html',
  style: 'style.css',
  favicon: 'favicon.svg',
} as const;

/** The file a page path is written to: a folder's `index.html`, or the file itself. */
export function outputFileOf(pagePath: string): string {
  return pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
}

/** The site's base path (`/archive/`) from its base URL. */
export function basePathOf(baseUrl: string): string {
  const pathname = new URL(baseUrl).pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** A root-relative link carrying the base path: `/archive/2024/02/`. */
export function hrefOf(basePath: string, pagePath: string): string {
  return basePath + pagePath;
}

/** An absolute URL for feeds, sitemap, canonical links. */
export function absoluteUrlOf(baseUrl: string, pagePath: string): string {
  return new URL(pagePath, baseUrl).href;
}

/** Resolves an output file inside `outDir`, refusing any path that would leave it. */
export function resolveInside(outDir: string, relPath: string): string {
  const root = path.resolve(outDir);
  const full = path.resolve(root, relPath);
  if (relPath.includes('\0') || path.isAbsolute(relPath) || (full !== root && !full.startsWith(root + path.sep))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relPath)}`);
  }
  return full;
}
