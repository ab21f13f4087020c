import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureRun, summariseRuns, type BuildTarget, type RunContext } from '../../src/bench/measure.js';
import { countOutput } from '../../src/bench/output-stats.js';
import { detectUsageMethod, parseGnuTime, type UsageMethod } from '../../src/bench/process-usage.js';

/** A build that writes two HTML pages and a feed, and fails (exit 3) if its output folder already exists. */
const WRITE_SITE = `const fs = require('fs');
if (fs.existsSync('out')) process.exit(3);
fs.mkdirSync('out/a', { recursive: true });
fs.writeFileSync('out/index.html', '<p>front</p>');
fs.writeFileSync('out/a/index.html', '<p>a</p>');
fs.writeFileSync('out/feed.xml', '<feed/>');
const junk = Buffer.alloc(64 * 1024 * 1024, 1); // touch 64 MiB so peak RSS is visible
process.exitCode = junk[123] === 1 ? 0 : 9;`;

async function site(): Promise<{ dir: string; target: BuildTarget; ctx: (m: UsageMethod) => RunContext }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-measure-'));
  const outDir = path.join(dir, 'out');
  const target: BuildTarget = { tool: 'fake', invocation: { command: process.execPath, args: ['-e', WRITE_SITE], cwd: dir }, outDir, coldPaths: [outDir, path.join(dir, '.cache')] };
  const ctx = (method: UsageMethod): RunContext => ({ trashDir: path.join(dir, 'trash'), logFile: path.join(dir, 'logs', 'run.log'), method });
  return { dir, target, ctx };
}

describe('measureRun', () => {
  it.each(['gnu-time', 'proc-sampling', 'wall-only'] as const)('measures a fake build with %s', async (method) => {
    if (method === 'gnu-time' && detectUsageMethod() !== 'gnu-time') return;
    const { target, ctx } = await site();
    const s = await measureRun(target, true, ctx(method));
    expect(s.exitCode).toBe(0);
    expect(s.timedOut).toBe(false);
    expect(s.wallSeconds).toBeGreaterThan(0);
    expect({ files: s.files, htmlFiles: s.htmlFiles, bytes: s.bytes, filesWritten: s.filesWritten }).toEqual({ files: 3, htmlFiles: 2, bytes: 12 + 8 + 7, filesWritten: 3 });
    expect(s.method).toBe(method);
    if (method === 'wall-only') {
      expect([s.userSeconds, s.systemSeconds, s.peakRssBytes]).toEqual([null, null, null]);
    } else {
      expect(s.userSeconds).not.toBeNull();
      expect(s.peakRssBytes ?? 0).toBeGreaterThan(64 * 1048576);
    }
  });

  it('moves the old output and cache away before a cold run, and keeps them for a warm one', async () => {
    const { dir, target, ctx } = await site();
    await mkdir(path.join(dir, '.cache'));
    expect((await measureRun(target, true, ctx('wall-only'))).exitCode).toBe(0);
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
    expect((await measureRun(target, true, ctx('wall-only'))).exitCode).toBe(0);
    expect((await measureRun(target, false, ctx('wall-only'))).exitCode).toBe(3);
    expect(existsSync(path.join(dir, 'trash'))).toBe(false);
  });

  it('keeps old outputs in the trash while the disk has the space asked for, and deletes them when it has not', async () => {
    const { dir, target, ctx } = await site();
    const trash = path.join(dir, 'trash');
    const keeping = { ...ctx('wall-only'), keepTrashWhileFree: 1 };
    await measureRun(target, true, keeping);
    await measureRun(target, true, keeping);
    expect(readdirSync(trash).filter((name) => name.startsWith('out.'))).toHaveLength(1);
    await measureRun(target, true, { ...keeping, keepTrashWhileFree: Number.MAX_SAFE_INTEGER });
    expect(existsSync(trash)).toBe(false);
  });

  it('reports a failing command and keeps its output in the log', async () => {
    const { dir, ctx } = await site();
    const target: BuildTarget = { tool: 'fake', invocation: { command: process.execPath, args: ['-e', 'console.error("boom"); process.exit(1)'], cwd: dir }, outDir: path.join(dir, 'out'), coldPaths: [] };
    const s = await measureRun(target, true, ctx(detectUsageMethod()));
    expect(s.exitCode).toBe(1);
    expect(await readFile(path.join(dir, 'logs', 'run.log'), 'utf8')).toContain('boom');
    expect(summariseRuns([s]).ok).toBe(false);
  });

  it('kills a build that runs past the timeout', async () => {
    const { dir } = await site();
    const target: BuildTarget = { tool: 'fake', invocation: { command: process.execPath, args: ['-e', 'setTimeout(() => {}, 60000)'], cwd: dir }, outDir: path.join(dir, 'out'), coldPaths: [] };
    const s = await measureRun(target, true, { trashDir: path.join(dir, 'trash'), logFile: path.join(dir, 'logs', 't.log'), method: 'wall-only', timeoutSeconds: 0.3 });
    expect(s.timedOut).toBe(true);
  });
});

describe('countOutput', () => {
  it('counts nothing for a missing folder, and only files newer than `since` as written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-count-'));
    expect(await countOutput(path.join(dir, 'missing'))).toEqual({ files: 0, bytes: 0, htmlFiles: 0, filesWritten: 0 });
    await writeFile(path.join(dir, 'a.html'), 'x');
    const since = Date.now() + 60_000;
    expect(await countOutput(dir, since)).toEqual({ files: 1, bytes: 1, htmlFiles: 1, filesWritten: 0 });
  });
});

describe('parseGnuTime', () => {
  it('reads wall, user, system and max RSS (KiB)', () => {
    expect(parseGnuTime('3.21 2.50 0.71 722944\n')).toEqual({ userSeconds: 2.5, systemSeconds: 0.71, peakRssBytes: 722944 * 1024 });
  });
  it('skips a signal notice before the figures', () => {
    expect(parseGnuTime('Command terminated by signal 9\n1.00 0.50 0.10 2048\n')?.peakRssBytes).toBe(2048 * 1024);
  });
  it('returns undefined for anything else', () => expect(parseGnuTime('')).toBeUndefined());
});

describe('summariseRuns', () => {
  it('reports medians and pages per second from the median wall time', async () => {
    const { sample } = await import('./helpers.js');
    const s = summariseRuns([sample(1), sample(3), sample(2)]);
    expect(s).toMatchObject({ runs: 3, ok: true, wallSeconds: 2, cpuSeconds: 3.5, htmlFiles: 100, pagesPerSecond: 50 });
  });
});
