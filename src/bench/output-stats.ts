/** Counts what a build wrote: files, bytes, HTML pages, and files modified since the build started. */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** The size of an output folder; all zero when it does not exist. */
export interface OutputStats {
  readonly files: number;
  readonly bytes: number;
  readonly htmlFiles: number;
  /** Files whose mtime is at or after `since` (all files when `since` is not given). */
  readonly filesWritten: number;
}

/** Walks `dir` (symlinks not followed) and totals its regular files. */
export async function countOutput(dir: string, since?: number): Promise<OutputStats> {
  let files = 0;
  let bytes = 0;
  let htmlFiles = 0;
  let filesWritten = 0;
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) {
        const st = await lstat(p);
        files++;
        bytes += st.size;
        if (e.name.endsWith('.html')) htmlFiles++;
        if (since === undefined || st.mtimeMs >= since) filesWritten++;
      }
    }
  };
  await walk(dir);
  return { files, bytes, htmlFiles, filesWritten };
}
