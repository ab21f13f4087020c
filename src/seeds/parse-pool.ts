/** Parses all seeds across cores: batches go to worker threads (piscina); small builds stay in-process. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { PARSE_WORKER_HEAP } from '../heap-budget.js';
import { mayBeSlowMarkdown } from './markdown-risk.js';
import { parseBatch, toWire, type ParseBatch, type WireResult } from './parse-task.js';
import { batchProgress, DEFAULT_SEED_TIME_LIMIT_MS, outOfMemoryError, ParseWatchdog } from './parse-watchdog.js';

/** Seeds per batch sent to a worker. */
const BATCH_SIZE = 64;

/** Below this many seeds, starting workers costs more than it saves (session 22: in-process ≈ 60 ms faster at 1,000 Markdown seeds, workers slightly faster at 2,000). */
const MIN_SEEDS_FOR_WORKERS = 1500;

/** The compiled worker file, when running from `lib/` (not under a TypeScript test runner). */
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** What a batch carries besides its seed paths. */
export type ParseSettings = Omit<ParseBatch, 'paths' | 'progress'>;

/** How seeds are parsed: how many worker threads (0: in-process), and the time limit a seed gets in a worker (none: no limit). */
export interface ParsePlan {
  readonly workers: number;
  readonly seedTimeLimitMs?: number;
}

/** How many worker threads to use: `requested`, else one per core. */
function workerCount(requested: number | undefined, seeds: number): number {
  if (requested !== undefined) return Math.max(0, requested);
  if (seeds < MIN_SEEDS_FOR_WORKERS || !existsSync(WORKER_FILE)) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** The plan for parsing `seeds` seeds under `--workers` and `--seed-time-limit` (in ms; 0: none). `--workers 0` parses in-process, unwatched. */
export function parsePlan(requestedWorkers: number | undefined, seedTimeLimitMs: number | undefined, seeds: number): ParsePlan {
  const limit = requestedWorkers === 0 || seedTimeLimitMs === 0 ? undefined : (seedTimeLimitMs ?? DEFAULT_SEED_TIME_LIMIT_MS);
  return { workers: workerCount(requestedWorkers, seeds), ...(limit !== undefined && { seedTimeLimitMs: limit }) };
}

/** Splits paths into batches of BATCH_SIZE. */
function batchesOf(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH_SIZE) batches.push(paths.slice(i, i + BATCH_SIZE));
  return batches;
}

/**
 * Parses every path; results come back in the order of `paths`, whatever the number of workers. With a
 * time limit, an in-process parse still hands Markdown that may be slow (markdown-risk.ts) to a worker.
 */
export async function parseAll(paths: readonly string[], settings: ParseSettings, plan: ParsePlan, onProgress?: (done: number) => void): Promise<WireResult[]> {
  let done = 0;
  const report = (results: WireResult[]) => {
    done += results.length;
    onProgress?.(done);
    return results;
  };
  // Under a TypeScript test runner there is no compiled worker: everything parses in-process.
  const canThread = existsSync(WORKER_FILE);
  const threads = canThread ? plan.workers : 0;
  const watched = canThread && plan.seedTimeLimitMs !== undefined;
  const inWorkers = threads > 0 ? [...paths] : watched ? paths.filter(mayBeSlowMarkdown) : [];
  const results = new Map<string, WireResult>();
  const handedOver = new Set(inWorkers);
  const inProcess = inWorkers.length === 0 ? paths : paths.filter((p) => !handedOver.has(p));
  const workers = inWorkers.length > 0 ? parseInWorkers(batchesOf(inWorkers), settings, Math.max(1, threads), plan.seedTimeLimitMs, report) : Promise.resolve([]);
  // Awaited below, after the in-process seeds: until then a failure must not count as unhandled.
  workers.catch(() => {});
  try {
    for (const batch of batchesOf(inProcess)) {
      report(await parseBatch({ ...settings, paths: batch })).forEach((result, i) => results.set(batch[i]!, result));
      // Parsing reads synchronously: let timers, signals and (in `dev`) requests through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    (await workers).forEach((result, i) => results.set(inWorkers[i]!, result));
  }
  return paths.map((p) => results.get(p)!);
}

/** Parses batches in worker threads, each seed within its time limit if there is one; results in batch order. */
async function parseInWorkers(batches: string[][], settings: ParseSettings, threads: number, limitMs: number | undefined, report: (results: WireResult[]) => WireResult[]): Promise<WireResult[]> {
  // Imported only when threads are used: an edit of a few seeds parses in-process.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: PARSE_WORKER_HEAP });
  const watchdog = limitMs === undefined ? undefined : new ParseWatchdog(limitMs);
  try {
    // Every batch settles before the pool is destroyed (one destroyed under a running batch would
    // report the batch's late answer as an unheard 'error' event); then the first failure is thrown.
    const parts = await Promise.allSettled(batches.map((batch) => runBatch(pool, batch, settings, watchdog).then(report)));
    const failed = parts.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    return parts.flatMap((p) => (p.status === 'fulfilled' ? p.value : []));
  } finally {
    await pool.destroy();
  }
}

/**
 * Runs one batch in the pool. A seed stopped by the watchdog, or whose worker ran out of memory,
 * becomes that seed's error, and the rest of the batch runs again without it.
 */
async function runBatch(pool: Piscina, paths: readonly string[], settings: ParseSettings, watchdog: ParseWatchdog | undefined): Promise<WireResult[]> {
  const progress = batchProgress();
  const abort = new AbortController();
  const watch = watchdog?.watch(paths, progress, () => abort.abort());
  try {
    return (await pool.run({ ...settings, paths, progress }, { signal: abort.signal })) as WireResult[];
  } catch (error) {
    const stopped = watch?.overrun() ?? outOfMemoryError(error, paths, progress);
    if (!stopped) throw error;
    const rest = paths.filter((p) => p !== stopped.file);
    const results = rest.length > 0 ? await runBatch(pool, rest, settings, watchdog) : [];
    let next = 0;
    return paths.map((p) => (p === stopped.file ? { ok: false, errors: [toWire(stopped)], warnings: [] } : results[next++]!));
  } finally {
    watch?.end();
  }
}
