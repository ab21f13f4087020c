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

/** A page path that resolves against a folder URL by being appended: characters URLs keep as they are, no `.` or `..` segment, no leading `/`. */
const APPENDABLE_PATH = /^(?!\/)[A-Za-z0-9\-_~./]*$/;
/** A `.` or `..` segment, which resolving removes. */
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/** Each base URL's serialisation when page paths can be appended to it (a folder, no query or fragment), else null. */
const appendableBases = new Map<string, string | null>();

/**
 * An absolute URL for feeds, sitemap, canonical links: `new URL(pagePath, baseUrl).href`. The site's
 * own page paths (dates, slugs, `tags/`) are appended to the base's serialisation instead of being
 * parsed again (≈ 0.25 CPU-s of a 10k build: a canonical URL per page, several per feed entry).
 */
export function absoluteUrlOf(baseUrl: string, pagePath: string): string {
  let base = appendableBases.get(baseUrl);
  if (base === undefined) {
    const url = new URL(baseUrl);
    base = url.search === '' && url.hash === '' && url.href.endsWith('/') ? url.href : null;
    appendableBases.set(baseUrl, base);
  }
  return base !== null && APPENDABLE_PATH.test(pagePath) && !DOT_SEGMENT.test(pagePath) ? base + pagePath : new URL(pagePath, baseUrl).href;
}

/** An output path that resolving leaves as it is: the site's own path characters, no empty, `.` or `..` segment (DOT_SEGMENT), no leading or trailing `/`. */
const PLAIN_OUTPUT_PATH = /^[A-Za-z0-9\-_~.]+(?:\/[A-Za-z0-9\-_~.]+)*$/;

/** Each absolute output folder, resolved (its own form does not depend on the working folder). */
const resolvedRoots = new Map<string, string>();

/**
 * Resolves an output file inside `outDir`, refusing any path that would leave it. The site's own paths
 * (dates, slugs, `tags/`) are joined to the resolved folder instead of being resolved again: two calls
 * per article page (its folder, its file) took ≈ 0.1 CPU-s of a 10k build in path.resolve.
 */
export function resolveInside(outDir: string, relPath: string): string {
  let root = resolvedRoots.get(outDir);
  if (root === undefined) {
    root = path.resolve(outDir);
    if (path.isAbsolute(outDir)) resolvedRoots.set(outDir, root);
  }
  if (path.sep === '/' && root !== '/' && PLAIN_OUTPUT_PATH.test(relPath) && !DOT_SEGMENT.test(relPath)) return `${root}/${relPath}`;
  const full = path.resolve(root, relPath);
  if (relPath.includes('\0') || path.isAbsolute(relPath) || (full !== root && !full.startsWith(root + path.sep))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relPath)}`);
  }
  return full;
}
