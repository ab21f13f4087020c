import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { spawnCli } from '../support/spawn-cli.js';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-open-files-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The open-file count each `timing:` line of BROADSHEET_TIMINGS reports, by stage. */
function openFilesByStage(stderr: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of stderr.matchAll(/^timing: (.+?) \d+ ms \(.*; (\d+) open files\)$/gm)) counts.set(m[1]!, Number(m[2]));
  return counts;
}

describe('open files', () => {
  // Render workers keep every body segment they read open (up to 2048 each): none may outlive the pass.
  it.skipIf(!existsSync('/proc/self/fd'))('a cold build with two render workers holds no more files open after rendering than before they started', async () => {
    // 400 raw-text articles in random date order: the workers read bodies from every segment.
    const corpus = await writeCorpus({ count: 400, out: path.join(work, 'corpus'), format: 'txt', generator: 'builtin' });
    const r = await spawnCli(['build', '--seeds', corpus.seedsDir, '--out', path.join(work, 'site'), '--config', corpus.configFile, '--no-cache', '--no-search', '--workers', '2', '--quiet'], { BROADSHEET_TIMINGS: '1' });
    expect(r.code).toBe(0);
    const counts = openFilesByStage(r.stderr);
    // Counted when the seeds are parsed, before the render workers start (they start before the model is built).
    expect(counts.get('read and parse')).toBeGreaterThan(0);
    expect(counts.get('render')).toBe(counts.get('read and parse'));
  }, 120_000);
});
