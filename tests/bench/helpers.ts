import type { RunSample, RunSummary } from '../../src/bench/measure.js';
import { summariseRuns } from '../../src/bench/measure.js';
import type { BenchRow, Scenario } from '../../src/bench/results.js';

/** A successful sample with the given wall time and round numbers elsewhere. */
export function sample(wallSeconds: number, extra: Partial<RunSample> = {}): RunSample {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    wallSeconds,
    userSeconds: wallSeconds * 1.5,
    systemSeconds: 0.5,
    peakRssBytes: 200 * 1048576,
    method: 'gnu-time',
    files: 120,
    bytes: 4096,
    htmlFiles: 100,
    filesWritten: 120,
    cold: true,
    ...extra,
  };
}

/** A result row from samples. */
export function benchRow(size: number, format: 'md' | 'txt', tool: string, scenario: Scenario, samples: RunSample[]): BenchRow {
  const summary: RunSummary = summariseRuns(samples);
  return { size, format, tool, scenario, command: `${tool} build`, samples, summary };
}
