/**
 * The incremental cache (default `.cache/`) of one output folder: parsed drafts by content (the pack,
 * see drafts-pack.ts; bodies in `bodies/` segments), the last build's state and its site snapshot.
 * Safe to delete any time.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleDraft } from '../article/draft.js';
import { removeUnusedSegments } from './body-store.js';
import { appendJournalLine, journalIsDue, readPack, writePackFile } from './drafts-pack.js';
import { addChangedPaths, applyRecordsDelta, decodeRecords, encodeRecords, encodeRecordsDelta, type BuildRecords } from './file-records.js';
import { GENERATOR_VERSION, hashOf } from './fingerprint.js';
import { decodeEdits, encodeEdits, readSnapshot, writeSnapshot, type SiteSnapshot, type SnapshotEdits } from './site-snapshot.js';

/** What the last successful build into one output folder recorded: its head (see BuildHead) and its file records. */
export type BuildState = BuildHead & BuildRecords;

/**
 * The small part of the state, read by every build (the up-to-date check among them): the file
 * records sit in a file of their own, named by the head, so a build with nothing to do never reads
 * them (26 MB at 100k articles).
 */
export interface BuildHead {
  readonly generator: string;
  /** Fingerprint of every input; equal → nothing to do. */
  readonly inputsKey: string;
  /** What each search shard's bundle depended on (its article pages' signatures), by shard folder. */
  readonly searchSignatures?: Readonly<Record<string, string>>;
  /** The id of the site snapshot saved with this state (none after a build with warnings). */
  readonly snapshot?: string;
  /** The counts the summary line prints, so an up-to-date build can print them too. */
  readonly summary: { readonly articles: number; readonly tags: number; readonly pages: number; readonly files: number };
}

/** The head as stored: it names the records file written with it. */
interface StoredHead extends BuildHead {
  readonly records: string;
}

/** The cache folder for one output folder. */
export class BuildCache {
  /** Where article bodies are kept, as segments (see body-store). */
  readonly bodyDir: string;

  /** The file records this build took up, if any: a save writes only what changed since (a delta on their whole file). */
  private loadedRecords: LoadedRecords | undefined;

  /** What the pack (with its journal) held when this build loaded it: a save appends only the difference. */
  private loaded: { settings: string; drafts: ReadonlyMap<string, ArticleDraft>; journalBytes: number; packBytes: number } | undefined;

  private constructor(
    private readonly dir: string,
    private readonly statePath: string,
    private readonly packPath: string,
    private readonly snapshotPath: string,
    /** The last build's head, if it was made by this generator. */
    readonly state: BuildHead | undefined,
    private readonly recordsId: string | undefined,
  ) {
    this.bodyDir = path.join(dir, 'bodies');
  }

  /** The state file for builds into `outDir`, and its drafts pack. */
  private static pathsOf(cacheDir: string, outDir: string): { state: string; pack: string; snapshot: string } {
    const id = hashOf(path.resolve(outDir)).slice(0, 16);
    const dir = path.resolve(cacheDir);
    return { state: path.join(dir, `state-${id}.json`), pack: path.join(dir, `drafts-${id}.json`), snapshot: path.join(dir, `site-${id}.bin`) };
  }

  /** Forgets what was recorded for `outDir` (a cold build rewrote it, so the record no longer describes it). */
  static async forget(cacheDir: string, outDir: string): Promise<void> {
    const paths = BuildCache.pathsOf(cacheDir, outDir);
    await rm(paths.state, { force: true });
    await rm(recordsPathOf(paths.state), { force: true });
    await rm(deltaPathOf(paths.state), { force: true });
    // The site snapshot describes that output too (it is useless without the state, and large).
    await rm(paths.snapshot, { force: true });
    await rm(editsPathOf(paths.snapshot), { force: true });
  }

