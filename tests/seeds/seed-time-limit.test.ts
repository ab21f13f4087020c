import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayBeSlowMarkdown } from '../../src/seeds/markdown-risk.js';
import { batchProgress, markSeed, outOfMemoryError, overrunError, seedAllowanceMs } from '../../src/seeds/parse-watchdog.js';
import { spawnCli } from '../support/spawn-cli.js';

/** 64 KiB of `*` around one word: micromark takes minutes over it. */
const STARS = `---\ndate: 2024-01-02\ntitle: Stars\n---\n${'*'.repeat(32_768)}a${'*'.repeat(32_768)}\n`;

/** A seed folder with the given files, and an output folder holding a previous site. */
async function seedFolder(files: Record<string, string>): Promise<{ seeds: string; out: string; tmp: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-time-limit-'));
  const seeds = path.join(tmp, 'seeds');
  await mkdir(seeds);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(seeds, name), text);
  const out = path.join(tmp, 'dist');
  await mkdir(out);
  await writeFile(path.join(out, 'index.html'), 'previous site');
  await writeFile(path.join(tmp, 'config.json'), '{}');
  return { seeds, out, tmp };
}

const HINT_MD = 'long runs of * or _, thousands of [ or of list items make the Markdown parser slow: escape them with \\ or split the seed; --seed-time-limit <s> raises the limit';

describe('the allowance a seed gets', () => {
  it('is the limit plus 2 s per MiB of the seed', () => {
    expect(seedAllowanceMs(10_000, 0)).toBe(10_000);
    expect(seedAllowanceMs(10_000, 1024 * 1024)).toBe(12_000);
    expect(seedAllowanceMs(1_000, 65_580)).toBe(1_126);
  });

  it('is reported in seconds with the Markdown causes for a .md seed, and only the flag for raw text', () => {
    expect(overrunError('s/a.md', 1_126).format()).toBe(`s/a.md:1: took longer than 1.1 s to convert, so it was stopped (hint: ${HINT_MD})`);
    expect(overrunError('s/a.txt', 12_000).format()).toBe('s/a.txt:1: took longer than 12 s to convert, so it was stopped (hint: --seed-time-limit <s> raises the limit)');
  });
});

describe('a parse worker that runs out of memory', () => {
  const outOfMemory = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });

  it('is blamed on the seed it was converting, with the Markdown causes for a .md seed', () => {
    const progress = batchProgress();
    markSeed(progress, 1);
    expect(outOfMemoryError(outOfMemory, ['s/a.md', 's/b.md', 's/c.md'], progress)?.format()).toBe(
      's/b.md:1: needs more memory to convert than a parse worker has, so it was stopped (hint: thousands of list items, quotes or inline markers make the Markdown parser build a huge token list: split the seed)',
    );
    expect(outOfMemoryError(outOfMemory, ['s/a.txt', 's/b.txt'], progress)?.format()).toBe('s/b.txt:1: needs more memory to convert than a parse worker has, so it was stopped (hint: split the seed)');
  });

  it('is no seed\'s fault while the batch sets up or stores its bodies, and other failures are not blamed on a seed', () => {
    const progress = batchProgress();
    expect(outOfMemoryError(outOfMemory, ['s/a.md'], progress)).toBeUndefined();
    markSeed(progress, 1);
    expect(outOfMemoryError(outOfMemory, ['s/a.md'], progress)).toBeUndefined();
    markSeed(progress, 0);
    expect(outOfMemoryError(new Error('boom'), ['s/a.md'], progress)).toBeUndefined();
  });
});

describe('which seeds an in-process parse hands to a watched worker', () => {
  it.each([
    ['an ordinary Markdown article', 'a.md', `---\ndate: 2024-01-02\n---\nSome *emphasis*, a [link](https://example.org) and \`code\`.\n`.repeat(20), false],
    ['Markdown with 1,000 inline markers', 'a.md', '*'.repeat(1_000), false],
    ['Markdown with 1,001 inline markers', 'a.md', `${'['.repeat(500)}a${']'.repeat(501)}`, true],
    ['Markdown with 1,001 table pipes (rows of pipes are quadratic in micromark\'s GFM table)', 'a.md', '| a |\n'.repeat(500) + '|', true],
    ['Markdown with 1,001 strikethrough tildes', 'a.md', 'a ~~b '.repeat(500) + '~', true],
    ['Markdown over 64 KiB, even plain', 'a.md', 'word '.repeat(13_108), true],
    ['Markdown of 1,000 lines', 'a.md', 'a\n'.repeat(999), false],
    ['Markdown of 1,001 lines (one-word setext headings)', 'a.md', 'a\n=\n'.repeat(500), true],
    ['raw text, whatever it holds', 'a.txt', '*'.repeat(100_000), false],
  ])('%s: %s', async (_name, file, text, expected) => {
    const { seeds } = await seedFolder({ [file]: text });
    expect(mayBeSlowMarkdown(path.join(seeds, file))).toBe(expected);
  });

  it('a seed that cannot be read is left to the parse to report', () => {
    expect(mayBeSlowMarkdown('/nonexistent/a.md')).toBe(false);
  });
});

// A limit of 3 s, not 1: the worker-thread case failed once in a run of four test folders at once on
// this 2-core machine (its output was not kept; not seen again in five runs, three with CPU burners).
// The likely cause: a fine seed's first Markdown parse in a fresh, busy worker ran past 1.1 s.
describe('a seed that takes too long to convert', () => {
  it('in a small build: exits 1 naming it, and the previous site stays', async () => {
    const { seeds, out, tmp } = await seedFolder({ 'fine.md': '---\ndate: 2024-01-03\ntitle: Fine\n---\nSome *fine* text.\n', 'stars.md': STARS });
    const r = await spawnCli(['build', '--seeds', seeds, '--out', out, '--config', path.join(tmp, 'config.json'), '--no-cache', '--seed-time-limit', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${seeds}/stars.md:1: took longer than 3.1 s to convert, so it was stopped (hint: ${HINT_MD})\n1 error; nothing was written\n`);
    expect(await readdir(out)).toEqual(['index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
  });

  it('in worker threads: only that seed is skipped, the seeds batched with it are built', async () => {
    const fine = (n: number) => `---\ndate: 2024-01-0${n}\ntitle: Fine ${n}\n---\nSome *fine* text, number ${n}.\n`;
    const { seeds, out, tmp } = await seedFolder({ 'a.md': fine(1), 'b.md': STARS, 'c.md': fine(3) });
    const r = await spawnCli(['build', '--seeds', seeds, '--out', out, '--config', path.join(tmp, 'config.json'), '--no-cache', '--no-search', '--workers', '2', '--skip-invalid', '--seed-time-limit', '3'], { CI: 'false' });
    expect(r.stderr).toBe(`skipped: ${seeds}/b.md:1: took longer than 3.1 s to convert, so it was stopped (hint: ${HINT_MD})\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built 2 articles, .*, 1 seed skipped in /);
    const front = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(front).toContain('Fine 1');
    expect(front).toContain('Fine 3');
    expect(front).not.toContain('Stars');
  });
});
