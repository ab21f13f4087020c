import { appendFile, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyReader, segmentOf, writeBodySegment } from '../../src/cache/body-store.js';
import { BuildCache } from '../../src/cache/build-cache.js';
import { journalIsDue } from '../../src/cache/drafts-pack.js';
import { GENERATOR_VERSION } from '../../src/cache/fingerprint.js';
import { draft } from '../site/draft-fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-cache-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The segment files in the cache's bodies folder. */
async function segments(cache: BuildCache): Promise<string[]> {
  return (await readdir(cache.bodyDir)).filter((n) => n.endsWith('.seg')).sort();
}

describe('the drafts pack', () => {
  it('gives back the drafts of the last build with the same parse settings, and nothing for other settings', async () => {
    const cache = await BuildCache.open(dir, path.join(dir, 'dist'));
    const [body] = writeBodySegment(cache.bodyDir, ['<p>one</p>']);
    const drafts = new Map([['10:1700000000000:seeds/a.txt', draft({ sourcePath: 'seeds/a.txt', body: body! })]]);
    await cache.saveDrafts('settings-1', drafts);
    const again = await BuildCache.open(dir, path.join(dir, 'dist'));
    expect([...(await again.loadDrafts('settings-1'))]).toEqual([...drafts]);
    expect((await again.loadDrafts('settings-2')).size).toBe(0);
  });

  it('of thousands of drafts, written a few thousand at a time, reads back whole', async () => {
    const drafts = new Map(Array.from({ length: 5000 }, (_, i) => [`${i}:1700000000000:seeds/${i}.txt`, draft({ sourcePath: `seeds/${i}.txt`, title: `“Story” ${i}` })]));
    await (await BuildCache.open(dir, path.join(dir, 'dist'))).saveDrafts('s', drafts);
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    const [head, ...lines] = (await readFile(path.join(dir, pack), 'utf8')).split('\n');
    expect(JSON.parse(head!)).toEqual({ generator: GENERATOR_VERSION, settings: 's' });
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual([...drafts]);
    expect([...(await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s'))]).toEqual([...drafts]);
  });

  it('read back a megabyte at a time, keeps drafts whose lines cross the reads, whatever their characters', async () => {
    // Titles of 1-4-byte UTF-8 characters and lengths that put line ends all over the 1 MiB reads.
    const alphabet = ['a', 'é', '“', '—', '𝄞', '\u2028', '"', '\\'];
    const drafts = new Map(Array.from({ length: 3000 }, (_, i) => [`${i}:1:seeds/${i}.txt`, draft({ sourcePath: `seeds/${i}.txt`, title: alphabet[i % alphabet.length]!.repeat(1 + ((i * 37) % 700)) })]));
    await (await BuildCache.open(dir, path.join(dir, 'dist'))).saveDrafts('s', drafts);
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    expect((await stat(path.join(dir, pack))).size).toBeGreaterThan(3 << 20);
    expect([...(await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s'))]).toEqual([...drafts]);
  });

  it('cut short, or written whole as one JSON text (the earlier format), is not taken up', async () => {
    const drafts = new Map([['a', draft({ sourcePath: 'seeds/a.txt' })], ['b', draft({ sourcePath: 'seeds/b.txt' })]]);
    await (await BuildCache.open(dir, path.join(dir, 'dist'))).saveDrafts('s', drafts);
    const pack = path.join(dir, (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!);
    const bytes = await readFile(pack);
    await writeFile(pack, bytes.subarray(0, bytes.length - 5));
    expect((await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s')).size).toBe(0);
    await writeFile(pack, JSON.stringify({ generator: GENERATOR_VERSION, settings: 's', drafts: Object.fromEntries(drafts) }));
    expect((await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s')).size).toBe(0);
    await writeFile(pack, bytes);
    expect((await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s')).size).toBe(2);
  });

  it('from another generator version is ignored', async () => {
    const cache = await BuildCache.open(dir, path.join(dir, 'dist'));
    await cache.saveDrafts('s', new Map([['k', draft({ sourcePath: 'seeds/a.txt' })]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-'))!;
    const text = await readFile(path.join(dir, pack), 'utf8');
    await writeFile(path.join(dir, pack), text.replace(/"generator":"[^"]*"/, '"generator":"broadsheet-0"'));
    expect((await (await BuildCache.open(dir, path.join(dir, 'dist'))).loadDrafts('s')).size).toBe(0);
  });

  it('deletes body segments no draft uses, but keeps those another output folder still uses', async () => {
    const site = await BuildCache.open(dir, path.join(dir, 'dist'));
    const preview = await BuildCache.open(dir, path.join(dir, 'preview'));
    const [dropped] = writeBodySegment(site.bodyDir, ['<p>edited away</p>']);
    await site.saveDrafts('s', new Map([['a', draft({ sourcePath: 'seeds/a.txt', body: dropped! })]]));
    const [shared] = writeBodySegment(preview.bodyDir, ['<p>preview</p>']);
    await preview.saveDrafts('s', new Map([['p', draft({ sourcePath: 'seeds/p.txt', body: shared! })]]));
    // The site's next build, an hour later: its article was edited, so `dropped` is used by nobody.
    const hoursAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const name of await segments(site)) await utimes(path.join(site.bodyDir, name), hoursAgo, hoursAgo);
    const [kept] = writeBodySegment(site.bodyDir, ['<p>site</p>']);
    await site.saveDrafts('s', new Map([['a2', draft({ sourcePath: 'seeds/a.txt', body: kept! })]]));
    expect(await segments(site)).toEqual([`${segmentOf(kept!)}.seg`, `${segmentOf(shared!)}.seg`].sort());
  });

  it('keeps the body segments a concurrent build of another output folder has just written, before its pack lists them', async () => {
    const site = await BuildCache.open(dir, path.join(dir, 'dist'));
    const preview = await BuildCache.open(dir, path.join(dir, 'preview'));
    const [mine] = writeBodySegment(site.bodyDir, ['<p>site</p>']);
    // The preview build is parsing: its segment is written, its pack not yet.
    const [theirs] = writeBodySegment(preview.bodyDir, ['<p>preview, being built</p>']);
    await site.saveDrafts('s', new Map([['a', draft({ sourcePath: 'seeds/a.txt', body: mine! })]]));
    expect(new BodyReader(preview.bodyDir).read(theirs!)).toBe('<p>preview, being built</p>');
  });

  it('records a later build\'s changes as a journal line instead of rewriting the pack, and reads them back', async () => {
    const out = path.join(dir, 'dist');
    const first = await BuildCache.open(dir, out);
    const a = draft({ sourcePath: 'seeds/a.txt' });
    const b = draft({ sourcePath: 'seeds/b.txt' });
    await first.saveDrafts('s', new Map([['a', a], ['b', b]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    const packBytes = await readFile(path.join(dir, pack), 'utf8');

    const second = await BuildCache.open(dir, out);
    const loaded = await second.loadDrafts('s');
    const edited = draft({ sourcePath: 'seeds/a.txt', title: 'Edited' });
    await second.saveDrafts('s', new Map([['a2', edited], ['b', loaded.get('b')!]]));
    expect(await readFile(path.join(dir, pack), 'utf8')).toBe(packBytes);
    expect((await readFile(path.join(dir, `${pack}.log`), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect([...(await (await BuildCache.open(dir, out)).loadDrafts('s'))]).toEqual([['b', b], ['a2', edited]]);
  });

  it('ignores a journal line cut short by a killed build, and anything after it', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    await cache.saveDrafts('s', new Map([['a', draft({ sourcePath: 'seeds/a.txt' })]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    await appendFile(path.join(dir, `${pack}.log`), '{"settings":"s","put":{"b":{"sourcePath":"seeds/b.t');
    expect([...(await (await BuildCache.open(dir, out)).loadDrafts('s')).keys()]).toEqual(['a']);
  });

  it('rewrites the pack whole, and drops its journal, once the journal holds a quarter of the pack (at least 256 KiB)', async () => {
    const out = path.join(dir, 'dist');
    // Drafts of ~8 KB: the journal passes 256 KiB after some 32 builds.
    const big = (i: number) => draft({ sourcePath: 'seeds/a.txt', title: `T${i} ${'x'.repeat(8000)}` });
    await (await BuildCache.open(dir, out)).saveDrafts('s', new Map([['k0', big(0)]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    const sizes: number[] = [];
    for (let i = 1; i <= 40; i++) {
      const cache = await BuildCache.open(dir, out);
      await cache.loadDrafts('s');
      await cache.saveDrafts('s', new Map([[`k${i}`, big(i)]]));
      sizes.push(await stat(path.join(dir, `${pack}.log`)).then((s) => s.size, () => 0));
    }
    // It grew a line per build, was dropped once past 256 KiB, and grows again.
    const folded = sizes.findIndex((size, i) => i > 0 && size < sizes[i - 1]!);
    expect(sizes[folded - 1]).toBeGreaterThanOrEqual(256 * 1024);
    expect(sizes[folded]).toBe(0);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024 + 9000);
    const loaded = await (await BuildCache.open(dir, out)).loadDrafts('s');
    expect([...loaded.keys()]).toEqual(['k40']);
    expect(loaded.get('k40')!.title).toBe(big(40).title);
  });

  it('folds a journal holding a line cut short at the next save, so the lines after it are not lost again', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveDrafts('s', new Map([['a', draft({ sourcePath: 'seeds/a.txt' })]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    await appendFile(path.join(dir, `${pack}.log`), '{"settings":"s","put":{"b":{"sourcePath":"seeds/b.t\n');
    const cache = await BuildCache.open(dir, out);
    await cache.loadDrafts('s');
    await cache.saveDrafts('s', new Map([['c', draft({ sourcePath: 'seeds/c.txt' })]]));
    expect((await readdir(dir)).filter((n) => n.endsWith('.log'))).toEqual([]);
    expect([...(await (await BuildCache.open(dir, out)).loadDrafts('s')).keys()]).toEqual(['c']);
  });

  it.each([
    [100_000, 1_000_000, false],
    [300_000, 1_000_000, true],
    [300_000, 2_000_000, false],
    [500_000, 2_000_000, true],
    [200_000, 100_000, false],
  ])('a journal of %i bytes beside a pack of %i is due to be folded: %s', (journal, packBytes, due) => {
    expect(journalIsDue(journal, packBytes)).toBe(due);
  });
});

describe('an edit recorded without reading the pack (replaceDrafts)', () => {
  it('puts the new drafts in place of the old keys as one journal line, then folds the journal into the pack once it is due', async () => {
    const out = path.join(dir, 'dist');
    const a = draft({ sourcePath: 'seeds/a.txt' });
    const b = draft({ sourcePath: 'seeds/b.txt' });
    await (await BuildCache.open(dir, out)).saveDrafts('s', new Map([['a0', a], ['b', b]]));
    const pack = (await readdir(dir)).find((n) => n.startsWith('drafts-') && n.endsWith('.json'))!;
    const packBytes = await readFile(path.join(dir, pack), 'utf8');
    const edited = draft({ sourcePath: 'seeds/a.txt', title: 'Edited' });
    await (await BuildCache.open(dir, out)).replaceDrafts('s', new Map([['a1', edited]]), ['a0']);
    expect(await readFile(path.join(dir, pack), 'utf8')).toBe(packBytes);
    expect([...(await (await BuildCache.open(dir, out)).loadDrafts('s'))]).toEqual([['b', b], ['a1', edited]]);
    // Drafts of ~8 KB: the journal is due past 256 KiB, after some 32 edits.
    const title = (i: number) => `T${i} ${'x'.repeat(8000)}`;
    for (let i = 2; i <= 40; i++) await (await BuildCache.open(dir, out)).replaceDrafts('s', new Map([[`a${i}`, draft({ sourcePath: 'seeds/a.txt', title: title(i) })]]), [`a${i - 1}`]);
    expect(await readFile(path.join(dir, pack), 'utf8')).not.toBe(packBytes);
    expect(await stat(path.join(dir, `${pack}.log`)).then((s) => s.size, () => 0)).toBeLessThan(256 * 1024);
    const loaded = await (await BuildCache.open(dir, out)).loadDrafts('s');
    expect([...loaded.keys()].sort()).toEqual(['a40', 'b']);
    expect(loaded.get('a40')!.title).toBe(title(40));
  });
});

describe('the site snapshot', () => {
  const snapshot = (id: string) => ({ id, renderKey: 'r', settings: 's', seeds: { paths: ['seeds/a.txt'], keys: ['k'], shapes: ['x'], copies: [''], problems: {} }, site: { articles: [], tags: [], years: [], related: [] }, dependents: { fileNames: 'index.html\0', fileStarts: Int32Array.of(0, 11), starts: new Int32Array(1), fileIndexes: new Int32Array(0) } });
  const state = (id?: string) => ({ generator: GENERATOR_VERSION, inputsKey: 'i', outputs: new Map(), pages: new Map(), ...(id !== undefined && { snapshot: id }), summary: { articles: 0, tags: 0, pages: 0, files: 0 } });

  it('is taken up only together with the state saved after it (same id)', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    await cache.saveSnapshot(snapshot('one'));
    await cache.saveState(state('one'));
    expect((await (await BuildCache.open(dir, out)).loadSnapshot())?.snapshot.seeds).toEqual(snapshot('one').seeds);
    // A build killed between writing a new snapshot and its state: the state names the old one.
    await cache.saveSnapshot(snapshot('two'));
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
    await cache.saveState(state());
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
  });

  it('is taken up with the edits saved beside it when the state names them, and a whole save drops them', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    await cache.saveSnapshot(snapshot('one'));
    const edits = { base: 'one', seeds: { 'seeds/a.txt': { key: 'k2', shape: 'x', copy: '' } }, drafts: { 'seeds/a.txt': draft({ sourcePath: 'seeds/a.txt', title: 'Edited' }) } };
    await cache.saveSnapshotEdits({ id: 'two', ...edits });
    await cache.saveState(state('two'));
    const taken = await (await BuildCache.open(dir, out)).loadSnapshot();
    expect(taken?.snapshot.id).toBe('one');
    expect(taken?.edits?.drafts['seeds/a.txt']?.title).toBe('Edited');
    // Edits made for another snapshot are not applied to this one.
    await cache.saveSnapshotEdits({ id: 'three', ...edits, base: 'zero' });
    await cache.saveState(state('three'));
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
    await cache.saveSnapshot(snapshot('four'));
    expect((await readdir(dir)).filter((n) => n.includes('.edits.'))).toEqual([]);
  });

  it('is deleted with the state when a cold build forgets the output folder', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    await cache.saveSnapshot(snapshot('one'));
    await cache.saveSnapshotEdits({ id: 'two', base: 'one', seeds: {}, drafts: {} });
    await cache.saveState(state('two'));
    await BuildCache.forget(dir, out);
    expect((await readdir(dir)).filter((n) => n.startsWith('site-') || n.startsWith('state-'))).toEqual([]);
  });

  it('that is damaged or from another generator is ignored', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    await cache.saveSnapshot(snapshot('one'));
    await cache.saveState(state('one'));
    const file = path.join(dir, (await readdir(dir)).find((n) => n.startsWith('site-'))!);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
    await writeFile(file, bytes.toString('latin1').replace(GENERATOR_VERSION, 'broadsheet-0'), 'latin1');
    expect((await readFile(file)).equals(bytes)).toBe(false);
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
  });
});


describe('the build state', () => {
  const summary = { articles: 1, tags: 0, pages: 3, files: 4 };
  const state = (hash: string) => ({ generator: GENERATOR_VERSION, inputsKey: `inputs-${hash}`, outputs: new Map([['index.html', hash]]), pages: new Map([['index.html', `signature-${hash}`]]), summary });

  it('is read as its small head; the file records only when asked for', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(state('a'));
    const cache = await BuildCache.open(dir, out);
    expect(cache.state).toEqual({ generator: GENERATOR_VERSION, inputsKey: 'inputs-a', summary });
    expect(await cache.records()).toEqual({ outputs: new Map([['index.html', 'a']]), pages: new Map([['index.html', 'signature-a']]) });
  });

  it('gives no records when the records beside the head are not the ones it names (a build killed between the two writes)', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(state('a'));
    const head = (await readdir(dir)).find((n) => n.startsWith('state-') && !n.includes('.records.'))!;
    const headBytes = await readFile(path.join(dir, head));
    await (await BuildCache.open(dir, out)).saveState(state('b'));
    // The records of 'b' were written; the head of 'b' was not.
    await writeFile(path.join(dir, head), headBytes);
    const cache = await BuildCache.open(dir, out);
    expect(cache.state?.inputsKey).toBe('inputs-a');
    expect(await cache.records()).toBeUndefined();
    await rm(path.join(dir, head.replace('.json', '.records.json')));
    expect(await (await BuildCache.open(dir, out)).records()).toBeUndefined();
  });

  /** A site of `n` pages, page `i` with hash `hash(i)` and a signature of the same. */
  const site = (n: number, hash: (i: number) => string) => {
    const paths = Array.from({ length: n }, (_, i) => `p${i}/index.html`);
    return { generator: GENERATOR_VERSION, inputsKey: 'i', outputs: new Map(paths.map((p, i) => [p, hash(i)])), pages: new Map(paths.map((p, i) => [p, `s-${hash(i)}`])), summary };
  };
  /** Saves `state` as a build that took up the last build's records does (an edit). */
  const saveAfterTakingUp = async (out: string, state: ReturnType<typeof site>) => {
    const cache = await BuildCache.open(dir, out);
    expect(await cache.records()).toBeDefined();
    await cache.saveState(state);
  };
  const files = async (suffix: string) => (await readdir(dir)).filter((n) => n.startsWith('state-') && n.endsWith(suffix));

  it('after an edit keeps the whole records file and writes what changed beside it; the next builds read both', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(site(100, (i) => `h${i}`));
    const [whole] = await files('.records.json');
    const wholeBytes = await readFile(path.join(dir, whole!));
    // Two edits in a row: page 7, then page 9 and a new page; the delta carries both.
    const first = site(100, (i) => (i === 7 ? 'edited' : `h${i}`));
    await saveAfterTakingUp(out, first);
    const second = site(101, (i) => (i === 7 ? 'edited' : i === 9 ? 'again' : `h${i}`));
    await saveAfterTakingUp(out, second);
    expect(await readFile(path.join(dir, whole!))).toEqual(wholeBytes);
    const [delta] = await files('.records-delta.json');
    expect(JSON.parse(await readFile(path.join(dir, delta!), 'utf8')).paths.sort()).toEqual(['p100/index.html', 'p7/index.html', 'p9/index.html']);
    const { outputs, pages } = second;
    expect(await (await BuildCache.open(dir, out)).records()).toEqual({ outputs, pages });
  });

  it('writes the records whole again, and drops the delta, once more than one in 16 of them changed', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(site(20_000, (i) => `h${i}`));
    await saveAfterTakingUp(out, site(20_000, (i) => (i < 1_000 ? `e${i}` : `h${i}`)));
    expect(await files('.records-delta.json')).toHaveLength(1);
    const many = site(20_000, (i) => (i < 1_300 ? `f${i}` : `h${i}`));
    await saveAfterTakingUp(out, many);
    expect(await files('.records-delta.json')).toEqual([]);
    expect(await (await BuildCache.open(dir, out)).records()).toEqual({ outputs: many.outputs, pages: many.pages });
  });

  it('gives no records when the delta beside them is not the one the head names (a build killed between writing the delta and its head)', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(site(10, (i) => `h${i}`));
    await saveAfterTakingUp(out, site(10, (i) => (i === 1 ? 'b' : `h${i}`)));
    const [head] = (await readdir(dir)).filter((n) => /^state-[0-9a-f]+\.json$/.test(n));
    const headBytes = await readFile(path.join(dir, head!));
    await saveAfterTakingUp(out, site(10, (i) => (i === 1 ? 'c' : `h${i}`)));
    await writeFile(path.join(dir, head!), headBytes);
    expect(await (await BuildCache.open(dir, out)).records()).toBeUndefined();
  });

  it('is deleted, head and records, when a cold build forgets the output folder', async () => {
    const out = path.join(dir, 'dist');
    await (await BuildCache.open(dir, out)).saveState(state('a'));
    await saveAfterTakingUp(out, { ...site(1, () => 'b'), outputs: new Map([['index.html', 'b']]), pages: new Map([['index.html', 'signature-b']]) });
    expect(await files('.records-delta.json')).toHaveLength(1);
    await BuildCache.forget(dir, out);
    expect((await readdir(dir)).filter((n) => n.startsWith('state-'))).toEqual([]);
    expect((await BuildCache.open(dir, out)).state).toBeUndefined();
  });
});
