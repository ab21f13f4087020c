/**
 * The parse worker threads: how many a parse uses, and starting them. Kept apart from the parser's
 * code so a build can start the threads before it loads that code itself: the threads then load their
 * modules (≈ 95 ms each) while the main thread loads its own, instead of after (≈ 50–60 ms of a 10k
 * cold build in which one core waited).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { PARSE_WORKER_HEAP } from '../heap-budget.js';
import { DEFAULT_SEED_TIME_LIMIT_MS } from './parse-watchdog.js';

/** Below this many seeds, starting workers costs more than it saves (session 22: in-process ≈ 60 ms faster at 1,000 Markdown seeds, workers slightly faster at 2,000). */
const MIN_SEEDS_FOR_WORKERS = 1500;

/** The compiled worker file, when running from `lib/` (not under a TypeScript test runner). */
const PARSE_WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/**
 * How seeds are parsed: how many worker threads (0: in-process), and the time limit a seed gets in a
 * worker (none: no limit). Without a compiled worker (under a TypeScript test runner) a plan has
 * neither: everything parses in-process, unwatched.
 */
export interface ParsePlan {
  readonly workers: number;
  readonly seedTimeLimitMs?: number;
}

/** The plan for parsing `seeds` seeds under `--workers` and `--seed-time-limit` (in ms; 0: none). `--workers 0` parses in-process, unwatched. */
export function parsePlan(requestedWorkers: number | undefined, seedTimeLimitMs: number | undefined, seeds: number): ParsePlan {
  if (!existsSync(PARSE_WORKER_FILE)) return { workers: 0 };
  const limit = requestedWorkers === 0 || seedTimeLimitMs === 0 ? undefined : (seedTimeLimitMs ?? DEFAULT_SEED_TIME_LIMIT_MS);
  const workers = requestedWorkers !== undefined ? Math.max(0, requestedWorkers) : seeds < MIN_SEEDS_FOR_WORKERS ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
  return { workers, ...(limit !== undefined && { seedTimeLimitMs: limit }) };
}

/** Starts `threads` parse workers; they load their modules from the moment the pool is made. */
export async function startParseWorkers(threads: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  return new Piscina({ filename: PARSE_WORKER_FILE, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: PARSE_WORKER_HEAP });
}

/** The workers a plan wants for `seeds` seeds, started now; undefined when it parses in-process. */
export function startPlannedWorkers(plan: ParsePlan, seeds: number): Promise<Piscina> | undefined {
  return plan.workers > 0 && seeds > 0 ? startParseWorkers(plan.workers) : undefined;
}
