/** Writes output files into the staging folder; a file whose bytes did not change is hard-linked from the previous site, so it keeps its mtime. */
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

/** Writes files into `staging` with bounded concurrency, reusing identical files of `previous`. */
export class SiteWriter {
  private readonly dirs = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  readonly stats: WriteStats = { written: 0, unchanged: 0 };
  private readonly paths = new Set<string>();

  constructor(
    private readonly staging: string,
    private readonly previous: string | null,
    private readonly concurrency = 32,
  ) {}

  /** Queues one file; waits when too many writes are in flight. Throws on a duplicate path. */
  async add(file: OutputFile): Promise<void> {
    if (this.paths.has(file.path)) throw new UsageError(`two files want the same output path ${file.path} (hint: a file in public/ may clash with a generated page)`);
    this.paths.add(file.path);
    while (this.pending.size >= this.concurrency) await Promise.race(this.pending);
    const p = this.write(file).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for every queued write. */
  async flush(): Promise<WriteStats> {
    await Promise.all(this.pending);
    return this.stats;
  }

  /** True when the output already holds a file at this path (from public/ or a page). */
  has(relPath: string): boolean {
    return this.paths.has(relPath);
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.dirs.add(dir);
  }

  private async write(file: OutputFile): Promise<void> {
    const target = resolveInside(this.staging, file.path);
    await this.ensureDir(path.dirname(target));
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    if (this.previous && (await this.sameAsPrevious(file.path, bytes))) {
      try {
        await link(resolveInside(this.previous, file.path), target);
        this.stats.unchanged++;
        return;
      } catch {
        // Linking can fail across devices; fall through to a plain write.
      }
    }
    await writeFile(target, bytes);
    this.stats.written++;
  }

  private async sameAsPrevious(relPath: string, bytes: Uint8Array): Promise<boolean> {
    const old = resolveInside(this.previous!, relPath);
    try {
      const info = await stat(old);
      if (!info.isFile() || info.size !== bytes.byteLength) return false;
      return Buffer.compare(await readFile(old), bytes) === 0;
    } catch {
      return false;
    }
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

/** Copies `public/` into the writer's output (symbolic links and dot-files are skipped). */
export async function copyPublic(publicDir: string, writer: SiteWriter): Promise<number> {
  const files = await listFiles(publicDir);
  for (const rel of files) {
    if (rel.split('/').some((part) => part.startsWith('.'))) continue;
    await writer.add({ path: rel, bytes: await readFile(path.join(publicDir, rel)) });
  }
  return files.length;
}

