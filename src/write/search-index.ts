/** The full-text search index: article pages are fed to Pagefind, one index per shard (see search-shards.ts). */
import * as pagefind from 'pagefind';
import type { OutputFile } from '../render/output-file.js';

/** One Pagefind index: pages go in, a bundle of files comes out. */
export class SearchIndex {
  private readonly pending: Promise<unknown>[] = [];

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  /** A new index in the Pagefind service (started on first use) with the site's language. */
  static async create(language: string): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split('-')[0]!.toLowerCase(), keepIndexUrl: false });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    return new SearchIndex(index);
  }

  /** Adds one page, indexed under its final URL (which carries the base path). */
  add(url: string, html: string): void {
    this.pending.push(this.index.addHTMLFile({ url, content: html }));
  }

  /** Waits for indexing and returns the bundle as files under `dir` (sorted by path), then lets the index go. */
  async files(dir: string): Promise<OutputFile[]> {
    const added = (await Promise.all(this.pending)) as pagefind.NewFileResponse[];
    const problems = added.flatMap((r) => r.errors);
    if (problems.length > 0) throw new Error(`search index: ${problems.join('; ')}`);
    const { files, errors } = await this.index.getFiles();
    if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
    await this.index.deleteIndex().catch(() => null);
    return files.map((f) => ({ path: `${dir}${f.path}`, bytes: f.content })).sort((a, b) => (a.path < b.path ? -1 : 1));
  }
}

/** Stops the Pagefind service if it was started. */
export async function stopSearchService(): Promise<void> {
  await pagefind.close();
}
