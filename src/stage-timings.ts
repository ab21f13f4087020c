/** `BROADSHEET_TIMINGS=1`: a line on stderr after each build stage with its time, CPU, memory and open files. */
import { readdirSync } from 'node:fs';

/** How many files this process holds open (Linux: /proc/self/fd), or undefined where that cannot be read. */
function openFileCount(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}

/** Stage timings on stderr when BROADSHEET_TIMINGS=1 (for profiling; never in normal output). */
export function stageTimer(): (stage: string) => void {
  if (process.env['BROADSHEET_TIMINGS'] !== '1') return () => {};
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return (stage) => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const memory = process.memoryUsage();
    const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
    const files = openFileCount();
    process.stderr.write(`timing: ${stage} ${(now - last).toFixed(0)} ms (CPU of this process ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; RSS ${mb(memory.rss)} MB, main heap ${mb(memory.heapUsed)} MB${files === undefined ? '' : `; ${files} open files`})\n`);
    last = now;
    lastCpu = process.cpuUsage();
  };
}
