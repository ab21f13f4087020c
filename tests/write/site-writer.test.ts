import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHashOf, FolderMaker, placeFile, SiteWriter, stagedNameOf, stagedPathOf } from '../../src/write/files.js';

let staging: string;
beforeEach(async () => {
  staging = await mkdtemp(path.join(tmpdir(), 'broadsheet-writer-'));
});
afterEach(async () => {
  await rm(staging, { recursive: true, force: true });
});

describe('SiteWriter folders', () => {
  it('makes the folders of a file a thread places, parents first, then writes into them', async () => {
    const writer = new SiteWriter(staging, { kind: 'none' }, false);
    const folders = new FolderMaker(staging);
    for (const file of ['2024/03/05/harbour-reopens/index.html', '2024/03/05/second-story/index.html', 'tags/harbour/page/2/index.html']) placeFile(writer.target, file, '<p>ok</p>', undefined, folders);
    expect(await readdir(path.join(staging, '2024/03/05'))).toEqual(['harbour-reopens', 'second-story']);
    expect(await readdir(path.join(staging, 'tags/harbour/page'))).toEqual(['2']);
    expect(await readFile(path.join(staging, '2024/03/05/harbour-reopens/index.html'), 'utf8')).toBe('<p>ok</p>');
  });

  it('accepts folders that already exist (public/ copied first) and adds files into new ones itself', async () => {
    const writer = new SiteWriter(staging, { kind: 'none' }, false);
    placeFile(writer.target, 'tags/readme.txt', 'from public/', undefined);
    placeFile(writer.target, 'tags/harbour/index.html', '<p>harbour</p>', undefined, new FolderMaker(staging));
    writer.add({ path: 'tags/harbour/feed.xml', bytes: '<feed/>' });
    writer.add({ path: 'archive/2024/index.html', bytes: '<p>2024</p>' });
    expect((await readdir(path.join(staging, 'tags'))).sort()).toEqual(['harbour', 'readme.txt']);
    expect((await readdir(path.join(staging, 'tags/harbour'))).sort()).toEqual(['feed.xml', 'index.html']);
    expect(await readFile(path.join(staging, 'archive/2024/index.html'), 'utf8')).toBe('<p>2024</p>');
  });

  it('makes no folder for a file an incremental build leaves out because its bytes are unchanged', async () => {
    const target = { staging, previous: { kind: 'manifest' as const, dir: path.join(staging, 'previous') }, recordHashes: true };
    const bytes = '<p>same</p>';
    const placed = placeFile(target, '2024/03/05/harbour-reopens/index.html', bytes, contentHashOf(Buffer.from(bytes)), new FolderMaker(staging));
    expect(placed.placement).toBe('unchanged');
    expect(await readdir(staging)).toEqual([]);
  });

  it('stages an incremental build\'s files flat, under the sha1 of their paths, making no folder', async () => {
    const writer = new SiteWriter(staging, { kind: 'manifest', dir: path.join(staging, 'previous'), outputs: new Map() }, true);
    writer.add({ path: '2024/03/05/harbour-reopens/index.html', bytes: '<p>new</p>' });
    writer.add({ path: 'tags/harbour/page/2/index.html', bytes: '<p>page 2</p>' });
    const names = ['2024/03/05/harbour-reopens/index.html', 'tags/harbour/page/2/index.html'].map(stagedNameOf);
    expect(names).toEqual([expect.stringMatching(/^[0-9a-f]{40}$/), expect.stringMatching(/^[0-9a-f]{40}$/)]);
    expect((await readdir(staging)).sort()).toEqual([...names].sort());
    expect(await readFile(writer.locate('tags/harbour/page/2/index.html'), 'utf8')).toBe('<p>page 2</p>');
    expect(writer.staged).toEqual(['2024/03/05/harbour-reopens/index.html', 'tags/harbour/page/2/index.html']);
  });

  it('refuses a path that leaves staging, staged flat or not', () => {
    const flat = { staging, previous: { kind: 'manifest' as const, dir: path.join(staging, 'previous') }, recordHashes: true };
    expect(() => placeFile(flat, '../outside/index.html', '<p>no</p>', undefined)).toThrow('refusing to write outside the output folder: "../outside/index.html"');
  });

  it('refuses a folder path that leaves staging', () => {
    expect(() => new FolderMaker(staging).make('../outside/index.html')).toThrow('refusing to write outside the output folder: ".."');
  });
});

describe('placeFile bytes', () => {
  /** Page text with lone surrogates, a pair and curly quotes: its UTF-8 bytes are what reach the file. */
  const text = '<p>a\ud800b “c” \ud83d\ude00 \udc00</p>';
  const bytes = Buffer.from(text, 'utf8');

  it('writes and hashes page text as its UTF-8 bytes, whatever the previous site is', async () => {
    const previous = path.join(staging, 'previous');
    const targets = [
      { staging: path.join(staging, 'none'), previous: { kind: 'none' as const }, recordHashes: false },
      { staging: path.join(staging, 'hashed'), previous: { kind: 'none' as const }, recordHashes: true },
      { staging: path.join(staging, 'folder'), previous: { kind: 'folder' as const, dir: previous }, recordHashes: true },
      { staging: path.join(staging, 'manifest'), previous: { kind: 'manifest' as const, dir: previous }, recordHashes: true },
    ];
    for (const target of targets) {
      await mkdir(target.staging);
      const placed = placeFile(target, 'a/index.html', text, undefined, new FolderMaker(target.staging));
      expect(placed.placement).toBe('written');
      expect(placed.hash).toBe(target.recordHashes ? contentHashOf(bytes) : undefined);
      expect(await readFile(stagedPathOf(target, 'a/index.html'))).toEqual(bytes);
    }
  });

  it('hashes text as it hashes the same UTF-8 bytes', () => {
    expect(contentHashOf(text)).toBe(contentHashOf(bytes));
  });
});
