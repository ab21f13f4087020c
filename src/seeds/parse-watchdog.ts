/**
 * The per-seed time limit, and the seed to blame when a parse worker runs out of memory. Some Markdown makes micromark slow out of all proportion to its size (64 KB of
 * `*` around one word takes minutes, a megabyte of one-word list items half a minute): a parse worker
 * marks which seed of its batch it is on, and a seed that runs past its allowance has its worker stopped
 * and becomes a content error naming it.
 */
import { statSync } from 'node:fs';
import { SeedError } from '../errors.js';

/** The default allowance for a seed, before the part that grows with its size. */
export const DEFAULT_SEED_TIME_LIMIT_MS = 10_000;

/** Extra allowance per MiB of seed: about ten times what plain prose takes on a slow machine. */
const MS_PER_MIB = 2_000;

/** How often running batches are looked at. */
const TICK_MS = 250;

/** A seed's allowance: the limit plus 2 s per MiB of its bytes. */
export function seedAllowanceMs(limitMs: number, bytes: number): number {
  return limitMs + Math.ceil((MS_PER_MIB * bytes) / (1024 * 1024));
}

/** Shared memory a worker writes its place in a batch to: 0 while it sets up, i + 1 while on seed i, then length + 1. */
export function batchProgress(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Records, for whoever watches, that the batch is now on seed `index` (or past its last seed). */
export function markSeed(progress: Int32Array | undefined, index: number): void {
  if (progress) Atomics.store(progress, 0, index + 1);
}

/** The content error for a seed stopped at its allowance. */
export function overrunError(path: string, allowanceMs: number): SeedError {
  const seconds = (allowanceMs / 1000).toFixed(1).replace(/\.0$/, '');
  const cause = path.toLowerCase().endsWith('.md') ? 'long runs of * or _, thousands of [ or of list items make the Markdown parser slow: escape them with \\ or split the seed; ' : '';
  return new SeedError(path, 1, `took longer than ${seconds} s to convert, so it was stopped`, `${cause}--seed-time-limit <s> raises the limit`);
}

/**
 * The content error for the seed a batch's worker was on when it died of running out of memory (a
 * hostile seed can make micromark build gigabytes of tokens), or undefined for any other failure.
 */
export function outOfMemoryError(error: unknown, paths: readonly string[], progress: Int32Array): SeedError | undefined {
  if ((error as { code?: unknown } | undefined)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') return undefined;
  const at = Atomics.load(progress, 0);
  if (at < 1 || at > paths.length) return undefined;
  const cause = paths[at - 1]!.toLowerCase().endsWith('.md') ? 'thousands of list items, quotes or inline markers make the Markdown parser build a huge token list: ' : '';
  return new SeedError(paths[at - 1]!, 1, 'needs more memory to convert than a parse worker has, so it was stopped', `${cause}split the seed`);
}

/** One batch being watched: where it was last seen, and since when. */
interface Watched {
  readonly paths: readonly string[];
  readonly progress: Int32Array;
  readonly stop: () => void;
  seen: number;
  since: number;
  overrun?: SeedError;
}

/** Watches the batches running in parse workers and stops any that stays on one seed past its allowance. */
export class ParseWatchdog {
  private readonly watched = new Set<Watched>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limitMs: number) {}

  /** Starts watching a batch; `stop` aborts its task. Returns a handle to end the watch and read the seed stopped, if any. */
  watch(paths: readonly string[], progress: Int32Array, stop: () => void): { end(): void; overrun(): SeedError | undefined } {
    const entry: Watched = { paths, progress, stop, seen: 0, since: performance.now() };
    this.watched.add(entry);
    this.timer ??= setInterval(() => this.tick(), TICK_MS).unref();
    return {
      end: () => {
        this.watched.delete(entry);
        if (this.watched.size === 0 && this.timer) this.timer = void clearInterval(this.timer);
      },
      overrun: () => entry.overrun,
    };
  }

  /** Looks at every running batch once. */
  private tick(): void {
    const now = performance.now();
    for (const entry of this.watched) {
      const at = Atomics.load(entry.progress, 0);
      if (at !== entry.seen) {
        entry.seen = at;
        entry.since = now;
        continue;
      }
      // Only a seed is timed: setting up a batch (reading, loading the parser) and storing its bodies are not.
      if (entry.overrun || at < 1 || at > entry.paths.length || now - entry.since < this.limitMs) continue;
      const path = entry.paths[at - 1]!;
      const allowance = seedAllowanceMs(this.limitMs, sizeOf(path));
      if (now - entry.since < allowance) continue;
      entry.overrun = overrunError(path, allowance);
      entry.stop();
    }
  }
}

/** A seed's size in bytes (0 when it cannot be read: the worker reports that itself). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
