import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeedError } from '../../src/errors.js';
import { listSeeds, readSeed } from '../../src/seeds/read.js';

describe('readSeed', () => {
  it('turns a file that cannot be read into a located error, not an exception', async () => {
    // Tests run as root, where a chmod 000 file is still readable; a file that vanished between listing and reading takes the same path as EACCES.
    const result = await readSeed('seeds/vanished.txt');
    expect(result).toBeInstanceOf(SeedError);
    expect((result as SeedError).format()).toBe('seeds/vanished.txt:1: cannot read file: ENOENT');
  });
});

describe('listSeeds', () => {
  it('names each seed as path.join(seeds folder, its path in it) would, however the folder is written (the names key the cache and the error messages)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'list-seeds-'));
    await mkdir(path.join(root, 'seeds', 'deep', 'er'), { recursive: true });
    for (const rel of ['a.md', 'B.TXT', 'deep/c.txt', 'deep/er/d.md', '.hidden.md', 'deep/notes.pdf']) await writeFile(path.join(root, 'seeds', rel), 'date 2024-01-01\nx\n');
    const expected = (dir: string) => ['B.TXT', 'a.md', 'deep/c.txt', 'deep/er/d.md'].map((rel) => path.join(dir, rel));
    const cwd = process.cwd();
    try {
      process.chdir(root);
      for (const dir of ['seeds', 'seeds/', './seeds', './seeds//', 'deep/../seeds', path.join(root, 'seeds'), `${path.join(root, 'seeds')}/`]) {
        await mkdir('deep', { recursive: true });
        expect((await listSeeds(dir)).paths).toEqual(expected(dir));
      }
      process.chdir(path.join(root, 'seeds'));
      expect((await listSeeds('.')).paths).toEqual(['B.TXT', 'a.md', 'deep/c.txt', 'deep/er/d.md']);
    } finally {
      process.chdir(cwd);
    }
  });
});
