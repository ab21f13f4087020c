import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildCommand } from '../../src/bench/build-command.js';
import { measureIncremental } from '../../src/bench/incremental.js';

const fakeBuild = fileURLToPath(new URL('./fixtures/fake-build.mjs', import.meta.url));
const fakeCommand: BuildCommand = (p) => ({
  command: process.execPath,
  args: [fakeBuild, '--seeds', p.seedsDir, '--out', p.outDir, '--config', p.configFile, ...(p.useCache ? [] : ['--no-cache'])],
  cwd: p.siteDir,
});

describe('measureIncremental', () => {
  it('runs each edit right after a no-op of its own (prime, no-op, edit, no-op, edit, …) and restores the edited seed', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-incremental-'));
    const seedsDir = path.join(work, 'seeds');
    await mkdir(seedsDir);
    const edited = path.join(seedsDir, '000001.txt');
    await writeFile(edited, 'date 2024-01-02\nHarbour workers walked out.\n');
    const steps: string[] = [];
    const ctx = (step: string) => {
      steps.push(step);
      return { trashDir: path.join(work, 'trash'), logFile: path.join(work, 'logs', `${step}.log`), method: 'wall-only' as const };
    };
    const params = { seedsDir, outDir: path.join(work, 'out'), configFile: path.join(work, 'config.json'), siteDir: work };
    const samples = await measureIncremental(fakeCommand, params, edited, 3, ctx);
    expect(steps).toEqual(['prime', 'noop1', 'edit1', 'noop2', 'edit2', 'noop3', 'edit3']);
    expect([samples.noop.length, samples.edit.length]).toEqual([3, 3]);
    expect(await readFile(edited, 'utf8')).toBe('date 2024-01-02\nHarbour workers walked out.\n');
  });
});
