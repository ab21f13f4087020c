import { appendFile, mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { build } from '../../src/build.js';
import { draftsWithSameBytes } from '../../src/cache/cached-drafts.js';
import type { Progress } from '../../src/progress.js';
import { seedContentHash } from '../../src/seeds/seed-file.js';
import { draft } from '../site/draft-fixture.js';
import { inProcessBuildOptions } from '../support/build-options.js';
import { differences, snapshotDir } from '../support/spawn-cli.js';

describe('draftsWithSameBytes', () => {
  it("finds a seed's draft when its bytes are the ones the draft was parsed from, and not when they changed, it has none or it cannot be read", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-same-bytes-'));
    const [same, changed, undrafted] = ['same.txt', 'changed.txt', 'new.txt'].map((n) => path.join(dir, n)) as [string, string, string];
    const text = 'date 2024-02-08\n\nA story.\n';
    for (const file of [same, changed, undrafted]) await writeFile(file, text);
    const hash = seedContentHash(Buffer.from(text));
    const gone = path.join(dir, 'gone.txt');
    const stored = new Map([
      ['1:1:same', draft({ sourcePath: same, contentHash: hash })],
      ['1:1:changed', draft({ sourcePath: changed, contentHash: hash })],
      ['1:1:gone', draft({ sourcePath: gone, contentHash: hash })],
    ]);
    await appendFile(changed, 'More.\n');
    const found = draftsWithSameBytes([same, changed, undrafted, gone], stored);
    expect([...found.keys()]).toEqual([same]);
    expect(found.get(same)).toBe(stored.get('1:1:same'));
  });
});

/** A progress reporter that keeps the total each stage started with. */
function stageTotals(): Progress & { totals: Map<string, number> } {
  const totals = new Map<string, number>();
  return { totals, stage: (name, total) => void totals.set(name, total), update() {}, finish() {} };
}

/** A generated raw-text corpus of `count` seeds in a new folder, and the options of a cached, in-process build of it. */
async function corpusSite(count: number) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-same-bytes-'));
  const corpus = await writeCorpus({ count, out: path.join(work, 'corpus'), format: 'txt', generator: 'builtin' });
  return { work, corpus, options: inProcessBuildOptions(work, corpus.seedsDir, corpus.configFile) };
}

describe('a cached build after every seed got a new mtime (a fresh checkout with .cache/ restored, a touch)', () => {
  it('parses only the seed whose bytes changed, writes the same site as a cold build, and is up to date the time after', async () => {
    // More seeds than an edit rebuild takes up (64), so the build goes the full way through the drafts.
    const { work, corpus, options } = await corpusSite(90);
    const first = stageTotals();
    await build({ ...options, progress: first });
    expect(first.totals.get('parse')).toBe(90);
    const seeds = (await readdir(corpus.seedsDir)).sort();
    const later = new Date(Date.now() + 60_000);
    for (const name of seeds) await utimes(path.join(corpus.seedsDir, name), later, later);
    await appendFile(path.join(corpus.seedsDir, seeds[10]!), '\nOne more closing line of the report.\n');

    const second = stageTotals();
    const report = await build({ ...options, progress: second });
    expect(second.totals.get('parse')).toBe(1);
    expect(report.written).toBe(1);
    const cold = path.join(work, 'cold');
    await build({ ...options, outDir: cold, noCache: true });
    expect(differences(await snapshotDir(cold), await snapshotDir(options.outDir))).toEqual([]);
    // The drafts were kept under their new stamps: nothing is read again.
    expect((await build(options)).upToDate).toBe(true);
  }, 60_000);
});

describe('an edit rebuild after a few seeds were touched and one edited', () => {
  it('parses and counts only the edited seed, records the touched ones, and writes the same site as a cold build', async () => {
    const { work, corpus, options } = await corpusSite(30);
    await build(options);
    const seeds = (await readdir(corpus.seedsDir)).sort();
    const later = new Date(Date.now() + 60_000);
    for (const name of seeds.slice(0, 5)) await utimes(path.join(corpus.seedsDir, name), later, later);
    await appendFile(path.join(corpus.seedsDir, seeds[2]!), '\nOne more closing line of the report.\n');
    const report = await build(options);
    expect(report.editedSeeds).toBe(1);
    const cold = path.join(work, 'cold');
    await build({ ...options, outDir: cold, noCache: true });
    expect(differences(await snapshotDir(cold), await snapshotDir(options.outDir))).toEqual([]);
    // The touched seeds' new stamps were recorded: nothing to do the time after.
    expect((await build(options)).upToDate).toBe(true);
  }, 60_000);
});

describe('a seed rewritten at the same size with its old mtime put back (cp -p, rsync -t)', () => {
  it('is read again, not served from the cache: the site is a cold build’s', async () => {
    const { work, corpus, options } = await corpusSite(12);
    const file = path.join(corpus.seedsDir, (await readdir(corpus.seedsDir)).sort()[3]!);
    // A whole second, so putting it back is exact.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    await utimes(file, mtime, mtime);
    await build(options);
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    const word = /\b[a-z]{5,}\b/.exec(text.split('\n').slice(2).join('\n'))![0];
    const edited = text.replace(word, 'X'.repeat(word.length));
    expect(Buffer.byteLength(edited)).toBe(before.size);
    await writeFile(file, edited);
    await utimes(file, mtime, mtime);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    const report = await build(options);
    expect(report.upToDate).toBeFalsy();
    const cold = path.join(work, 'cold');
    await build({ ...options, outDir: cold, noCache: true });
    expect(differences(await snapshotDir(cold), await snapshotDir(options.outDir))).toEqual([]);
  }, 60_000);
});

describe('an edit rebuild after a seed was edited into an invalid one', () => {
  it('reports exactly what a full load reports, without loading the whole site again', async () => {
    const { work, corpus, options } = await corpusSite(30);
    await build(options);
    const seeds = (await readdir(corpus.seedsDir)).sort();
    const broken = path.join(corpus.seedsDir, seeds[3]!);
    await writeFile(broken, 'no date line at all\n\nJust a paragraph.\n');
    const stages: string[] = [];
    const progress: Progress = { stage: (name) => void stages.push(name), update() {}, finish() {} };
    const edited = await build({ ...options, progress }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(edited)).toBe(`ContentErrors: ${broken}:1: missing date (hint: start the file with "date YYYY-MM-DD", or give date: in front matter)`);
    // The full load starts a 'parse' stage over the seeds it reads; the edit path parsed the one seed itself.
    expect(stages).not.toContain('parse');
    const full = await build({ ...options, outDir: path.join(work, 'cold'), noCache: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String(full)).toBe(String(edited));
  }, 60_000);
});
