/** Times builds: a cold run moves the output and cache away first; each sample records wall, CPU, peak RSS and output size. */
import { mkdir, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Invocation } from './invocation.js';
import { countOutput, type OutputStats } from './output-stats.js';
import { runMeasured, type ProcessUsage, type UsageMethod } from './process-usage.js';
import { median, medianOrNull } from './stats.js';

/** Something to build: the command, the folder it writes, and what a cold run must not find (output, cache). */
export interface BuildTarget {
  /** Tool name in reports: `broadsheet`, `hugo`, `eleventy`. */
  readonly tool: string;
  readonly invocation: Invocation;
  readonly outDir: string;
  /** Paths moved away before a cold run (the output folder and any cache). */
  readonly coldPaths: readonly string[];
}

/** Where a run keeps its scratch files and how it measures. */
export interface RunContext {
  /** Old outputs are renamed into here (constant time) before a cold run; see `keepTrashWhileFree`. */
  readonly trashDir: string;
  /**
   * Keep the trash after the run while the disk has at least this many bytes free (the caller empties
   * it at the end): on ext4 mounted with `discard`, as here, deleting a site's tens of thousands of
   * files slows the file creations of the builds of the next minute or two, so deleting after each
   * timed run charged the next build for it (docs/performance.md, session 14). Undefined: emptied
   * after every run.
   */
  readonly keepTrashWhileFree?: number;
  readonly logFile: string;
  readonly method: UsageMethod;
  readonly timeoutSeconds?: number;
}

/** One measured build. */
export interface RunSample extends ProcessUsage, OutputStats {
  readonly cold: boolean;
}

/** Medians over a target's samples; `ok` is false when any run failed. */
export interface RunSummary {
  readonly runs: number;
  readonly ok: boolean;
  readonly wallSeconds: number;
  /** User + system CPU seconds, null when not measurable. */
  readonly cpuSeconds: number | null;
  readonly peakRssBytes: number | null;
  readonly htmlFiles: number;
  readonly files: number;
  readonly bytes: number;
  readonly filesWritten: number;
  /** HTML pages written per second of median wall time. */
  readonly pagesPerSecond: number;
}

async function moveAway(paths: readonly string[], trashDir: string): Promise<void> {
  await mkdir(trashDir, { recursive: true });
  for (const p of paths) {
    const dest = path.join(trashDir, `${path.basename(p)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}`);
    try {
      await rename(p, dest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** True when the build exited 0 on its own. */
export function succeeded(sample: ProcessUsage): boolean {
  return sample.exitCode === 0 && !sample.timedOut;
}

/** Runs the target once, cold (output and cache moved away first) or warm, and measures it. */
export async function measureRun(target: BuildTarget, cold: boolean, ctx: RunContext): Promise<RunSample> {
  if (cold) await moveAway(target.coldPaths, ctx.trashDir);
  await mkdir(path.dirname(ctx.logFile), { recursive: true });
  // Files written by this build have mtimes after this instant: the child needs far longer than the
  // kernel's coarse-clock tick to start before it writes anything.
  const since = Date.now();
  const usage = await runMeasured(target.invocation, { logFile: ctx.logFile, method: ctx.method, ...(ctx.timeoutSeconds === undefined ? {} : { timeoutSeconds: ctx.timeoutSeconds }) });
  const output = await countOutput(target.outDir, since);
  if (ctx.keepTrashWhileFree === undefined || (await freeBytes(ctx.trashDir)) < ctx.keepTrashWhileFree) await emptyTrash(ctx.trashDir);
  return { ...usage, ...output, cold };
}

/** Bytes free to an unprivileged user on the disk holding `dir` (0 when it cannot be told). */
async function freeBytes(dir: string): Promise<number> {
  try {
    const fs = await statfs(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return 0;
  }
}

/** Deletes the trash folder and every old output in it. */
export async function emptyTrash(trashDir: string): Promise<void> {
  await rm(trashDir, { recursive: true, force: true });
}

/** Runs the target `runs` times cold and returns every sample. */
export async function measureCold(target: BuildTarget, runs: number, ctx: (run: number) => RunContext): Promise<RunSample[]> {
  const samples: RunSample[] = [];
  for (let r = 1; r <= runs; r++) samples.push(await measureRun(target, true, ctx(r)));
  return samples;
}

/** Medians of the samples; pages/s uses the HTML count of the last run and the median wall time. */
export function summariseRuns(samples: readonly RunSample[]): RunSummary {
  const wall = median(samples.map((s) => s.wallSeconds));
  const cpu = medianOrNull(samples.map((s) => (s.userSeconds === null || s.systemSeconds === null ? null : s.userSeconds + s.systemSeconds)));
  const last = samples.at(-1);
  const htmlFiles = last?.htmlFiles ?? 0;
  return {
    runs: samples.length,
    ok: samples.length > 0 && samples.every(succeeded),
    wallSeconds: wall,
    cpuSeconds: cpu,
    peakRssBytes: medianOrNull(samples.map((s) => s.peakRssBytes)),
    htmlFiles,
    files: last?.files ?? 0,
    bytes: last?.bytes ?? 0,
    filesWritten: median(samples.map((s) => s.filesWritten)),
    pagesPerSecond: wall > 0 ? htmlFiles / wall : 0,
  };
}
