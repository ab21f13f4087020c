/** Runs one child process and measures it: wall time, user and system CPU, peak RSS (GNU time, else /proc sampling). */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { Invocation } from './invocation.js';
import { sampleProcess } from './proc-sampler.js';

/** How CPU and memory were measured: GNU `/usr/bin/time` (exact), `/proc` polling (close), or not at all. */
export type UsageMethod = 'gnu-time' | 'proc-sampling' | 'wall-only';

/** What one finished child cost; CPU and RSS are null when they could not be measured. */
export interface ProcessUsage {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  readonly userSeconds: number | null;
  readonly systemSeconds: number | null;
  readonly peakRssBytes: number | null;
  readonly method: UsageMethod;
}

const GNU_TIME = '/usr/bin/time';

/** The best measuring method this machine offers. */
export function detectUsageMethod(): UsageMethod {
  if (existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0) return 'gnu-time';
  if (existsSync('/proc/self/status')) return 'proc-sampling';
  return 'wall-only';
}

/** Parses the `%e %U %S %M` line GNU time wrote (the last line; a signal notice may precede it). */
export function parseGnuTime(text: string): { userSeconds: number; systemSeconds: number; peakRssBytes: number } | undefined {
  const last = text.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(last.trim());
  if (!m) return undefined;
  return { userSeconds: Number(m[2]), systemSeconds: Number(m[3]), peakRssBytes: Number(m[4]) * 1024 };
}

/** Runs `inv` to completion with output to `logFile`, killing its process group after `timeoutSeconds`. */
export async function runMeasured(inv: Invocation, opts: { logFile: string; method: UsageMethod; timeoutSeconds?: number }): Promise<ProcessUsage> {
  const timeFile = `${opts.logFile}.time`;
  const [command, args] =
    opts.method === 'gnu-time' ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, '--', inv.command, ...inv.args]] : [inv.command, [...inv.args]];
  const log = openSync(opts.logFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: inv.cwd, env: { ...process.env, ...inv.env }, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  const sampler = opts.method === 'proc-sampling' && child.pid !== undefined ? sampleProcess(child.pid) : undefined;
  let timedOut = false;
  const timer =
    opts.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        }, opts.timeoutSeconds * 1000);
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, sig) => resolve([code, sig]));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (timer) clearTimeout(timer);
  const base = { exitCode, signal, timedOut, wallSeconds };
  if (sampler) return { ...base, ...sampler.stop(), method: 'proc-sampling' };
  if (opts.method === 'gnu-time') {
    const parsed = parseGnuTime(await readFile(timeFile, 'utf8').catch(() => ''));
    await rm(timeFile, { force: true });
    // GNU time reports a killed child's status as its own exit code 128+n; keep the child's view.
    if (parsed) return { ...base, ...parsed, method: 'gnu-time' };
  }
  return { ...base, userSeconds: null, systemSeconds: null, peakRssBytes: null, method: 'wall-only' };
}
