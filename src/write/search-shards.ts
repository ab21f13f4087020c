/**
 * The search index in shards, one per year of articles, so that an edit re-indexes one year instead
 * of the archive (Pagefind cannot update an index). The newest year's bundle is the main one at
 * `pagefind/` (the search page loads Pagefind's UI from it); each older year's is at
 * `pagefind/year-YYYY/`, merged in the browser (Pagefind's `mergeIndex`).
 */

/** The folder of the main search bundle inside the site. */
export const SEARCH_BUNDLE_DIR = 'pagefind/';

/** The year an article page belongs to: article pages live at `YYYY/MM/DD/slug/`. */
export function shardYearOf(pagePath: string): string {
  return pagePath.slice(0, 4);
}

/** Where a year's bundle goes: the main folder for the newest year, else its own folder inside it. */
export function shardDirOf(year: string, newestYear: string): string {
  return year === newestYear ? SEARCH_BUNDLE_DIR : `${SEARCH_BUNDLE_DIR}year-${year}/`;
}

/** The shard folder an output file of the search bundle belongs to (undefined for any other file). */
export function shardDirOfFile(path: string): string | undefined {
  if (!path.startsWith(SEARCH_BUNDLE_DIR)) return undefined;
  const year = /^pagefind\/year-(\d{4})\//.exec(path);
  return year ? `${SEARCH_BUNDLE_DIR}year-${year[1]}/` : SEARCH_BUNDLE_DIR;
}
