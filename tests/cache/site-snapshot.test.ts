import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { GENERATOR_VERSION } from '../../src/cache/fingerprint.js';
import { fullRecord, storedIdentities } from '../../src/cache/lazy-articles.js';
import { articleIdentity, cardIdentity } from '../../src/render/identity.js';
import { seedAt, withEditedSeeds } from '../../src/cache/seed-table.js';
import { readSnapshot, writeSnapshot, type SiteSnapshot } from '../../src/cache/site-snapshot.js';
import { parseConfig } from '../../src/config.js';
import { DependentsRecorder } from '../../src/render/dependents.js';
import { buildSite } from '../../src/site/model.js';
import { draft } from '../site/draft-fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-snapshot-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A snapshot of a site of `count` articles over a few tags and months. */
function snapshotOf(count: number): SiteSnapshot {
  const drafts = Array.from({ length: count }, (_, i) =>
    draft({ sourcePath: `seeds/${i}.txt`, slugBase: `story-${i}`, date: `2024-0${1 + (i % 9)}-1${i % 10}`, title: `Story ${i}`, tagNames: [`Tag ${i % 7}`, `Tag ${i % 3}`] }),
  );
  const { config: _config, ...site } = buildSite(drafts, parseConfig({ relatedCount: 3 }, 'test'));
  const recorder = new DependentsRecorder(site.articles);
  recorder.file('index.html');
  site.articles.slice(0, 20).forEach((a) => recorder.shows(a));
  const paths = drafts.map((d) => d.sourcePath);
  const seeds = { paths, keys: paths.map((p) => `1:2:${p}`), shapes: paths.map((_, i) => (i === 3 ? '' : `shape-${i}`)), copies: paths.map((_, i) => (i === 3 ? '' : `copy-${i % 2}`)), problems: { 'seeds/3.txt': { errors: [{ file: 'seeds/3.txt', line: 1, message: 'missing date' }] }, 'seeds/5.txt': { warnings: [{ file: 'seeds/5.txt', line: 2, message: 'unknown key' }] } } };
  return { id: 'one', renderKey: 'r', settings: 's', seeds, site, dependents: recorder.result() };
}

describe('a site snapshot file', () => {
  it('gives back the same site, one record shared by every list, across several parts', async () => {
    const snapshot = snapshotOf(9000);
    const file = path.join(dir, 'site.bin');
    await writeSnapshot(file, snapshot);
    const read = (await readSnapshot(file))!;
    // Its records are lazy: compare them as the plain records they load.
    const plain = (list: readonly Article[]) => list.map(fullRecord);
    const site = read.site;
    expect({ ...read, site: { articles: plain(site.articles), tags: site.tags.map((t) => ({ ...t, articles: plain(t.articles) })), years: site.years.map((y) => ({ ...y, months: y.months.map((m) => ({ ...m, articles: plain(m.articles) })) })), related: site.related.map(plain) } }).toEqual(snapshot);
    // Each record's identities are stored with it, equal to those of the record it stands for.
    expect(read.site.articles.map((a) => storedIdentities(a))).toEqual(snapshot.site.articles.map((a) => ({ identity: articleIdentity(a), card: cardIdentity(a) })));
    const first = read.site.articles[0]!;
    expect(read.site.tags.some((t) => t.articles.includes(first))).toBe(true);
    expect(read.site.years[0]!.months[0]!.articles[0]).toBe(first);
  });

  it.each([
    ['read as needed', false],
    ['read whole (kept by a dev server)', true],
  ])('%s, still loads its own records after a newer snapshot replaced the file', async (_how, keep) => {
    const file = path.join(dir, 'site.bin');
    const older = snapshotOf(200);
    await writeSnapshot(file, older);
    const read = (await readSnapshot(file, keep))!;
    // The build that read it writes its successor over it before every record has been loaded.
    const newer = snapshotOf(300);
    newer.site.articles.forEach((a) => Object.assign(a, { title: `Newer ${a.title}` }));
    await writeSnapshot(file, newer);
    expect(read.site.articles.map(fullRecord)).toEqual(older.site.articles);
  });

  it('keeps its file open for as long as any of its records lives, not just the snapshot object', async () => {
    const file = path.join(dir, 'site.bin');
    const snapshot = snapshotOf(600);
    await writeSnapshot(file, snapshot);
    // A build keeps the records and lets the snapshot object go; its file must stay open for them.
    const articles = (await readSnapshot(file))!.site.articles;
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Files opened now would take a closed descriptor's number (and be read in its place).
    const others = await Promise.all(Array.from({ length: 4 }, (_, i) => open(path.join(dir, `other-${i}`), 'w+')));
    try {
      for (const other of others) await other.write(Buffer.alloc(4096, 7));
      expect(articles.map((a) => a.title)).toEqual(snapshot.site.articles.map((a) => a.title));
    } finally {
      for (const other of others) await other.close();
    }
  });

  it('that is cut short, missing or from another generator is not taken up', async () => {
    const file = path.join(dir, 'site.bin');
    await writeSnapshot(file, snapshotOf(10));
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    expect(await readSnapshot(file)).toBeUndefined();
    await writeFile(file, Buffer.concat([bytes, Buffer.from([0])]));
    expect(await readSnapshot(file)).toBeUndefined();
    expect(await readSnapshot(path.join(dir, 'missing.bin'))).toBeUndefined();
  });

  it('whose header holds no pieces (the format before they were written apart) is not taken up', async () => {
    const file = path.join(dir, 'site.bin');
    const header = serialize({ generator: GENERATOR_VERSION, partEnds: new Float64Array(0), id: 'old', renderKey: 'r', settings: 's', articleCount: 0, seedCount: 0 });
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    await writeFile(file, Buffer.concat([header, length]));
    expect(await readSnapshot(file)).toBeUndefined();
  });
});

describe('a seed table', () => {
  const table = { paths: ['a.txt', 'b.md', 'c.txt'], keys: ['1:1:a.txt', '2:2:b.md', '3:3:c.txt'], shapes: ['sa', 'sb', ''], copies: ['ca', 'cb', ''], problems: { 'b.md': { warnings: [{ file: 'b.md', line: 2, message: 'unknown key' }] }, 'c.txt': { errors: [{ file: 'c.txt', line: 1, message: 'missing date' }] } } };

  it('gives each seed with its problems, or its edited version', () => {
    expect(seedAt(table, 0)).toEqual({ key: '1:1:a.txt', shape: 'sa', copy: 'ca' });
    expect(seedAt(table, 1)).toEqual({ key: '2:2:b.md', shape: 'sb', copy: 'cb', warnings: table.problems['b.md'].warnings });
    expect(seedAt(table, 1, { 'b.md': { key: '9:9:b.md', shape: 'sb', copy: 'ca' } })).toEqual({ key: '9:9:b.md', shape: 'sb', copy: 'ca' });
  });

  it('with edits over it is the table a full build would record', () => {
    const edited = withEditedSeeds(table, { 'b.md': { key: '9:9:b.md', shape: 'sb', copy: 'ca' }, 'a.txt': { key: '8:8:a.txt', shape: 'sa', copy: 'ca', warnings: [{ file: 'a.txt', line: 3, message: 'w' }] } });
    expect(edited).toEqual({ paths: table.paths, keys: ['8:8:a.txt', '9:9:b.md', '3:3:c.txt'], shapes: ['sa', 'sb', ''], copies: ['ca', 'ca', ''], problems: { 'a.txt': { warnings: [{ file: 'a.txt', line: 3, message: 'w' }] }, 'c.txt': table.problems['c.txt'] } });
  });
});
