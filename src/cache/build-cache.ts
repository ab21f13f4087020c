/** The incremental cache (default `.cache/`): parsed drafts by content, and what the last build wrote. Safe to delete any time. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleDraft } from '../article/draft.js';
import { GENERATOR_VERSION, hashOf } from './fingerprint.js';

/** What the last successful build into one output folder recorded. */
export interface BuildState {
  readonly generator: string;
  /** Fingerprint of every input; equal → nothing to do. */
  readonly inputsKey: string;
  /** sha256 of every output file's bytes, by path relative to the output folder. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Each generated file's signature (what its bytes depend on), so unchanged pages are not rendered again. */
  readonly pages?: Readonly<Record<string, string>>;
  /** What the search index depended on (every article page's signature). */
  readonly searchSignature?: string;
  /** The counts the summary line prints, so an up-to-date build can print them too. */
  readonly summary: { readonly articles: number; readonly tags: number; readonly pages: number; readonly files: number };
}

/** The cache folder for one output folder. */
export class BuildCache {
  private constructor(
    private readonly dir: string,
    private readonly statePath: string,
    readonly state: BuildState | undefined,
  ) {}

  /** The state file for builds into `outDir`. */
  private static statePathOf(cacheDir: string, outDir: string): string {
    return path.join(path.resolve(cacheDir), `state-${hashOf(path.resolve(outDir)).slice(0, 16)}.json`);
  }

  /** Forgets what was recorded for `outDir` (a cold build rewrote it, so the record no longer describes it). */
  static async forget(cacheDir: string, outDir: string): Promise<void> {
    await rm(BuildCache.statePathOf(cacheDir, outDir), { force: true });
  }

  /** Opens (creating if needed) the cache for builds into `outDir`. */
  static async open(cacheDir: string, outDir: string): Promise<BuildCache> {
    const dir = path.resolve(cacheDir);
    await mkdir(path.join(dir, 'drafts'), { recursive: true });
    const statePath = BuildCache.statePathOf(cacheDir, outDir);
    const state = await readFile(statePath, 'utf8').then(
      (text) => JSON.parse(text) as BuildState,
      () => undefined,
    );
    return new BuildCache(dir, statePath, state?.generator === GENERATOR_VERSION ? state : undefined);
  }

  /**
   * Drafts kept in memory between builds of one long-running process (`broadsheet dev`), by key.
   * Keys are content-addressed, so an entry is never stale; it is dropped when a build no longer uses it.
   */
  private static memory: Map<string, ArticleDraft> | undefined;

  /** Keeps drafts in memory across builds in this process (for the dev server). */
  static keepInMemory(): void {
    BuildCache.memory ??= new Map();
  }

  /** Forgets in-memory drafts whose keys the current build did not use. */
  static retainOnly(keys: Iterable<string>): void {
    if (!BuildCache.memory) return;
    const used = new Set(keys);
    for (const key of BuildCache.memory.keys()) if (!used.has(key)) BuildCache.memory.delete(key);
  }

  /** The draft stored under `key`, if any. */
  async getDraft(key: string): Promise<ArticleDraft | undefined> {
    const remembered = BuildCache.memory?.get(key);
    if (remembered) return remembered;
    const draft = await readFile(this.draftPath(key), 'utf8').then(
      (text) => JSON.parse(text) as ArticleDraft,
      () => undefined,
    );
    if (draft) BuildCache.memory?.set(key, draft);
    return draft;
  }

  /** Stores a draft under `key` (write, then rename: a killed build never leaves half a file). */
  async putDraft(key: string, draft: ArticleDraft): Promise<void> {
    BuildCache.memory?.set(key, draft);
    const file = this.draftPath(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(draft));
    await rename(`${file}.${process.pid}.tmp`, file);
  }

  /** Records a successful build. */
  async saveState(state: BuildState): Promise<void> {
    await writeFile(`${this.statePath}.${process.pid}.tmp`, JSON.stringify(state));
    await rename(`${this.statePath}.${process.pid}.tmp`, this.statePath);
  }

  private draftPath(key: string): string {
    return path.join(this.dir, 'drafts', key.slice(0, 2), `${key}.json`);
  }
}
