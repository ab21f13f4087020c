/** Writes output files into the staging folder, skipping or hard-linking files whose bytes did not change (they keep their mtime). */
import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { OutputFile } from '../render/output-file.js';
import { resolveInside } from '../site/urls.js';

/** Counts of what writing did. */
export interface WriteStats {
  written: number;
  unchanged: number;
}

/** How the writer knows what the previous site holds. */
export type PreviousSite =
  /** Nothing to compare with: write everything. */
  | { readonly kind: 'none' }
  /** The previous output folder, compared byte for byte; identical files are hard-linked into staging. */
  | { readonly kind: 'folder'; readonly dir: string }
  /** The previous build's manifest of hashes; identical files are not staged at all (incremental commit). */
  | { readonly kind: 'manifest'; readonly dir: string; readonly outputs: Readonly<Record<string, string>> };

/** The hash recorded for a file's bytes in the build manifest. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** Writes files into `staging` with bounded concurrency. */
export class SiteWriter {
  private readonly dirs = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly paths = new Set<string>();
  readonly stats: WriteStats = { written: 0, unchanged: 0 };
  /** sha1 of every file added, by path (only when `recordHashes`). */
  readonly outputs: Record<string, string> = {};
  /** Paths staged for an incremental commit (only with a manifest). */
  readonly staged: string[] = [];

  constructor(
    private readonly staging: string,
    private readonly previous: PreviousSite,
    private readonly recordHashes: boolean,
    private readonly concurrency = 32,
  ) {}

  /** Queues one file; waits when too many writes are in flight. Two files on one path is an error. */
  async add(file: OutputFile): Promise<void> {
    if (this.paths.has(file.path)) throw new UsageError(`two files want the same output path ${file.path} (hint: a file in public/ may clash with a generated page)`);
    this.paths.add(file.path);
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    if (this.recordHashes || this.previous.kind === 'manifest') {
      const hash = contentHashOf(bytes);
      this.outputs[file.path] = hash;
      if (this.previous.kind === 'manifest' && this.previous.outputs[file.path] === hash) {
        this.stats.unchanged++;
        return;
      }
    }
    while (this.pending.size >= this.concurrency) await Promise.race(this.pending);
    const p = this.write(file.path, bytes).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Records a file the previous site already holds with the right bytes (an unchanged page that was not rendered). */
  keep(relPath: string): void {
    if (this.previous.kind !== 'manifest' || this.previous.outputs[relPath] === undefined) throw new Error(`cannot keep ${relPath}: the previous build did not write it`);
    if (this.paths.has(relPath)) throw new UsageError(`two files want the same output path ${relPath}`);
    this.paths.add(relPath);
    this.outputs[relPath] = this.previous.outputs[relPath]!;
    this.stats.unchanged++;
  }

  /** Where a file added or kept so far can be read: the staging folder, or the previous site for unchanged files. */
  locate(relPath: string): string {
    const staged = this.previous.kind !== 'manifest' || this.outputs[relPath] !== this.previous.outputs[relPath];
    return resolveInside(staged ? this.staging : this.previous.dir, relPath);
  }

  /** Waits for every queued write. */
  async flush(): Promise<WriteStats> {
    await Promise.all(this.pending);
    return this.stats;
  }

  /** Every path added so far. */
  allPaths(): ReadonlySet<string> {
    return this.paths;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private async write(relPath: string, bytes: Uint8Array): Promise<void> {
    const target = resolveInside(this.staging, relPath);
    await this.ensureDir(path.dirname(target));
    if (this.previous.kind === 'folder' && (await sameBytes(resolveInside(this.previous.dir, relPath), bytes))) {
      try {
        await link(resolveInside(this.previous.dir, relPath), target);
        this.stats.unchanged++;
        return;
      } catch {
        // Linking can fail across devices; fall through to a plain write.
      }
    }
    await writeFile(target, bytes);
    this.stats.written++;
    if (this.previous.kind === 'manifest') this.staged.push(relPath);
  }
}

/** True when `file` exists and holds exactly `bytes`. */
async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size !== bytes.byteLength) return false;
    return Buffer.compare(await readFile(file), bytes) === 0;
  } catch {
    return false;
  }
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) out.push(r);
    }
  }
  await walk('');
  return out.sort();
}

/** Copies `public/` into the writer's output (dot-files are skipped). */
export async function copyPublic(publicDir: string, writer: SiteWriter): Promise<number> {
  const files = (await listFiles(publicDir)).filter((rel) => !rel.split('/').some((part) => part.startsWith('.')));
  for (const rel of files) await writer.add({ path: rel, bytes: await readFile(path.join(publicDir, rel)) });
  return files.length;
}
