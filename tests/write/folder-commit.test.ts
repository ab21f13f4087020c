import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitOverFolder, listTree, removalsFor, type EntryKind } from '../../src/write/folder-commit.js';
import { SiteWriter } from '../../src/write/files.js';

/** A previous folder's listing from `path kind` pairs. */
const tree = (entries: Record<string, EntryKind>) => new Map(Object.entries(entries));

describe('removalsFor (what leaves the previous folder holding only the new site)', () => {
  it("deletes the files the new site lacks, and a folder it no longer needs whole, not file by file", () => {
    const previous = tree({
      'index.html': 'file',
      'old.txt': 'file',
      '2024': 'folder',
      '2024/03': 'folder',
      '2024/03/05': 'folder',
      '2024/03/05/kept': 'folder',
      '2024/03/05/kept/index.html': 'file',
      '2024/03/05/gone': 'folder',
      '2024/03/05/gone/index.html': 'file',
      '2023': 'folder',
      '2023/12': 'folder',
      '2023/12/index.html': 'file',
      'empty': 'folder',
      'link': 'other',
    });
    const site = new Set(['index.html', '2024/03/05/kept/index.html', '2024/03/05/new/index.html']);
    expect(removalsFor(previous, site)?.sort()).toEqual(['2023', '2024/03/05/gone', 'empty', 'link', 'old.txt']);
  });

  it('keeps a link standing where the new site writes a file (the move replaces the link itself)', () => {
    expect(removalsFor(tree({ 'feed.xml': 'other' }), new Set(['feed.xml']))).toEqual([]);
  });

  it('gives up when a folder stands where the new site puts a file', () => {
    expect(removalsFor(tree({ 'robots.txt': 'folder', 'robots.txt/a': 'file' }), new Set(['robots.txt']))).toBeUndefined();
  });

  it('gives up when a file or a link stands where the new site needs a folder (a move would follow the link)', () => {
    expect(removalsFor(tree({ tags: 'file' }), new Set(['tags/a/index.html']))).toBeUndefined();
    expect(removalsFor(tree({ '2024': 'folder', '2024/03': 'other' }), new Set(['2024/03/05/a/index.html']))).toBeUndefined();
  });
});

let work: string;
let out: string;
let staging: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'broadsheet-folder-commit-'));
  out = path.join(work, 'dist');
  staging = path.join(work, 'dist.staging');
  await mkdir(staging);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Writes files (path → text) under `dir`. */
async function files(dir: string, entries: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

/** A writer over the previous folder `out` that has placed these files (path → text). */
function writerPlacing(entries: Record<string, string>): SiteWriter {
  const writer = new SiteWriter(staging, { kind: 'folder', dir: out }, false);
  for (const [rel, text] of Object.entries(entries)) writer.add({ path: rel, bytes: text });
  return writer;
}

/** What says a file is the very same one: inode and mtime. */
async function identityOf(file: string): Promise<[number, number]> {
  const info = await stat(file);
  return [info.ino, info.mtimeMs];
}

describe('commitOverFolder', () => {
  it('moves in only the changed files, leaves unchanged ones in place (same inode and mtime) and deletes the rest, links and empty folders included', async () => {
    await files(out, { 'index.html': 'front v1', 'a/index.html': 'same', 'a/feed.xml': 'same feed', 'robots.txt': 'same robots', 'gone/index.html': 'old page', 'stray.txt': 'x' });
    await mkdir(path.join(out, 'empty/inner'), { recursive: true });
    await symlink(work, path.join(out, 'escape'));
    const folderBefore = await stat(out);
    const unchangedBefore = await identityOf(path.join(out, 'a/index.html'));
    const writer = writerPlacing({ 'index.html': 'front v2', 'a/index.html': 'same', 'a/feed.xml': 'same feed', 'robots.txt': 'same robots', 'b/c/index.html': 'new page' });
    expect(writer.stats).toEqual({ written: 2, unchanged: 3 });
    await commitOverFolder(out, staging, writer);
    expect([...listTree(out)].sort()).toEqual([
      ['a', 'folder'],
      ['a/feed.xml', 'file'],
      ['a/index.html', 'file'],
      ['b', 'folder'],
      ['b/c', 'folder'],
      ['b/c/index.html', 'file'],
      ['index.html', 'file'],
      ['robots.txt', 'file'],
    ]);
    // Committed in place: the same folder, not a new one swapped in.
    expect((await stat(out)).ino).toBe(folderBefore.ino);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('front v2');
    expect(await identityOf(path.join(out, 'a/index.html'))).toEqual(unchangedBefore);
    // The link was deleted, not followed: what it pointed at is still there.
    expect((await stat(work)).isDirectory()).toBe(true);
    await expect(stat(staging)).rejects.toThrow();
  });

  it('replaces the folder whole when more files changed than stayed the same, the unchanged ones keeping inode and mtime', async () => {
    await files(out, { 'index.html': 'front v1', 'a/index.html': 'same', 'gone/index.html': 'old page' });
    const folderBefore = await stat(out);
    const unchangedBefore = await identityOf(path.join(out, 'a/index.html'));
    const writer = writerPlacing({ 'index.html': 'front v2', 'a/index.html': 'same', 'b/index.html': 'new page' });
    await commitOverFolder(out, staging, writer);
    expect([...listTree(out)].sort()).toEqual([
      ['a', 'folder'],
      ['a/index.html', 'file'],
      ['b', 'folder'],
      ['b/index.html', 'file'],
      ['index.html', 'file'],
    ]);
    expect((await stat(out)).ino).not.toBe(folderBefore.ino);
    expect(await identityOf(path.join(out, 'a/index.html'))).toEqual(unchangedBefore);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('front v2');
  });

  it('replaces the folder whole, unchanged files included, when an old entry stands in the new site’s way', async () => {
    await files(out, { tags: 'a file where a folder goes', 'a/index.html': 'same' });
    const writer = writerPlacing({ 'a/index.html': 'same', 'tags/x/index.html': 'tag page' });
    await commitOverFolder(out, staging, writer);
    expect([...listTree(out)].sort()).toEqual([
      ['a', 'folder'],
      ['a/index.html', 'file'],
      ['tags', 'folder'],
      ['tags/x', 'folder'],
      ['tags/x/index.html', 'file'],
    ]);
    expect(await readFile(path.join(out, 'a/index.html'), 'utf8')).toBe('same');
    expect(await readFile(path.join(out, 'tags/x/index.html'), 'utf8')).toBe('tag page');
  });
});
