import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildCommand } from '../../src/bench/build-command.js';
import { runBench } from '../../src/bench/run.js';

const fakeBuild = fileURLToPath(new URL('./fixtures/fake-build.mjs', import.meta.url));
const fakeCommand: BuildCommand = (p) => ({
  command: process.execPath,
  args: [fakeBuild, '--seeds', p.seedsDir, '--out', p.outDir, '--config', p.configFile, ...(p.useCache ? [] : ['--no-cache'])],
  cwd: p.siteDir,
});

async function seedHashes(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => createHash('sha256').update(await readFile(path.join(dir, n))).digest('hex')));
}

describe('runBench', () => {
  it('builds each size and format, times rebuilds, prints a table and writes JSON', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    const printed: string[] = [];
    const code = await runBench(['--sizes', '4,6', '--runs', '2', '--rebuilds', '3', '--work', work, '--generator', 'builtin'], { buildCommand: fakeCommand, progress: () => {}, print: (t) => printed.push(t) });
    expect(code).toBe(0);
    const results = JSON.parse(await readFile(path.join(work, 'results.json'), 'utf8')) as { rows: Array<{ size: number; format: string; scenario: string; summary: { ok: boolean; htmlFiles: number }; samples: unknown[] }> };
    const keys = results.rows.map((r) => `${r.size} ${r.format} ${r.scenario}`);
    for (const size of [4, 6]) for (const format of ['md', 'txt']) for (const s of ['cold', 'cache-prime', 'no-op', 'edit-1']) expect(keys).toContain(`${size} ${format} ${s}`);
    expect(results.rows.every((r) => r.summary.ok)).toBe(true);
    expect(results.rows.find((r) => r.size === 6 && r.scenario === 'cold')?.summary.htmlFiles).toBe(7);
    expect(results.rows.find((r) => r.scenario === 'cold')?.samples).toHaveLength(2);
    // --rebuilds pairs of no-op and edit, whatever --runs says.
    expect(results.rows.find((r) => r.scenario === 'edit-1')?.samples).toHaveLength(3);
    expect(results.rows.find((r) => r.scenario === 'no-op')?.samples).toHaveLength(3);
    expect(printed[0]).toMatch(/^size +format +tool/);
    expect(printed[0]).toContain('broadsheet edit-1');
  });

  it('times every format\'s cold builds in the same rounds, so txt against Hugo\'s md compares builds of the same minutes', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    const lines: string[] = [];
    await runBench(['--sizes', '3', '--runs', '2', '--work', work, '--generator', 'builtin'], { buildCommand: fakeCommand, progress: (l) => lines.push(l), print: () => {} });
    const cold = lines.filter((l) => / cold (warm-up )?\d\/\d/.test(l)).map((l) => l.replace(/: [\d.]+ s$/, ''));
    // One warm-up round first (the default), not counted: the first builds after a delete are slow.
    expect(cold).toEqual(['3 md broadsheet cold warm-up 1/1 (not counted)', '3 txt broadsheet cold warm-up 1/1 (not counted)', '3 md broadsheet cold 1/2', '3 txt broadsheet cold 1/2', '3 md broadsheet cold 2/2', '3 txt broadsheet cold 2/2']);
    // The rebuilds come after every cold build.
    expect(lines.findIndex((l) => l.includes('cache-prime'))).toBeGreaterThan(lines.indexOf(lines.find((l) => l.startsWith('3 txt broadsheet cold 2/2'))!));
  });

  it('restores the edited seed and reuses the corpus on the next run', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    const argv = ['--sizes', '3', '--runs', '1', '--formats', 'txt', '--work', work, '--generator', 'builtin'];
    const lines: string[] = [];
    await runBench(argv, { buildCommand: fakeCommand, progress: (l) => lines.push(l), print: () => {} });
    const seeds = path.join(work, 'corpus', 'txt-3-s1', 'seeds');
    const before = await seedHashes(seeds);
    await runBench(argv, { buildCommand: fakeCommand, progress: (l) => lines.push(l), print: () => {} });
    expect(await seedHashes(seeds)).toEqual(before);
    expect(lines.filter((l) => l.includes('corpus reused'))).toHaveLength(1);
  });

  it('counts only the changed page as rewritten after one edit', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    await runBench(['--sizes', '5', '--runs', '1', '--formats', 'md', '--work', work, '--generator', 'builtin'], { buildCommand: fakeCommand, progress: () => {}, print: () => {} });
    const results = JSON.parse(await readFile(path.join(work, 'results.json'), 'utf8')) as { rows: Array<{ scenario: string; summary: { filesWritten: number } }> };
    // The fake build always rewrites index.html and feed.xml, plus the edited article's page.
    expect(results.rows.find((r) => r.scenario === 'edit-1')?.summary.filesWritten).toBe(3);
    expect(results.rows.find((r) => r.scenario === 'no-op')?.summary.filesWritten).toBe(2);
  });

  it('fails with exit 1 when the build fails, and 2 on bad options', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    const failing: BuildCommand = (p) => ({ command: process.execPath, args: ['-e', 'process.exit(1)'], cwd: p.siteDir });
    const quiet = { progress: () => {}, print: () => {} };
    expect(await runBench(['--sizes', '2', '--runs', '1', '--formats', 'md', '--work', work, '--generator', 'builtin'], { buildCommand: failing, ...quiet })).toBe(1);
    expect(await runBench(['--sizes', 'lots'], quiet)).toBe(2);
  });
});
