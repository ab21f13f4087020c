/**
 * Aliases: the old addresses of an article (front matter `aliases`, as Hugo writes them, or Jekyll's
 * `redirect_from`), each published as a small page that sends the reader on to the article. An alias
 * is checked alone (a path on this site that broadsheet does not write itself, inside the output
 * folder) and against the site (no other article's address, no other seed's alias; the article's own
 * address is simply not written).
 */
import type { Article } from '../article/article.js';
import { ContentErrors, SeedError } from '../errors.js';
import { SEARCH_BUNDLE_DIR } from '../write/search-shards.js';
import { articlePath, FIXED_PATHS, indexPagePath } from './urls.js';

/** An alias as a page path (`posts/old-title/`, `2019/05/old.html`), or why it cannot be one. */
export type AliasReading = { readonly path: string } | { readonly problem: string; readonly hint: string };

/** The top-level name of a path (`tags/` → `tags`, `page/2/` → `page`). */
const topOf = (path: string): string => path.split('/')[0]!;

/** Folders where broadsheet writes its own pages (the tags, the front page's pages, search and its index): an alias inside one could take a page's address. */
const OWN_FOLDERS = new Set([FIXED_PATHS.tags, indexPagePath(2), FIXED_PATHS.search, SEARCH_BUNDLE_DIR].map(topOf));

/** Files broadsheet writes at the top of the site (the front page, feed, sitemap, robots, 404, style sheet, icon, the search script): no alias may be one, or a folder named like one. */
const OWN_FILES = new Set(['index.html', FIXED_PATHS.feed, FIXED_PATHS.sitemap, FIXED_PATHS.robots, FIXED_PATHS.notFound, FIXED_PATHS.style, FIXED_PATHS.favicon, 'search.js']);

/** True when a top-level name is one of broadsheet's files, a sitemap's part (`sitemap-2.xml`) included. */
const isOwnFile = (name: string): boolean => OWN_FILES.has(name) || /^sitemap-\d+\.xml$/.test(name);

/** A date archive's address (`2024/`, `2024/02/`, `2024/02/08/`). */
const DATE_ARCHIVE = /^\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$/;

/** What a path segment may not hold once decoded: a slash of either kind, control characters. */
const FORBIDDEN_IN_SEGMENT = /[/\\\u0000-\u001f\u007f-\u009f]/;

/** The longest file or folder name most file systems take, in UTF-8 bytes. */
const MAX_SEGMENT_BYTES = 255;

/** The longest alias path, in UTF-8 bytes: with the output folder's own path, well inside the 4,096 of a Linux path. */
const MAX_PATH_BYTES = 1024;

/** The hint every refused alias ends with. */
const ALIAS_HINT = 'an alias is an old address of the article on this site, such as /posts/old-title/ or /2019/05/old-title.html';

/**
 * Reads one alias as written (`/posts/old-title/`, `posts/old-title`, `/2019/05/old.html`,
 * `/not%C3%ADcias/x/`): a path from the site's root (its base path, if any), percent-escapes decoded.
 * A path ending in `/` or in a name without an extension is a folder (its page is its `index.html`);
 * a name ending `.html` or `.htm` is that file.
 */
