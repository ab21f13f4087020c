import { spawn } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { CLI, differences, snapshotDir, spawnCli } from '../support/spawn-cli.js';

let work: string;
let oldSeeds: string;
let newSeeds: string;
let config: string;
let before: Map<string, Buffer>;
let after: Map<string, Buffer>;

/** Build arguments for seeds and an output folder, with a cache folder of its own. */
function buildArgs(seeds: string, out: string, extra: string[] = []): string[] {
  return ['build', '--seeds', seeds, '--out', out, '--config', config, '--cache-dir', `${out}-cache`, '--no-search', ...extra];
}

/** Starts a build and SIGKILLs it after `ms` milliseconds (if it is still running). */
function killedBuild(args: string[], ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

/** Leftovers of a build beside an output folder: staging, parked copies, journal, lock. */
async function leftovers(out: string): Promise<string[]> {
  const base = path.basename(out);
  return (await readdir(path.dirname(out))).filter((e) => e.startsWith(`${base}.`));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-crash-'));
  const corpus = await writeCorpus({ count: 600, out: path.join(work, 'corpus'), format: 'txt', generator: 'builtin' });
  oldSeeds = corpus.seedsDir;
  config = corpus.configFile;
  newSeeds = path.join(work, 'new-seeds');
  await cp(oldSeeds, newSeeds, { recursive: true });
  for (const name of ['000010.txt', '000300.txt', '000590.txt']) await appendFile(path.join(newSeeds, name), '\n\nA closing paragraph added for the crash test.\n');
  expect((await spawnCli(buildArgs(oldSeeds, path.join(work, 'before'), ['--no-cache']))).code).toBe(0);
  expect((await spawnCli(buildArgs(newSeeds, path.join(work, 'after'), ['--no-cache']))).code).toBe(0);
  before = await snapshotDir(path.join(work, 'before'));
  after = await snapshotDir(path.join(work, 'after'));
}, 240_000);

describe('a build killed with SIGKILL', () => {
  it.each([
    ['a cold build over the previous site (changed files staged, journaled commit)', ['--no-cache']],
    ['an incremental build (journaled commit)', []],
  ])('never leaves a mix of old and new pages, and the next build succeeds: %s', async (_name, extra) => {
    const kills: (NodeJS.Signals | null)[] = [];
    for (const ms of [80, 300, 700, 1200, 2000]) {
      const out = path.join(work, `kill-${extra.length}-${ms}`);
      // The previous site: built from the old seeds (with its cache, for the incremental case).
      expect((await spawnCli(buildArgs(oldSeeds, out, extra))).code).toBe(0);
      kills.push(await killedBuild(buildArgs(newSeeds, out, extra), ms));
      const left = await leftovers(out);
      if (!left.some((e) => e.endsWith('.journal'))) {
        // Before the commit point the old site is untouched; after it the new one is complete.
        const now = await stat(out).then(
          () => snapshotDir(out),
          () => undefined,
        );
        // (The only other state, should a build fall back to a swap: killed between its two renames, the old site parked beside it.)
        const state = now === undefined ? (left.some((e) => e.includes('.old-')) ? 'parked' : 'missing') : differences(before, now).length === 0 ? 'before' : differences(after, now).length === 0 ? 'after' : 'mixed';
        expect({ ms, state }).toEqual({ ms, state: expect.stringMatching(/^(before|after|parked)$/) });
      }
      const next = await spawnCli(buildArgs(newSeeds, out, extra));
      expect(next.code).toBe(0);
      expect(differences(after, await snapshotDir(out))).toEqual([]);
      expect(await leftovers(out)).toEqual([]);
    }
    expect(kills.some((s) => s === 'SIGKILL')).toBe(true);
  }, 300_000);
});

describe('two builds on one output folder at once', () => {
  it('a build finding the folder locked by a running build stops with a clear message and exit 2, touching nothing', async () => {
    const out = path.join(work, 'locked');
    expect((await spawnCli(buildArgs(newSeeds, out, ['--no-cache']))).code).toBe(0);
    // A build in progress, as far as the lock can tell: a live process's pid in <out>.lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(`${out}.lock`, String(holder.pid));
      const blocked = await spawnCli(buildArgs(oldSeeds, out, ['--no-cache']));
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toBe(`${out}: another build (pid ${holder.pid}) is writing to this folder; wait for it to finish (hint: if no build is running, delete ${out}.lock)\n`);
      expect(differences(after, await snapshotDir(out))).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('close', resolve));
    }
    // The holder is gone: its stale lock is taken over.
    expect((await spawnCli(buildArgs(newSeeds, out, ['--no-cache']))).code).toBe(0);
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);

  it('started together, they never interleave: either one stops with exit 2 or they ran one after the other, and the site is whole', async () => {
    const out = path.join(work, 'concurrent');
    const [a, b] = await Promise.all([spawnCli(buildArgs(newSeeds, out, ['--no-cache'])), spawnCli(buildArgs(newSeeds, out, ['--no-cache']))]);
    // Which of the two happens depends on timing (the first may finish before the second starts).
    expect([[0, 0], [0, 2]]).toContainEqual([a.code, b.code].sort());
    for (const loser of [a, b].filter((r) => r.code === 2)) expect(loser.stderr).toMatch(/: another build \(pid \d+\) is writing to this folder; wait for it to finish \(hint: if no build is running, delete .*concurrent\.lock\)\n$/);
    expect(differences(after, await snapshotDir(out))).toEqual([]);
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);
});
