/** The full-text search index: article pages are fed to Pagefind as they are rendered; its bundle lands in `/pagefind/`. */
import * as pagefind from 'pagefind';
import type { OutputFile } from '../render/output-file.js';

/** The folder of the search bundle inside the site. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** Collects article pages into a Pagefind index and returns its bundle as output files. */
export class SearchIndex {
  private readonly pending: Promise<unknown>[] = [];

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  /** Starts the Pagefind service with the site's language. */
  static async create(language: string): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split('-')[0]!.toLowerCase(), keepIndexUrl: false });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    return new SearchIndex(index);
  }

  /** Adds one page, indexed under its final URL (which carries the base path). */
  add(url: string, html: string): void {
    this.pending.push(this.index.addHTMLFile({ url, content: html }));
  }

  /** Waits for indexing and returns the bundle files (paths under `pagefind/`). */
  async files(): Promise<OutputFile[]> {
    const added = (await Promise.all(this.pending)) as pagefind.NewFileResponse[];
    const problems = added.flatMap((r) => r.errors);
    if (problems.length > 0) throw new Error(`search index: ${problems.join('; ')}`);
    const { files, errors } = await this.index.getFiles();
    if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
    return files.map((f) => ({ path: `${SEARCH_BUNDLE_DIR}/${f.path}`, bytes: f.content })).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Stops the Pagefind service. */
  async close(): Promise<void> {
    await this.index.deleteIndex().catch(() => null);
    await pagefind.close();
  }
}
