import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
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

describe('listSeeds over entries that are not files', () => {
  it('reports a named pipe, a socket and links to a pipe or a folder at line 1, and lists only the file (reading the pipe hung the build)', async () => {
    const seeds = await mkdtemp(path.join(os.tmpdir(), 'list-seeds-'));
    await writeFile(path.join(seeds, 'a.txt'), 'date 2024-01-01\nx\n');
    execFileSync('mkfifo', [path.join(seeds, 'pipe.txt'), path.join(seeds, 'pipe')]);
    await symlink('pipe', path.join(seeds, 'to-pipe.txt'));
    await mkdir(path.join(seeds, 'folder'));
    await symlink('folder', path.join(seeds, 'to-folder.md'));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(seeds, 'socket.md'), resolve));
    try {
      const { paths, errors } = await listSeeds(seeds);
      expect(paths).toEqual([path.join(seeds, 'a.txt')]);
      expect(errors.map((e) => e.format().replace(seeds + path.sep, '')).sort()).toEqual([
        'pipe.txt:1: a named pipe, not a file (hint: a seed is a regular text file; remove this one or rename it)',
        'socket.md:1: a socket, not a file (hint: a seed is a regular text file; remove this one or rename it)',
        'to-folder.md:1: symbolic link to a folder, not to a file (hint: link to the seed file itself, or remove the link)',
        'to-pipe.txt:1: symbolic link to a named pipe, not to a file (hint: link to the seed file itself, or remove the link)',
      ]);
    } finally {
      server.close();
    }
  });
});