  /** Opens (creating if needed) the cache for builds into `outDir`. */
  static async open(cacheDir: string, outDir: string): Promise<BuildCache> {
    const dir = path.resolve(cacheDir);
    await mkdir(path.join(dir, 'bodies'), { recursive: true });
    const paths = BuildCache.pathsOf(cacheDir, outDir);
    const stored = await readFile(paths.state, 'utf8').then(
      (text) => JSON.parse(text) as StoredHead,
      () => undefined,
    );
    if (stored?.generator !== GENERATOR_VERSION || typeof stored.records !== 'string') return new BuildCache(dir, paths.state, paths.pack, paths.snapshot, undefined, undefined);
    const { records, ...head } = stored;
    return new BuildCache(dir, paths.state, paths.pack, paths.snapshot, head, records);
  }

  /**
   * The last build's file records (the whole records file, with the delta beside it applied when the
   * head names the delta), or undefined when they are missing or not the ones its head names.
   */
  async records(): Promise<BuildRecords | undefined> {
    if (this.recordsId === undefined) return undefined;
    const kept = BuildCache.recordsInMemory;
    if (kept?.file === this.statePath && kept.loaded.id === this.recordsId) return (this.loadedRecords = kept.loaded).records;
    const stored = await readFile(recordsPathOf(this.statePath), 'utf8').then(decodeRecords, () => undefined);
    if (stored === undefined) return undefined;
    if (stored.id === this.recordsId) return (this.loadedRecords = { id: stored.id, base: stored.id, deltaPaths: [], records: stored.records }).records;
    const delta = await readFile(deltaPathOf(this.statePath), 'utf8').catch(() => undefined);
    const deltaPaths = delta === undefined ? undefined : applyRecordsDelta(delta, { base: stored.id, id: this.recordsId }, stored.records);
    if (deltaPaths === undefined) return undefined;
    return (this.loadedRecords = { id: this.recordsId, base: stored.id, deltaPaths, records: stored.records }).records;
  }

  /** The records a dev server keeps between rebuilds, with the state file they belong to. */
  private static recordsInMemory: { file: string; loaded: LoadedRecords } | undefined;

  /**
   * Drafts kept in memory between builds of one long-running process (`broadsheet dev`), by key.
   * Keyed as the pack is (a seed's size, mtime, ctime and path); an entry is dropped when a build no longer uses it.
   */
  private static memory: Map<string, ArticleDraft> | undefined;
  /** The parse settings of the drafts in memory. */
  private static memorySettings: string | undefined;

  /** Keeps drafts in memory across builds in this process (for the dev server). */
  static keepInMemory(): void {
    BuildCache.memory ??= new Map();
  }

  /** Every draft the last build stored with these parse settings, by key (from memory in a dev server, else from the pack). */
  async loadDrafts(settings: string): Promise<ReadonlyMap<string, ArticleDraft>> {
    if (BuildCache.memory && BuildCache.memorySettings === settings && BuildCache.memory.size > 0) return BuildCache.memory;
    const read = await readPack(this.packPath);
    const pack = read?.settings === settings ? read : undefined;
    const drafts = pack?.drafts ?? new Map<string, ArticleDraft>();
    if (pack) this.loaded = { settings, drafts, journalBytes: pack.journalBytes, packBytes: pack.packBytes };
    if (BuildCache.memory) {
      BuildCache.memory = new Map(drafts);
      BuildCache.memorySettings = settings;
    }
    return drafts;
  }

  /**
   * Stores the drafts of this build (write, then rename: a killed build never leaves half a file) and
   * deletes body segments no pack of this cache uses any more; in a dev server, after the rebuild.
   */
  async saveDrafts(settings: string, drafts: ReadonlyMap<string, ArticleDraft>): Promise<void> {
    if (BuildCache.memory) {
      BuildCache.memory = new Map(drafts);
      BuildCache.memorySettings = settings;
      // A dev server reads drafts from memory: the pack (for a later `build`) is written after this
      // rebuild has finished and reloaded the page, one write at a time, newest last. Unused body
      // segments are left for the next `build` to delete: a later rebuild may be writing new ones.
      BuildCache.packWrites = BuildCache.packWrites.then(() => this.writePack(settings, drafts, false)).catch(() => undefined);
      return;
    }
    if (this.loaded?.settings === settings && !journalIsDue(this.loaded.journalBytes, this.loaded.packBytes)) {
      await this.appendJournal(settings, this.loaded.drafts, drafts);
      return;
    }
    await this.writePack(settings, drafts, true);
  }

