/** One build at a time per output folder: a lock file beside it, taken over only from a dead process. */
import { open, readFile, rm } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** True when a process with this pid exists. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<out>.lock`; a second build on the same folder gets a clear UsageError. Returns the release function. */
export async function acquireOutputLock(outDir: string): Promise<() => Promise<void>> {
  const lockPath = `${outDir.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new UsageError(`${outDir}: another build (pid ${pid}) is writing to this folder; wait for it to finish (hint: if no build is running, delete ${lockPath})`);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new UsageError(`${outDir}: could not take the build lock ${lockPath}`);
}
