/** Lists and reads seed files: the only place content is read from disk. */
import { readFileSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SeedError, UsageError } from '../errors.js';
import { notAFile } from '../file-kind.js';
import { SEED_EXTENSIONS, type SeedFile } from './seed-file.js';

/** Code-point order, the same on every machine (never locale or file-system order). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Seed paths under `dir` (recursively), sorted. Reported instead: symlinks leading outside `dir` or
 * to anything but a file, and seed-named entries that are not files (a named pipe, a socket, a device).
 */
export async function listSeeds(dir: string): Promise<{ paths: string[]; errors: SeedError[] }> {
  let root: string;
  try {
    const found = await lstat(dir);
    if (!found.isDirectory() && !found.isSymbolicLink()) throw new UsageError(`${dir}: not a folder`);
    root = await realpath(dir);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${dir}: seeds folder not found (hint: create it, or pass --seeds <dir>)`);
  }
  const paths: string[] = [];
  const errors: SeedError[] = [];
  async function walk(rel: string): Promise<void> {
    const folder = path.join(dir, rel);
    // path.join(dir, rel, name) for an entry's name (no separator, never `.` or `..`), without
    // normalising the whole path again for each of tens of thousands of entries.
    const prefix = folder === '.' ? '' : folder.endsWith(path.sep) ? folder : folder + path.sep;
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const shown = prefix + entry.name;
      if (entry.isDirectory()) {
        await walk(relPath);
        continue;
      }
      if (!SEED_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(shown);
        } catch {
          errors.push(new SeedError(shown, 1, 'broken symbolic link'));
          continue;
        }
        if (target !== root && !target.startsWith(root + path.sep)) {
          errors.push(new SeedError(shown, 1, 'symbolic link points outside the seeds folder', 'copy the file into the seeds folder instead'));
          continue;
        }
        const linked = await stat(target).catch(() => undefined);
        if (linked === undefined) {
          errors.push(new SeedError(shown, 1, 'broken symbolic link'));
          continue;
        }
        if (!linked.isFile()) {
          errors.push(new SeedError(shown, 1, `symbolic link to ${notAFile(linked)}, not to a file`, 'link to the seed file itself, or remove the link'));
          continue;
        }
      } else if (!entry.isFile()) {
        errors.push(new SeedError(shown, 1, `${notAFile(entry)}, not a file`, 'a seed is a regular text file; remove this one or rename it'));
        continue;
      }
      paths.push(shown);
    }
  }
  await walk('');
  paths.sort(byCodePoint);
  return { paths, errors };
}

/**
 * Reads one seed, synchronously: it runs in a parse worker (or an in-process parse) that has nothing
 * else to do meanwhile, and a plain read skips the thread-pool round trips and promises of an
 * asynchronous one. An unreadable file becomes a SeedError.
 */
export function readSeed(file: string): SeedFile | SeedError {
  try {
    return { path: file, bytes: readFileSync(file) };
  } catch (error) {
    return new SeedError(file, 1, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
