import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeFile, SiteWriter } from '../../src/write/files.js';

let staging: string;
beforeEach(async () => {
  staging = await mkdtemp(path.join(tmpdir(), 'broadsheet-writer-'));
});
afterEach(async () => {
  await rm(staging, { recursive: true, force: true });
});

describe('SiteWriter folders', () => {
  it('makes the folders of files another thread places, parents first, so the worker writes into them directly', async () => {
    const writer = new SiteWriter(staging, { kind: 'none' }, false);
    writer.prepareFolders(['2024/03/05/harbour-reopens/index.html', '2024/03/05/second-story/index.html', 'tags/harbour/page/2/index.html']);
    expect(await readdir(path.join(staging, '2024/03/05'))).toEqual(['harbour-reopens', 'second-story']);
    expect(await readdir(path.join(staging, 'tags/harbour/page'))).toEqual(['2']);
    placeFile(writer.target, '2024/03/05/harbour-reopens/index.html', '<p>ok</p>', undefined);
    expect(await readFile(path.join(staging, '2024/03/05/harbour-reopens/index.html'), 'utf8')).toBe('<p>ok</p>');
  });

  it('accepts folders that already exist (public/ copied first) and adds files into new ones itself', async () => {
    const writer = new SiteWriter(staging, { kind: 'none' }, false);
    placeFile(writer.target, 'tags/readme.txt', 'from public/', undefined);
    writer.prepareFolders(['tags/harbour/index.html']);
    writer.add({ path: 'tags/harbour/feed.xml', bytes: '<feed/>' });
    writer.add({ path: 'archive/2024/index.html', bytes: '<p>2024</p>' });
    expect((await readdir(path.join(staging, 'tags'))).sort()).toEqual(['harbour', 'readme.txt']);
    expect(await readFile(path.join(staging, 'archive/2024/index.html'), 'utf8')).toBe('<p>2024</p>');
  });

  it('refuses a folder path that leaves staging', () => {
    const writer = new SiteWriter(staging, { kind: 'none' }, false);
    expect(() => writer.prepareFolders(['../outside/index.html'])).toThrow('refusing to write outside the output folder: ".."');
  });
});
