import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.js';
import { applyRecordsDelta, decodeRecords } from '../../src/cache/file-records.js';
import { GENERATOR_VERSION } from '../../src/cache/fingerprint.js';

// A file of its own: keepInMemory() lasts for the whole process, as in a dev server.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-memory-test-'));
  BuildCache.keepInMemory();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const snapshot = (id: string) => ({ id, renderKey: 'r', settings: 's', seeds: { paths: [], keys: [], shapes: [], copies: [], problems: {} }, site: { articles: [], tags: [], years: [], related: [] }, dependents: { fileNames: '', fileStarts: new Int32Array(1), starts: new Int32Array(1), fileIndexes: new Int32Array(0) } });
const state = (id: string) => ({ generator: GENERATOR_VERSION, inputsKey: 'i', outputs: new Map(), pages: new Map(), snapshot: id, summary: { articles: 0, tags: 0, pages: 0, files: 0 } });

describe('in a long-running process (the dev server)', () => {
  it('the snapshot saved last is taken up again from memory, with the edits saved beside it since', async () => {
    const out = path.join(dir, 'dist');
    const cache = await BuildCache.open(dir, out);
    const saved = snapshot('one');
    await cache.saveSnapshot(saved);
    await cache.saveState(state('one'));
    // Gone from disk, still in memory: the next rebuild does not read the file.
    for (const name of (await readdir(dir)).filter((n) => n.startsWith('site-'))) await rm(path.join(dir, name));
    expect((await (await BuildCache.open(dir, out)).loadSnapshot())?.snapshot).toBe(saved);
    await cache.saveSnapshotEdits({ id: 'two', base: 'one', seeds: {}, drafts: {} });
    await cache.saveState(state('two'));
    const taken = await (await BuildCache.open(dir, out)).loadSnapshot();
    expect(taken?.snapshot).toBe(saved);
    expect(taken?.edits?.id).toBe('two');
    // A state naming another snapshot is not answered from memory.
    await cache.saveState(state('three'));
    expect(await (await BuildCache.open(dir, out)).loadSnapshot()).toBeUndefined();
  });

  it('file records saved as a delta are taken up from memory, and the files on disk give the same records to a later process', async () => {
    // A cache folder of its own: the delta found below is this test's.
    const cacheDir = path.join(dir, 'records-cache');
    const out = path.join(dir, 'dist-records');
    const records = (hash: string) => ({ ...state('x'), outputs: new Map([['a.html', 'a'], ['b.html', hash]]), pages: new Map([['b.html', `s-${hash}`]]) });
    await (await BuildCache.open(cacheDir, out)).saveState(records('one'));
    const edit = async (hash: string) => {
      const cache = await BuildCache.open(cacheDir, out);
      const taken = await cache.records();
      await cache.saveState(records(hash));
      return taken;
    };
    await edit('two');
    const saved = records('three');
    expect(await edit('three')).toEqual({ outputs: records('two').outputs, pages: records('two').pages });
    expect(await (await BuildCache.open(cacheDir, out)).records()).toEqual({ outputs: saved.outputs, pages: saved.pages });
    // What a new process would read: the whole records with the delta applied .
    const delta = (await readdir(cacheDir)).find((n) => n.endsWith('.records-delta.json'))!;
    const read = async (name: string) => readFile(path.join(cacheDir, name), 'utf8');
    const head = JSON.parse(await read(delta.replace('.records-delta.json', '.json'))) as { records: string };
    const whole = decodeRecords(await read(delta.replace('.records-delta.json', '.records.json')))!;
    expect(applyRecordsDelta(await read(delta), { base: whole.id, id: head.records }, whole.records)).toEqual(['b.html']);
    expect(whole.records).toEqual({ outputs: saved.outputs, pages: saved.pages });
  });
});
