/** The output folder is replaced whole: build into a staging folder beside it, then swap by rename. */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { replayJournal } from './journal.js';

/** The staging folder for this process, beside `outDir` so the final rename is atomic. */
export function stagingDirOf(outDir: string): string {
  return `${path.resolve(outDir)}.staging-${process.pid}`;
}

/** True when the path exists. */
async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Where a cold build (no cache) keeps article bodies while it runs: beside `outDir`, so a build
 * killed before it removes them leaves them where the next build's recovery finds them.
 */
export function bodiesDirOf(outDir: string): string {
  return `${path.resolve(outDir)}.bodies-${process.pid}`;
}

/**
 * Repairs what a killed build can leave: a committed journal is finished; a missing output folder
 * whose previous copy is still parked as `<out>.old-<pid>` is put back; leftover staging, parked and
 * cold-build body folders are removed.
 */
export async function recoverOutputDir(outDir: string): Promise<void> {
  await replayJournal(outDir);
  const full = path.resolve(outDir);
  const parent = path.dirname(full);
  const base = path.basename(full);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const parked = entries.filter((e) => e.startsWith(`${base}.old-`)).sort();
  if (!(await exists(full)) && parked.length > 0) await rename(path.join(parent, parked.pop()!), full);
  for (const leftover of entries.filter((e) => e.startsWith(`${base}.staging-`) || e.startsWith(`${base}.old-`) || e.startsWith(`${base}.bodies-`))) {
    await rm(path.join(parent, leftover), { recursive: true, force: true });
  }
}

/** Creates a fresh, empty staging folder. */
export async function createStagingDir(outDir: string): Promise<string> {
  const staging = stagingDirOf(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Puts the staging folder in place of the output folder: two renames, then the old copy is deleted. */
export async function swapIntoPlace(staging: string, outDir: string): Promise<void> {
  const full = path.resolve(outDir);
  await mkdir(path.dirname(full), { recursive: true });
  const parked = `${full}.old-${process.pid}`;
  const hadOld = await exists(full);
  if (hadOld) await rename(full, parked);
  await rename(staging, full);
  if (hadOld) await rm(parked, { recursive: true, force: true });
}
