/** Writes output files into the staging folder, leaving out files whose bytes did not change (the commit keeps them, with their mtime). */
import { hash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { OutputFile } from '../render/output-file.js';
import { resolveInside } from '../site/urls.js';
import { listFolderFiles } from './folder-files.js';

/** Counts of what writing did. */
export interface WriteStats {
  written: number;
  unchanged: number;
}

/** How the writer knows what the previous site holds. */
export type PreviousSite =
  /** Nothing to compare with: write everything. */
  | { readonly kind: 'none' }
  /** The previous output folder, compared byte for byte; identical files stay where they are (folder-commit.ts). */
  | { readonly kind: 'folder'; readonly dir: string }
  /** The previous build's manifest of hashes; identical files are not staged at all (incremental commit). */
  | { readonly kind: 'manifest'; readonly dir: string; readonly outputs: ReadonlyMap<string, string> };

/** The hash recorded for a file's bytes in the build manifest (text is hashed as its UTF-8 bytes). */
export function contentHashOf(bytes: Uint8Array | string): string {
  return hash('sha1', bytes, 'base64url');
}

/** How one file reached staging: written, or left out because the previous site has it with the same bytes. */
export type Placement = 'written' | 'unchanged';

/** Where files go and what the previous site holds, as plain data (it crosses to render workers). */
export interface PlaceTarget {
  readonly staging: string;
  readonly previous: { readonly kind: 'none' } | { readonly kind: 'folder' | 'manifest'; readonly dir: string };
  /** Hash every file's bytes (the cache records them for the next incremental build). */
  readonly recordHashes: boolean;
}

/** A file placed by someone else (a render worker), reported to the writer. */
export interface PlacedFile {
  readonly path: string;
  readonly hash?: string;
  readonly placement: Placement;
}

/**
 * Puts one file into staging, synchronously (render workers call it too): with a manifest, a file
 * whose hash equals `previousHash` is not staged at all, nor, with a previous folder, one whose bytes
 * equal the file there: the commit leaves it in place, so it keeps its mtime. A staged file goes to
 * stagedPathOf; when that is its own path, `folders` makes its folder first.
 * A page's text is hashed and written as it is, never copied into a Buffer first: Node writes a
 * string as UTF-8 in one native call (≈ 130 against 210 µs a 17 KB page, Buffer and writes included).
 */
export function placeFile(target: PlaceTarget, relPath: string, data: Uint8Array | string, previousHash: string | undefined, folders?: FolderMaker): PlacedFile {
  const hash = target.recordHashes || target.previous.kind === 'manifest' ? contentHashOf(data) : undefined;
  if (target.previous.kind === 'manifest' && hash === previousHash) return { path: relPath, hash, placement: 'unchanged' };
  if (target.previous.kind === 'folder' && sameBytes(resolveInside(target.previous.dir, relPath), data)) {
    return { path: relPath, ...(hash !== undefined && { hash }), placement: 'unchanged' };
  }
  const file = stagedPathOf(target, relPath);
  if (stagesFlat(target)) {
    writeFileSync(file, data);
  } else {
    folders?.make(relPath);
    inFolder(file, () => writeFileSync(file, data));
  }
  return { path: relPath, ...(hash !== undefined && { hash }), placement: 'written' };
}

/**
 * True when staged files lie flat in staging instead of at their own paths: with a manifest, whose
 * build commits through the journal file by file. A rebuild that rewrites the whole site (a template
 * edit) then makes and removes no staging folders: 19.4k of each at 10k articles, ≈ 3 s of a 12–15 s
 * rebuild on this machine's file system (docs/performance.md, session 19).
 */
export function stagesFlat(target: PlaceTarget): boolean {
  return target.previous.kind === 'manifest';
}

/** The name a file staged flat goes by: the sha1 of its output path, in hex (lower case: one name per path, even on a case-insensitive file system). */
export function stagedNameOf(relPath: string): string {
  return hash('sha1', relPath, 'hex');
}

/** Where the file at `relPath` lies when staged flat in `staging` (the writer puts it there, the journal takes it from there). */
export function flatStagedPath(staging: string, relPath: string): string {
  return path.join(staging, stagedNameOf(relPath));
}

/** Where a file is staged: at its own path in staging, or flat (stagesFlat); a path leaving staging is refused either way. */
export function stagedPathOf(target: PlaceTarget, relPath: string): string {
  const own = resolveInside(target.staging, relPath);
  return stagesFlat(target) ? flatStagedPath(target.staging, relPath) : own;
}

/** Runs `create` (which makes `file`), making the file's folder first if it turns out to be missing. */
function inFolder(file: string, create: () => void): void {
  try {
    create();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    create();
  }
}

/**
 * Makes the folders of output files in staging, parents first, one system call each, remembering what
 * it made. Each thread that places files keeps one and makes a file's folders just before it writes
 * the file (placeFile); two threads making the same parent is harmless (EEXIST).
 */
export class FolderMaker {
  /** Folders made that hold other folders (a file's own folder is not remembered: at 100k articles that would be 100k paths). */
  private readonly parents = new Set<string>();

  constructor(readonly staging: string) {}

  /** Makes every missing folder of the file at `rel`. */
  make(rel: string): void {
    const own = rel.lastIndexOf('/');
    if (own <= 0) return;
    const missing: string[] = [];
    for (let cut = rel.lastIndexOf('/', own - 1); cut > 0; cut = rel.lastIndexOf('/', cut - 1)) {
      const folder = rel.slice(0, cut);
      if (this.parents.has(folder)) break;
      this.parents.add(folder);
      missing.unshift(folder);
    }
    const folder = rel.slice(0, own);
    if (!this.parents.has(folder)) missing.push(folder);
    for (const folder of missing) {
      try {
        mkdirSync(resolveInside(this.staging, folder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}

/** Collects every file of the new site into staging and keeps the record of what went where. */
export class SiteWriter {
  private readonly paths = new Set<string>();
  readonly stats: WriteStats = { written: 0, unchanged: 0 };
  /** sha1 of every file added, by path (only when `recordHashes`). */
  readonly outputs = new Map<string, string>();
  /** Paths staged for an incremental commit (with a manifest or a previous folder). */
  readonly staged: string[] = [];
  /** Paths a previous folder holds with the right bytes already (they stay there). */
  readonly inPlace = new Set<string>();
  /** The plain-data target render workers place their files with. */
  readonly target: PlaceTarget;
  private readonly folders: FolderMaker;

  constructor(
    staging: string,
    private readonly previous: PreviousSite,
    recordHashes: boolean,
  ) {
    this.target = { staging, previous: previous.kind === 'none' ? previous : { kind: previous.kind, dir: previous.dir }, recordHashes };
    this.folders = new FolderMaker(staging);
  }

  /** The hash the previous build recorded for a path (manifest only). */
  previousHash(relPath: string): string | undefined {
    return this.previous.kind === 'manifest' ? this.previous.outputs.get(relPath) : undefined;
  }

  /** Places one file in staging. Two files on one path is an error. */
  add(file: OutputFile): void {
    this.claim(file.path);
    this.count(placeFile(this.target, file.path, file.bytes, this.previousHash(file.path), this.folders));
  }

  /** Records a file a render worker placed. */
  record(placed: PlacedFile): void {
    this.claim(placed.path);
    this.count(placed);
  }

  /** Records a file the previous site already holds with the right bytes (an unchanged page that was not rendered). */
  keep(relPath: string): void {
    const hash = this.previousHash(relPath);
    if (hash === undefined) throw new Error(`cannot keep ${relPath}: the previous build did not write it`);
    this.claim(relPath);
    this.outputs.set(relPath, hash);
    this.stats.unchanged++;
  }

  /** Where a file added or kept so far can be read: staging (stagedPathOf), or the previous site for unchanged files. */
  locate(relPath: string): string {
    const previous = this.previous;
    if (previous.kind === 'none') return stagedPathOf(this.target, relPath);
    const staged = previous.kind === 'manifest' ? this.outputs.get(relPath) !== previous.outputs.get(relPath) : !this.inPlace.has(relPath);
    return staged ? stagedPathOf(this.target, relPath) : resolveInside(previous.dir, relPath);
  }

  /** Every path added so far. */
  allPaths(): ReadonlySet<string> {
    return this.paths;
  }

  private claim(relPath: string): void {
    if (this.paths.has(relPath)) throw new UsageError(`two files want the same output path ${relPath} (hint: a file in public/ may clash with a generated page)`);
    this.paths.add(relPath);
  }

  private count(placed: PlacedFile): void {
    if (placed.hash !== undefined) this.outputs.set(placed.path, placed.hash);
    if (placed.placement === 'written') {
      this.stats.written++;
      if (this.previous.kind !== 'none') this.staged.push(placed.path);
    } else {
      this.stats.unchanged++;
      if (this.previous.kind === 'folder') this.inPlace.add(placed.path);
    }
  }
}

/** True when `file` is a regular file (not a link to one) holding exactly `data` (text as its UTF-8 bytes). */
function sameBytes(file: string, data: Uint8Array | string): boolean {
  try {
    const info = lstatSync(file);
    if (!info.isFile() || info.size !== (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)) return false;
    return Buffer.compare(readFileSync(file), typeof data === 'string' ? Buffer.from(data) : data) === 0;
  } catch {
    return false;
  }
}

/**
 * The files of `public/` (dot-files skipped, symbolic links followed). Anything in it that is not a
 * file (a broken link, a named pipe) is a usage error listing each one.
 */
export async function publicFilesOf(publicDir: string): Promise<string[]> {
  const { files, problems } = await listFolderFiles(publicDir);
  if (problems.length > 0) throw new UsageError(problems.map((problem) => `${problem} (hint: public/ is copied into the site as it is; replace or remove this entry)`).join('\n'));
  return files;
}

/** Copies `public/` into the writer's output (see publicFilesOf). */
export async function copyPublic(publicDir: string, writer: SiteWriter): Promise<number> {
  const files = await publicFilesOf(publicDir);
  for (const rel of files) writer.add({ path: rel, bytes: await readFile(path.join(publicDir, rel)) });
  return files.length;
}
