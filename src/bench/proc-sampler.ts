/** Fallback child measurement without GNU time: polls `/proc/<pid>` for CPU ticks and the RSS high-water mark. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A running poll of one process; `stop` returns the last values seen. */
export interface ProcessSampler {
  stop(): { userSeconds: number | null; systemSeconds: number | null; peakRssBytes: number | null };
}

const clockTicks = ((): number => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** Starts polling `pid` every `intervalMs`; the last ≤ interval of CPU time before exit is missed, the RSS peak is kept by the kernel. */
export function sampleProcess(pid: number, intervalMs = 20): ProcessSampler {
  let user: number | null = null;
  let system: number | null = null;
  let peak: number | null = null;
  const poll = (): void => {
    try {
      // Fields after the parenthesised name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      user = (Number(fields[11]) + Number(fields[13])) / clockTicks;
      system = (Number(fields[12]) + Number(fields[14])) / clockTicks;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak ?? 0, Number(hwm[1]) * 1024);
    } catch {
      // The process has exited (or /proc is unreadable): keep the last sample.
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { userSeconds: user, systemSeconds: system, peakRssBytes: peak };
    },
  };
}
