/** Parses all seeds across cores: batches go to worker threads (piscina); small builds stay in-process. */
import type { Piscina } from 'piscina';
import { mayBeSlowMarkdown } from './markdown-risk.js';
import { parseBatch, toWire, type ParseBatch, type WireResult } from './parse-task.js';
import { startParseWorkers, type ParsePlan } from './parse-threads.js';
import { batchProgress, outOfMemoryError, ParseWatchdog } from './parse-watchdog.js';

/** Seeds per batch sent to a worker. */
const BATCH_SIZE = 64;

/** What a batch carries besides its seed paths. */
export type ParseSettings = Omit<ParseBatch, 'paths' | 'progress'>;

/** Splits paths into batches of BATCH_SIZE. */
function batchesOf(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH_SIZE) batches.push(paths.slice(i, i + BATCH_SIZE));
  return batches;
}

/**
 * Parses every path; results come back in the order of `paths`, whatever the number of workers. With a
 * time limit, an in-process parse still hands Markdown that may be slow (markdown-risk.ts) to a worker.
 * `started` is the plan's workers when the caller started them already for these paths
 * (startPlannedWorkers); parseAll stops them when the parse ends.
 */
export async function parseAll(paths: readonly string[], settings: ParseSettings, plan: ParsePlan, onProgress?: (done: number) => void, started?: Promise<Piscina>): Promise<WireResult[]> {
  let done = 0;
  const report = (results: WireResult[]) => {
    done += results.length;
    onProgress?.(done);
    return results;
  };
  const watched = plan.seedTimeLimitMs !== undefined;
  const inWorkers = plan.workers > 0 ? [...paths] : watched ? paths.filter(mayBeSlowMarkdown) : [];
  const results = new Map<string, WireResult>();
  const handedOver = new Set(inWorkers);
  const inProcess = inWorkers.length === 0 ? paths : paths.filter((p) => !handedOver.has(p));
  const workers = inWorkers.length > 0 ? parseInWorkers(batchesOf(inWorkers), settings, started ?? startParseWorkers(Math.max(1, plan.workers)), plan.seedTimeLimitMs, report) : Promise.resolve([]);
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
async function parseInWorkers(batches: string[][], settings: ParseSettings, starting: Promise<Piscina>, limitMs: number | undefined, report: (results: WireResult[]) => WireResult[]): Promise<WireResult[]> {
  const pool = await starting;
  const watchdog = limitMs === undefined ? undefined : new ParseWatchdog(limitMs);
  try {
    // Every batch settles before the pool is destroyed (one destroyed under a running batch would
    // report the batch's late answer as an unheard 'error' event); then the first failure is thrown.
    const parts = await Promise.allSettled(batches.map((batch) => runBatch(pool, batch, settings, watchdog).then(report)));
    const failed = parts.find((p) => p.status === 'rejected');
    if (failed) throw failed.reason;
    return parts.flatMap((p) => (p.status === 'fulfilled' ? p.value : []));
  } finally {
    // Waited for, though it takes ≈ 45 ms of a 10k build: a pool still ending beside the render workers
    // holds its files and memory while they start, and made the open-file count at the end of the parse
    // depend on timing (tests/build/open-files.test.ts). Not waiting saved ≈ 25 ms (session 23).
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
