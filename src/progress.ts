/** A progress line on a terminal for long builds: stage, count, rate; silent for the first two seconds, when quiet, in CI or when not a TTY. */

/** Reports how far a build has come. */
export interface Progress {
  /** Starts a stage with a known number of steps. */
  stage(name: string, total: number): void;
  /** Sets how many steps of the current stage are done. */
  update(done: number): void;
  /** Clears the line. */
  finish(): void;
}

/** A progress reporter that prints nothing. */
export const silentProgress: Progress = { stage() {}, update() {}, finish() {} };

/** A progress bar on `stream`, drawn at most ten times a second once the build has run two seconds. */
export function terminalProgress(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): Progress {
  const started = now();
  let name = '';
  let total = 0;
  let stageStart = started;
  let lastDraw = 0;
  let drawn = false;
  const draw = (done: number) => {
    const t = now();
    if (t - started < 2000 || t - lastDraw < 100) return;
    lastDraw = t;
    const width = 24;
    const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
    const rate = done / Math.max(0.001, (t - stageStart) / 1000);
    stream.write(`\r${name.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.round(rate)}/s\u001b[K`);
    drawn = true;
  };
  return {
    stage(stageName, stageTotal) {
      name = stageName;
      total = stageTotal;
      stageStart = now();
      draw(0);
    },
    update: draw,
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