  /**
   * Appends what changed since `before` as one journal line: an edit in 10k articles writes one
   * draft, not the whole 9 MB pack. A line cut short by a killed build is ignored when read (its
   * seeds are simply parsed again).
   */
  private async appendJournal(settings: string, before: ReadonlyMap<string, ArticleDraft>, after: ReadonlyMap<string, ArticleDraft>): Promise<void> {
    const put: Record<string, ArticleDraft> = {};
    for (const [key, draft] of after) if (before.get(key) !== draft) put[key] = draft;
    const del = [...before.keys()].filter((key) => !after.has(key));
    if (Object.keys(put).length === 0 && del.length === 0) return;
    await appendJournalLine(this.packPath, { settings, put, del });
  }


  /** Writes in the background, one after another (dev server only). */
  private static packWrites: Promise<void> = Promise.resolve();

  /** Waits for background pack writes (a dev server before it exits). */
  static async flush(): Promise<void> {
    await BuildCache.packWrites;
  }

  /** Writes the pack, then (with `collect`) deletes body segments no pack of this cache uses any more. */
  private async writePack(settings: string, drafts: ReadonlyMap<string, ArticleDraft>, collect: boolean): Promise<void> {
    await writePackFile(`${this.packPath}.${process.pid}.tmp`, settings, drafts);
    await rename(`${this.packPath}.${process.pid}.tmp`, this.packPath);
    // The new pack holds everything: its journal is spent (a journal left by a kill here only puts
    // back drafts for the same keys, which are the same drafts).
    await rm(`${this.packPath}.log`, { force: true });
    if (!collect) return;
    const live: string[] = [...drafts.values()].map((d) => d.body);
    // Other output folders built with this cache keep their bodies too.
    for (const name of await readdir(this.dir)) {
      const other = path.join(this.dir, name);
      if (name.startsWith('drafts-') && name.endsWith('.json') && other !== this.packPath) for (const d of (await readPack(other))?.drafts.values() ?? []) live.push(d.body);
    }
    removeUnusedSegments(this.bodyDir, live);
  }

  /**
   * Puts the drafts of edited seeds in the pack (`put`, by key) in place of their old keys (`del`)
   * without reading the pack: one journal line, unless the journal is due to be folded into the pack.
   */
  async replaceDrafts(settings: string, put: ReadonlyMap<string, ArticleDraft>, del: readonly string[]): Promise<void> {
    await BuildCache.packWrites;
    const memory = BuildCache.memory;
    if (memory && BuildCache.memorySettings === settings && memory.size > 0) {
      for (const key of del) memory.delete(key);
      for (const [key, draft] of put) memory.set(key, draft);
    }
    const sizeOf = (file: string) => stat(file).then((s) => s.size, () => 0);
    if (!journalIsDue(await sizeOf(`${this.packPath}.log`), await sizeOf(this.packPath))) {
      await appendJournalLine(this.packPath, { settings, put: Object.fromEntries(put), del });
      return;
    }
    const pack = await readPack(this.packPath);
    const drafts = pack?.settings === settings ? pack.drafts : new Map<string, ArticleDraft>();
    for (const key of del) drafts.delete(key);
    for (const [key, draft] of put) drafts.set(key, draft);
    await this.writePack(settings, drafts, true);
  }

  /** The site snapshot (with the edits taken up since) that the current state names, if there is one. */
  async loadSnapshot(): Promise<{ snapshot: SiteSnapshot; edits?: SnapshotEdits } | undefined> {
    const id = this.state?.snapshot;
    if (id === undefined) return undefined;
    const bytes = await readFile(this.editsPath).catch(() => undefined);
    const edits = bytes && decodeEdits(bytes);
    const base = edits?.id === id ? edits.base : id;
    // A dev server keeps the snapshot it saved or read last (ids are unique: never stale).
    const kept = BuildCache.snapshotInMemory;
    const snapshot = kept?.file === this.snapshotPath && kept.snapshot.id === base ? kept.snapshot : await readSnapshot(this.snapshotPath, BuildCache.memory !== undefined);
    if (!snapshot || snapshot.id !== base) return undefined;
    if (BuildCache.memory) BuildCache.snapshotInMemory = { file: this.snapshotPath, snapshot };
    return snapshot.id === id ? { snapshot } : { snapshot, edits: edits! };
  }

