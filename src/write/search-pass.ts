/**
 * The search stage of a build: feeds article pages to Pagefind while rendering (cold builds), or
 * afterwards and only for the shards (years) whose pages changed (incremental builds).
 */
import { hashOf } from '../cache/fingerprint.js';
import type { OutputFile } from '../render/output-file.js';
import { SearchIndex, stopSearchService } from './search-index.js';
import { SEARCH_BUNDLE_DIR, shardDirOf, shardYearOf } from './search-shards.js';

/** One year's article pages, and its index while pages are fed to it live. */
interface Shard {
  readonly pages: { path: string; url: string }[];
  index?: SearchIndex;
}

/** What a search pass made: new bundle files, and the shard folders whose bundles are kept as they were. */
export interface SearchResult {
  readonly files: OutputFile[];
  readonly kept: readonly string[];
}

/** One build's search indexing. */
export class SearchPass {
  private readonly shards = new Map<string, Shard>();
  private started = false;
  /** What each shard's bundle depended on, by shard folder, once finished (for the next build to compare). */
  signatures: Record<string, string> | undefined;

  /** `live`: index pages as they are rendered (no previous index to reuse). */
  constructor(
    private readonly language: string,
    private readonly live: boolean,
  ) {}

  /** Notes one article page; with `html` and a live pass it is indexed at once. */
  async page(path: string, url: string, html: string | undefined): Promise<void> {
    const year = shardYearOf(path);
    let shard = this.shards.get(year);
    if (!shard) this.shards.set(year, (shard = { pages: [] }));
    shard.pages.push({ path, url });
    if (this.live && html !== undefined) (shard.index ??= await this.createIndex()).add(url, html);
  }

  /**
   * The search bundles: a shard whose pages all have the signatures they had when its bundle was made
   * (`previous`, by shard folder) is kept; every other shard is indexed, reading pages that were not
   * indexed live with `read`. A site without articles gets an empty main bundle.
   */
  async finish(signatures: ReadonlyMap<string, string>, previous: Readonly<Record<string, string>> | undefined, read: (path: string) => Promise<string>): Promise<SearchResult> {
    const years = [...this.shards.keys()].sort().reverse();
    const newest = years[0] ?? '';
    const files: OutputFile[] = [];
    const kept: string[] = [];
    this.signatures = this.live ? undefined : {};
    if (years.length === 0) return { files: await (await this.createIndex()).files(SEARCH_BUNDLE_DIR), kept };
    for (const year of years) {
      const shard = this.shards.get(year)!;
      const dir = shardDirOf(year, newest);
      if (this.signatures) {
        const signature = hashOf(this.language, dir, ...shard.pages.map((p) => `${p.url}\n${signatures.get(p.path) ?? ''}`));
        this.signatures[dir] = signature;
        if (previous?.[dir] === signature) {
          kept.push(dir);
          continue;
        }
      }
      if (!shard.index) {
        shard.index = await this.createIndex();
        for (const page of shard.pages) shard.index.add(page.url, await read(page.path));
      }
      files.push(...(await shard.index.files(dir)));
      shard.index = undefined;
    }
    return { files, kept };
  }

  /** Stops Pagefind if it was started. */
  async close(): Promise<void> {
    if (this.started) await stopSearchService();
  }

  private createIndex(): Promise<SearchIndex> {
    this.started = true;
    return SearchIndex.create(this.language);
  }
}