export function readAlias(written: string): AliasReading {
  const refuse = (problem: string, hint = ALIAS_HINT): AliasReading => ({ problem, hint });
  const alias = written.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(alias) || alias.startsWith('//')) return refuse(`alias ${alias} is a URL, not a path on this site`);
  const placeholder = /(?:^|\/):[a-z_]+/i.exec(alias);
  if (placeholder) return refuse(`alias ${alias} has a placeholder (${placeholder[0].replace('/', '')}), as a Jekyll or Hugo permalink pattern does`, 'give the address itself, such as /2019/05/old-title/');
  if (/[?#]/.test(alias)) return refuse(`alias ${alias} has a query or fragment`, 'static hosting serves a page by its path alone: give the path without ?… or #…');
  const segments: string[] = [];
  for (const raw of alias.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(`alias ${alias} has a broken percent-escape`);
    }
    if (segment === '.' || segment === '..') return refuse(`alias ${alias} steps out of its folder with "${segment}"`);
    if (FORBIDDEN_IN_SEGMENT.test(segment)) return refuse(`alias ${alias} has a slash or a control character inside a name`);
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return refuse(`alias ${alias} has a name longer than ${MAX_SEGMENT_BYTES} bytes`);
    segments.push(segment);
  }
  const last = segments.at(-1);
  const isFile = last !== undefined && !alias.endsWith('/') && /\.[^.]+$/.test(last) && last !== 'index.html';
  if (isFile && !/\.html?$/i.test(last)) {
    return refuse(`alias ${alias} is not a page`, 'a redirect is written as an HTML page: an alias ends in /, .html or .htm (other old addresses need a redirect rule on the web server)');
  }
  if (last === 'index.html' && !alias.endsWith('/')) segments.pop();
  const path = isFile ? segments.join('/') : segments.map((s) => `${s}/`).join('');
  if (path === '') return refuse(`alias ${alias} is the front page`);
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) return refuse(`alias ${alias.slice(0, 60)}… is longer than ${MAX_PATH_BYTES} bytes`);
  // Compared without case: on a file system that ignores it (macOS, Windows), /Tags/x/ is /tags/x/.
  const top = segments[0]!.toLowerCase();
  if (OWN_FOLDERS.has(top)) return refuse(`alias ${alias} is inside /${top}/, where broadsheet writes its own pages`);
  if (isOwnFile(top)) return refuse(`alias ${alias} is (or is inside) /${top}, a file broadsheet writes`);
  if (DATE_ARCHIVE.test(path)) return refuse(`alias ${alias} is the address of a date archive`);
  return { path };
}

/** The page paths of a seed's aliases as written (on line `line` of `path`), each once, in order; throws every refused alias at once. */
export function aliasPathsOf(path: string, written: readonly string[], line: number): string[] {
  const paths = new Set<string>();
  const errors: SeedError[] = [];
  for (const alias of written) {
    const reading = readAlias(alias);
    if ('path' in reading) paths.add(reading.path);
    else errors.push(new SeedError(path, line, reading.problem, reading.hint));
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new ContentErrors(errors);
  return [...paths];
}

/** True when `alias` is the article's own address: nothing to redirect. */
export function isOwnAddress(article: Pick<Article, 'date' | 'slug'>, alias: string): boolean {
  return alias === articlePath(article.date, article.slug);
}

/**
 * Every alias that clashes with the site: the address of another published article, or an alias an
 * earlier seed (in path order) already gave. An alias that is the article's own address is no clash
 * (a Hugo `url` that was already this address): it is simply not written (see isOwnAddress).
 * `lineOf` gives the line of a seed's aliases; each error names the seed whose alias it is.
 */
export function aliasClashes(articles: readonly Article[], lineOf: (sourcePath: string) => number): SeedError[] {
  const pages = new Map<string, string>();
  for (const article of articles) pages.set(articlePath(article.date, article.slug), article.sourcePath);
  const claimed = new Map<string, string>();
  const errors: SeedError[] = [];
  const withAliases = articles.filter((a) => a.aliases !== undefined).sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  for (const article of withAliases) {
    for (const alias of article.aliases!) {
      if (isOwnAddress(article, alias)) continue;
      const page = pages.get(alias);
      const earlier = claimed.get(alias);
      const problem = page !== undefined ? `is the address of the article ${page}` : earlier !== undefined ? `is also an alias of ${earlier}` : undefined;
      if (problem === undefined) claimed.set(alias, article.sourcePath);
      else errors.push(new SeedError(article.sourcePath, lineOf(article.sourcePath), `alias /${alias} ${problem}`, 'an address can lead to one page only: remove the alias'));
    }
  }
  return errors;
}
