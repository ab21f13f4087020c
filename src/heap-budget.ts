/**
 * Keeps the main thread's heap near its live size during long stages. V8 lets garbage pile up to
 * several times the live data before a full collection when the machine has RAM to spare; at 100k
 * articles that was a 1 GB heap holding 350 MB of live data. A stage calls `check()` between units
 * of work; when the heap has grown half again past what was live after the last collection (and past a
 * floor, so small builds never pay), it asks V8 for a full collection.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A render worker's heap limits: it holds the templates and one batch, so a small old generation
 * keeps V8 collecting instead of letting garbage grow with the archive (measured: no slower).
 */
export const RENDER_WORKER_HEAP = { maxOldGenerationSizeMb: 192 } as const;

/**
 * A parse worker's heap: a 1 GB old generation, far above what parsing needs (a 15 MB Markdown seed
 * builds in under 400 MB of RSS) but a bound on a hostile one: 16 MiB of one-word list items grew a
 * worker to 4.3 GB in the 42 s of its time limit; with the bound it runs out of memory at ≈ 1 GB in
 * ≈ 10 s and is reported as that seed's error (parse-watchdog.ts). A small limit slowed parsing (10k
 * Markdown seeds 12.5 s instead of 9.7 s: V8 collects far more often); this one did not measurably
 * (median parse stage 1516 → 1530 ms, 5 alternating rounds). A 64 MB young generation (V8's default for
 * a worker is 48 MB) lets micromark's short-lived tokens die young: `check` of 10k Markdown seeds
 * 7.75 → 7.4 s (medians of 4 alternating rounds), raw text unchanged.
 */
export const PARSE_WORKER_HEAP = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 1024 } as const;

/** Below this heap size nothing is ever collected on purpose. */
const FLOOR_BYTES = 256 * 1024 * 1024;

/** V8's full collection, obtained once (the flag only exposes the function; it changes nothing else). */
let collect: (() => void) | undefined;

/** The full-collection function, or undefined when this runtime does not offer it. */
function fullCollection(): (() => void) | undefined {
  if (collect) return collect;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = undefined;
  }
  return collect;
}

/** A heap budget for one stage. */
export class HeapBudget {
  private liveAfterCollection = getHeapStatistics().used_heap_size;

  /**
   * Starts the budget from what is live: a heap past the floor is collected once first. The heap a
   * stage starts with holds the previous stage's garbage (at 100k articles ≈ 370 MB used when the
   * render pass starts), and half again past that let the main thread grow to ≈ 560 MB before its
   * first collection, while both render workers were filling their own heaps.
   */
  constructor() {
    if (this.liveAfterCollection >= FLOOR_BYTES) this.collect();
  }

  /** Collects when the heap has grown by half since the last collection and is past the floor. */
  check(): void {
    const used = getHeapStatistics().used_heap_size;
    if (used < FLOOR_BYTES || used < 1.5 * this.liveAfterCollection) return;
    this.collect();
  }

  private collect(): void {
    const gc = fullCollection();
    if (!gc) return;
    gc();
    this.liveAfterCollection = getHeapStatistics().used_heap_size;
  }
}
