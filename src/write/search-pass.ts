/** The search stage of a build: feeds article pages to Pagefind while rendering (cold builds), or afterwards and only when they changed (incremental builds). */
import { hashOf } from '../cache/fingerprint.js';
import type { OutputFile } from '../render/output-file.js';
import { SearchIndex } from './search-index.js';

/** One build's search indexing. */
export class SearchPass {
  private index: SearchIndex | undefined;
  private readonly pages: { path: string; url: string }[] = [];
  /** What the index depended on, once finished (for the next build to compare). */
  signature: string | undefined;

  /** `live`: index pages as they are rendered (no previous index to reuse). */
  constructor(
    private readonly language: string,
    private readonly live: boolean,
  ) {}

  /** Notes one article page; with `html` and a live pass it is indexed at once. */
  async page(path: string, url: string, html: string | undefined): Promise<void> {
    this.pages.push({ path, url });
    if (this.live && html !== undefined) (this.index ??= await SearchIndex.create(this.language)).add(url, html);
  }

  /**
   * The search bundle: 'unchanged' when every article page has the signature it had when the last
   * index was built; else the new bundle, reading pages that were not indexed live with `read`.
   */
  async finish(signatures: Readonly<Record<string, string>>, previous: string | undefined, read: (path: string) => Promise<string>): Promise<OutputFile[] | 'unchanged'> {
    this.signature = this.live ? undefined : hashOf(this.language, ...this.pages.map((p) => `${p.url}\n${signatures[p.path] ?? ''}`));
    if (!this.live && previous !== undefined && previous === this.signature) return 'unchanged';
    if (!this.index) {
      this.index = await SearchIndex.create(this.language);
      for (const page of this.pages) this.index.add(page.url, await read(page.path));
    }
    return this.index.files();
  }

  /** Stops Pagefind if it was started. */
  async close(): Promise<void> {
    await this.index?.close();
  }
}
