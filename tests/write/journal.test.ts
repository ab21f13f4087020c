import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flatStagedPath } from '../../src/write/files.js';
import { applyJournal, commitJournal, journalPathOf, replayJournal } from '../../src/write/journal.js';

let work: string;
let out: string;
let staging: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'broadsheet-journal-'));
  out = path.join(work, 'dist');
  staging = path.join(work, 'dist.staging');
  await mkdir(path.join(out, '2024/03/05/harbour-reopens'), { recursive: true });
  await writeFile(path.join(out, '2024/03/05/harbour-reopens/index.html'), '<p>old</p>');
  await writeFile(path.join(out, 'gone.html'), '<p>gone</p>');
  await mkdir(staging);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Stages `files` flat, as an incremental build's writer does. */
async function stageFlat(files: Record<string, string>): Promise<string[]> {
  for (const [rel, text] of Object.entries(files)) await writeFile(flatStagedPath(staging, rel), text);
  return Object.keys(files);
}

describe('a journal of files staged flat', () => {
  it('moves each file to its path, making the folders a new page needs, deletes the removes, and leaves no staging or journal', async () => {
    const moves = await stageFlat({ '2024/03/05/harbour-reopens/index.html': '<p>new</p>', '2024/03/06/ferry-returns/index.html': '<p>ferry</p>' });
    await commitJournal(out, { staging, moves, removes: ['gone.html'], flat: true });
    expect(await readFile(path.join(out, '2024/03/05/harbour-reopens/index.html'), 'utf8')).toBe('<p>new</p>');
    expect(await readFile(path.join(out, '2024/03/06/ferry-returns/index.html'), 'utf8')).toBe('<p>ferry</p>');
    expect(await readdir(out)).toEqual(['2024']);
    await expect(stat(staging)).rejects.toThrow();
    await expect(stat(journalPathOf(out))).rejects.toThrow();
  });

  it('is finished by a replay after a build was killed halfway through applying it', async () => {
    const moves = await stageFlat({ '2024/03/05/harbour-reopens/index.html': '<p>new</p>', 'tags/harbour/index.html': '<p>tag</p>' });
    const journal = { staging, moves, removes: ['gone.html'], flat: true };
    await writeFile(journalPathOf(out), JSON.stringify(journal));
    // The kill came after the first move.
    await rename(flatStagedPath(staging, moves[0]!), path.join(out, moves[0]!));
    expect(await replayJournal(out)).toBe(true);
    expect(await readFile(path.join(out, '2024/03/05/harbour-reopens/index.html'), 'utf8')).toBe('<p>new</p>');
    expect(await readFile(path.join(out, 'tags/harbour/index.html'), 'utf8')).toBe('<p>tag</p>');
    await expect(stat(path.join(out, 'gone.html'))).rejects.toThrow();
    expect(await replayJournal(out)).toBe(false);
  });

  it('still applies a journal written before flat staging, whose files lie at their own paths', async () => {
    await mkdir(path.join(staging, '2024/03/05/harbour-reopens'), { recursive: true });
    await writeFile(path.join(staging, '2024/03/05/harbour-reopens/index.html'), '<p>tree</p>');
    await applyJournal(out, { staging, moves: ['2024/03/05/harbour-reopens/index.html'], removes: [] });
    expect(await readFile(path.join(out, '2024/03/05/harbour-reopens/index.html'), 'utf8')).toBe('<p>tree</p>');
  });
});
