import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { SeedError } from '../../src/errors.js';
import type { Progress } from '../../src/progress.js';
import { copyKeyOf, copyWarnings, withCopyWarnings } from '../../src/seeds/copies.js';
import { inProcessBuildOptions } from '../support/build-options.js';

describe('copyWarnings', () => {
  it('warns at each later seed with an earlier seed’s key, naming the first, and at no seed with an empty key', () => {
    const warnings = copyWarnings(['s/a.txt', 's/b.txt', 's/c.txt', 's/d.txt', 's/e.txt', 's/f.txt'], ['k1', 'k2', 'k1', '', '', 'k1']);
    expect(warnings.map((w) => w.format())).toEqual([
      's/c.txt:1: the same bytes as s/a.txt: the same article is published twice (hint: delete one of the two files)',
      's/f.txt:1: the same bytes as s/a.txt: the same article is published twice (hint: delete one of the two files)',
    ]);
  });

  it('keys a published seed by its content hash, and gives a draft or a seed without a draft none', () => {
    const contentHash = 'ab'.repeat(32);
    expect(copyKeyOf({ draft: false, contentHash })).toBe('ab'.repeat(8));
    expect(copyKeyOf({ draft: true, contentHash })).toBe('');
    expect(copyKeyOf(undefined)).toBe('');
  });

  it('lists copy warnings among the others in seed order, each after its seed’s own', () => {
    const own = [new SeedError('s/a.md', 4, 'unknown key'), new SeedError('s/c.md', 2, 'unknown key'), new SeedError('s/c.md', 7, 'another')];
    const copies = [new SeedError('s/b.md', 1, 'copy'), new SeedError('s/c.md', 1, 'copy')];
    expect(withCopyWarnings(['s/a.md', 's/b.md', 's/c.md'], own, copies).map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual([
      's/a.md:4 unknown key',
      's/b.md:1 copy',
      's/c.md:2 unknown key',
      's/c.md:7 another',
      's/c.md:1 copy',
    ]);
  });
});

/** A site of three raw-text seeds, b.txt a byte-for-byte copy of a.txt and c.txt the same story with one more paragraph, and the options of a cached, in-process build. */
async function siteWithCopy() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-copies-'));
  const seeds = path.join(work, 'seeds');
  await mkdir(seeds);
  const story = 'date 2024-02-08\nThe council voted on Tuesday to close the bridge. Traffic will divert.\n';
  await writeFile(path.join(seeds, 'a.txt'), story);
  await writeFile(path.join(seeds, 'b.txt'), story);
  // The same headline and date as the story, so that editing it into a copy keeps the site's shape (an edit rebuild).
  await writeFile(path.join(seeds, 'c.txt'), `${story}\nA closing paragraph only this seed has.\n`);
  await writeFile(path.join(work, 'site.config.json'), '{}\n');
  return { work, seeds, story, options: inProcessBuildOptions(work, seeds, path.join(work, 'site.config.json')) };
}

/** A progress reporter that keeps the names of the stages a build went through. */
function stageNames(): Progress & { names: string[] } {
  const names: string[] = [];
  return { names, stage: (name) => void names.push(name), update() {}, finish() {} };
}

describe('a seed scraped twice', () => {
  it('is published twice, with a warning at the copy naming the first, in a cold build and an edit rebuild alike', async () => {
    const { work, seeds, story, options } = await siteWithCopy();
    const copyOf = (copy: string, first: string) => `${path.join(seeds, copy)}:1: the same bytes as ${path.join(seeds, first)}: the same article is published twice (hint: delete one of the two files)`;
    const cold = await build({ ...options, outDir: path.join(work, 'cold'), noCache: true });
    expect([cold.articles, cold.warnings.map((w) => w.format())]).toEqual([3, [copyOf('b.txt', 'a.txt')]]);
    const first = await build(options);
    expect(first.warnings.map((w) => w.format())).toEqual([copyOf('b.txt', 'a.txt')]);

    // Edited apart: the warning goes, found by the edit path (no full parse stage).
    await writeFile(path.join(seeds, 'b.txt'), `${story}A line only the copy has.\n`);
    const apart = stageNames();
    expect((await build({ ...options, progress: apart })).warnings).toEqual([]);
    expect(apart.names).not.toContain('parse');

    // Another seed edited into a copy: the warning is at it.
    await writeFile(path.join(seeds, 'c.txt'), story);
    const together = stageNames();
    expect((await build({ ...options, progress: together })).warnings.map((w) => w.format())).toEqual([copyOf('c.txt', 'a.txt')]);
    expect(together.names).not.toContain('parse');
    const full = await build({ ...options, outDir: path.join(work, 'cold'), noCache: true });
    expect(full.warnings.map((w) => w.format())).toEqual([copyOf('c.txt', 'a.txt')]);
  }, 60_000);

  it('gives no warning when both copies are drafts, which are never published', async () => {
    const { seeds, options } = await siteWithCopy();
    const draft = '---\ndate: 2024-02-10\ndraft: true\n---\nNot yet.\n';
    await writeFile(path.join(seeds, 'd.txt'), draft);
    await writeFile(path.join(seeds, 'e.txt'), draft);
    await writeFile(path.join(seeds, 'b.txt'), 'date 2024-02-08\nSomething else.\n');
    expect((await build({ ...options, noCache: true })).warnings).toEqual([]);
  });
});
