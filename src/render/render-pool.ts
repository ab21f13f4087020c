/**
 * The render worker threads (piscina running render-worker.js): how many a render pass uses, and
 * starting them, early when a build knows it will render the whole site. Started when the parse
 * ends, the threads load their modules on the core the model build leaves idle (≈ 0.1–0.2 s of a
 * 10k cold build that was otherwise spent waiting for them after the pages were planned).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { RENDER_WORKER_HEAP } from '../heap-budget.js';

/**
 * Below this many pages to render, rendering in-process is faster than starting workers: two workers
 * spend ≈ 0.5 CPU-s more than one thread on loading, warming up and collecting (session 22, cold
 * Markdown builds without search: 2,000 articles, 2.6k pages, 1.20–1.26 s in-process against
 * 1.40–1.52 s; 4,000 about even on disk; 7,000 and 10,000 faster with workers).
 */
const MIN_PAGES_FOR_WORKERS = 3000;

/** The compiled worker file (absent when running from TypeScript sources under a test runner). */
const WORKER_FILE = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** Worker threads for rendering: `requested`, else one per core when there is enough to render. */
export function renderWorkerCount(requested: number | undefined, pages: number): number {
  if (!existsSync(WORKER_FILE)) return 0;
  if (requested !== undefined) return Math.max(0, requested);
  return pages < MIN_PAGES_FOR_WORKERS ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

/** Render worker threads, started: they load their modules from the moment the pool is made. `stop` ends them (once, however often it is called). */
export class RenderPool {
  private stopped: Promise<void> | undefined;

  private constructor(
    readonly threads: number,
    /** The piscina pool the render pass runs its batches on. */
    readonly piscina: Piscina,
  ) {}

  /** Starts `threads` render workers (the promise settles once the threads are launched, not loaded). */
  static async start(threads: number): Promise<RenderPool> {
    const { Piscina } = await import('piscina');
    return new RenderPool(threads, new Piscina({ filename: WORKER_FILE, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: RENDER_WORKER_HEAP }));
  }

  /** Ends the threads (after the tasks still running); the same promise for every call. */
  stop(): Promise<void> {
    return (this.stopped ??= this.piscina.destroy());
  }
}

/**
 * The render workers a build starts early: once the seeds are parsed, when the build will render
 * every page (no cache, or no previous build on record), so they load on the core the model build
 * leaves idle. The render pass takes them over (RenderOptions.started) and stops them.
 */
export class EarlyRenderWorkers {
  /** The workers, once started. */
  pool: RenderPool | undefined;

  constructor(
    private readonly requested: number | undefined,
    private readonly rendersEverything: boolean,
  ) {}

  /** Starts as many workers as a pass over `articles` articles would want, if the build renders everything. */
  async start(articles: number): Promise<void> {
    const threads = this.rendersEverything ? renderWorkerCount(this.requested, articles) : 0;
    if (threads > 0) this.pool = await RenderPool.start(threads);
  }

  /** `work`'s result; when it fails, the workers are stopped first. */
  async stoppingOnError<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Stops the workers, if any were started (again is harmless). */
  async stop(): Promise<void> {
    await this.pool?.stop();
  }
}