  /** The snapshot a dev server keeps between rebuilds, with the file it belongs to. */
  private static snapshotInMemory: { file: string; snapshot: SiteSnapshot } | undefined;

  /** Saves the site snapshot of a build (its id goes in the state saved next); edits of an older one are dropped. */
  async saveSnapshot(snapshot: SiteSnapshot): Promise<void> {
    await writeSnapshot(this.snapshotPath, snapshot);
    await rm(this.editsPath, { force: true });
    if (BuildCache.memory) BuildCache.snapshotInMemory = { file: this.snapshotPath, snapshot };
  }

  /** Saves the edits taken up since the snapshot (their id goes in the state saved next). */
  async saveSnapshotEdits(edits: SnapshotEdits): Promise<void> {
    await this.writeAtomically(this.editsPath, encodeEdits(edits));
  }

  /** Where the edits beside the snapshot are kept. */
  private get editsPath(): string {
    return editsPathOf(this.snapshotPath);
  }

  /** Writes a file whole or not at all (a temporary file renamed into place); text given in pieces is written piece by piece. */
  private async writeAtomically(file: string, bytes: Buffer | string | Iterable<string>): Promise<void> {
    await writeFile(`${file}.${process.pid}.tmp`, bytes);
    await rename(`${file}.${process.pid}.tmp`, file);
  }

  /**
   * Records a successful build: its file records first, then the head naming them (a build killed in
   * between leaves the old head, whose records are gone: the next build goes the full way). When this
   * build took up records and changed few of them (an edit), only those are written, as a delta on the
   * whole records file (at 10k articles the whole file is 1.8 MB, ≈ 20 ms to encode and write).
   */
  async saveState(state: BuildState): Promise<void> {
    const { outputs, pages, ...head } = state;
    const records = { outputs, ...(pages && { pages }) };
    const id = randomUUID();
    const loaded = this.loadedRecords;
    const changed = new Set(loaded?.deltaPaths);
    const limit = Math.max(MIN_DELTA_LIMIT, Math.ceil(outputs.size / DELTA_FRACTION));
    let saved: LoadedRecords;
    if (loaded && changed.size <= limit && addChangedPaths(loaded.records, records, changed, limit)) {
      await this.writeAtomically(deltaPathOf(this.statePath), encodeRecordsDelta(id, loaded.base, changed, records));
      saved = { id, base: loaded.base, deltaPaths: [...changed], records };
    } else {
      await this.writeAtomically(recordsPathOf(this.statePath), encodeRecords(id, records));
      saved = { id, base: id, deltaPaths: [], records };
    }
    await this.writeAtomically(this.statePath, JSON.stringify({ ...head, records: id } satisfies StoredHead));
    // A delta made on older whole records is of no use now.
    if (saved.base === id) await rm(deltaPathOf(this.statePath), { force: true });
    this.loadedRecords = saved;
    if (BuildCache.memory) BuildCache.recordsInMemory = { file: this.statePath, loaded: saved };
  }
}

/** A delta on the whole records holds at most this many paths, or this fraction of all outputs when that is more… */
const MIN_DELTA_LIMIT = 512;
/** …one in DELTA_FRACTION: past it the records are written whole again. */
const DELTA_FRACTION = 16;

/** File records as a build took them up: their id, the id of the whole records file they came from, and the paths a delta changed. */
interface LoadedRecords {
  readonly id: string;
  readonly base: string;
  readonly deltaPaths: readonly string[];
  readonly records: BuildRecords;
}

/** Where the delta on the whole file records is kept (see saveState). */
function deltaPathOf(statePath: string): string {
  return statePath.replace(/\.json$/, '.records-delta.json');
}

/** The edits file beside a snapshot file. */
function editsPathOf(snapshotPath: string): string {
  return snapshotPath.replace(/\.bin$/, '.edits.bin');
}

/** Where the file records named by a state file's head are kept. */
function recordsPathOf(statePath: string): string {
  return statePath.replace(/\.json$/, '.records.json');
}
