import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/cache/build-cache.js';
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

const snapshot = (id: string) => ({ id, renderKey: 'r', settings: 's', seeds: { paths: [], keys: [], shapes: [], problems: {} }, site: { articles: [], tags: [], years: [], related: [] }, dependents: { fileNames: '', fileStarts: new Int32Array(1), starts: new Int32Array(1), fileIndexes: new Int32Array(0) } });
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
});
