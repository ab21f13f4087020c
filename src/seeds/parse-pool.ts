/** Parses all seeds across cores: batches go to worker threads (piscina); small builds stay in-process. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PARSE_WORKER_HEAP } from '../heap-budget.js';
import { parseBatch, type ParseBatch, type WireResult } from './parse-task.js';

/** Seeds per batch sent to a worker. */
const BATCH_SIZE = 64;

/** Below this many seeds, starting workers costs more than it saves. */
const MIN_SEEDS_FOR_WORKERS = 300;

/** The compiled worker file, when running from `lib/` (not under a TypeScript test runner). */
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** How many worker threads to use: `requested`, else one per core. */
export function workerCount(requested: number | undefined, seeds: number): number {
  if (requested !== undefined) return Math.max(0, requested);
  if (seeds < MIN_SEEDS_FOR_WORKERS || !existsSync(WORKER_FILE)) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Parses every path; results come back in the order of `paths`, whatever the number of workers. */
export async function parseAll(paths: readonly string[], settings: Omit<ParseBatch, 'paths'>, workers: number, onProgress?: (done: number) => void): Promise<WireResult[]> {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH_SIZE) batches.push(paths.slice(i, i + BATCH_SIZE));
  let done = 0;
  const report = (results: WireResult[]) => {
    done += results.length;
    onProgress?.(done);
    return results;
  };
  if (workers === 0 || !existsSync(WORKER_FILE)) {
    const results: WireResult[] = [];
    for (const batch of batches) {
      results.push(...report(await parseBatch({ ...settings, paths: batch })));
      // Parsing reads synchronously: let timers, signals and (in `dev`) requests through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }
  // Imported only when threads are used: an edit of a few seeds parses in-process.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: WORKER_FILE, minThreads: workers, maxThreads: workers, idleTimeout: 1000, resourceLimits: PARSE_WORKER_HEAP });
  try {
    // Every batch settles before the pool is destroyed (one destroyed under a running batch would
    // report the batch's late answer as an unheard 'error' event); then the first failure is thrown.
    const parts = await Promise.allSettled(batches.map((batch) => (pool.run({ ...settings, paths: batch }) as Promise<WireResult[]>).then(report)));
    const failed = parts.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    return parts.flatMap((p) => (p.status === 'fulfilled' ? p.value : []));
  } finally {
    await pool.destroy();
  }
}
