import fc from 'fast-check';
import { fstatSync, openSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodyReader, inlineBody, removeUnusedSegments, segmentOf, writeBodySegment } from '../../src/cache/body-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-bodies-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** True while `fd` is an open file descriptor. */
function isOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

describe('body segments', () => {
  it('give back every body of a batch exactly, multi-byte characters and empty bodies included', () => {
    const bodies = ['<p>Café — “quoted” 🗞️</p>\n', '', '<p>second</p>\n', 'x'.repeat(100_000)];
    const reader = new BodyReader(dir);
    expect(writeBodySegment(dir, bodies).map((ref) => reader.read(ref))).toEqual(bodies);
    reader.close();
  });

  it('round-trip any batch of strings (property)', () => {
    const reader = new BodyReader(dir);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (bodies) => {
        expect(writeBodySegment(dir, bodies).map((ref) => reader.read(ref))).toEqual(bodies);
      }),
      { numRuns: 200 },
    );
    reader.close();
  });

  it('are named by their bytes: the same batch twice is one file', async () => {
    const a = writeBodySegment(dir, ['<p>a</p>', '<p>b</p>']);
    const b = writeBodySegment(dir, ['<p>a</p>', '<p>b</p>']);
    expect(a).toEqual(b);
    expect((await readdir(dir)).filter((n) => n.endsWith('.seg'))).toHaveLength(1);
  });

  it('are read correctly when a reader has more segments than it keeps open', () => {
    const refs = Array.from({ length: 150 }, (_, i) => writeBodySegment(dir, [`<p>${i}</p>`])[0]!);
    const reader = new BodyReader(dir, 16);
    // Twice round, out of order: every segment is opened, closed and opened again.
    for (const round of [0, 1]) for (let i = round; i < 300; i += 7) expect(reader.read(refs[i % 150]!)).toBe(`<p>${i % 150}</p>`);
    expect(reader.openCount).toBe(16);
    reader.close();
  });

  it('keep every segment they read open, up to their limit: random order opens each file once', () => {
    const refs = Array.from({ length: 100 }, (_, i) => writeBodySegment(dir, [`<p>${i}</p>`])[0]!);
    let opens = 0;
    const reader = new BodyReader(dir, 2048, (file) => (opens++, openSync(file, 'r')));
    for (let i = 0; i < 1000; i++) reader.read(refs[(i * 37) % 100]!);
    expect(opens).toBe(100);
    reader.close();
  });

  it('keep to fewer open files when the system refuses more (EMFILE), and read every body', () => {
    const refs = Array.from({ length: 60 }, (_, i) => writeBodySegment(dir, [`<p>${i}</p>`])[0]!);
    const open = new Set<number>();
    /** A system that lets 10 segment files be open at once. */
    const opener = (file: string) => {
      for (const fd of open) if (!isOpen(fd)) open.delete(fd);
      if (open.size >= 10) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
      const fd = openSync(file, 'r');
      open.add(fd);
      return fd;
    };
    const reader = new BodyReader(dir, 2048, opener);
    for (let i = 0; i < 300; i++) {
      expect(reader.read(refs[(i * 7) % 60]!)).toBe(`<p>${(i * 7) % 60}</p>`);
    }
    expect(reader.openCount).toBeLessThanOrEqual(10);
    reader.close();
  });

  it('pass on an open error that is not about too many files', () => {
    const [ref] = writeBodySegment(dir, ['<p>x</p>']);
    const reader = new BodyReader(dir, 2048, () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(() => reader.read(ref!)).toThrow('EACCES: permission denied');
  });

  it('keep inline bodies in the reference itself', () => {
    const ref = inlineBody('<p>inline</p>');
    expect(segmentOf(ref)).toBeUndefined();
    expect(new BodyReader('/nonexistent').read(ref)).toBe('<p>inline</p>');
  });

  it('refuse a reference that is not one (it can never name a path)', () => {
    const reader = new BodyReader(dir);
    expect(() => reader.read('../../etc/passwd:0:10')).toThrow('not a body reference: "../../etc/passwd:0:10" (hint: delete the cache folder and build again)');
    expect(() => reader.read('0123456789abcdef01234567:x:1')).toThrow('not a body reference');
  });

  it('unused ones are deleted once an hour old, used ones and other files kept, leftovers of killed writes removed', async () => {
    const [used] = writeBodySegment(dir, ['<p>used</p>']);
    const [unused] = writeBodySegment(dir, ['<p>unused</p>']);
    await writeFile(path.join(dir, 'abc.seg.123.tmp'), 'half');
    await writeFile(path.join(dir, 'notes.txt'), 'kept');
    const everything = (await readdir(dir)).sort();
    // Just written: maybe a concurrent build's, not in its pack yet.
    removeUnusedSegments(dir, [used!, inlineBody('<p>x</p>')]);
    expect((await readdir(dir)).sort()).toEqual(everything);
    const hoursAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const name of everything) await utimes(path.join(dir, name), hoursAgo, hoursAgo);
    removeUnusedSegments(dir, [used!, inlineBody('<p>x</p>')]);
    expect((await readdir(dir)).sort()).toEqual([`${segmentOf(used!)}.seg`, 'notes.txt']);
    expect(new BodyReader(dir).read(used!)).toBe('<p>used</p>');
    expect(segmentOf(unused!)).not.toBe(segmentOf(used!));
  });

  it('taken up again as they are, get a fresh mtime, so a concurrent collection keeps them', async () => {
    const [ref] = writeBodySegment(dir, ['<p>again</p>']);
    const file = path.join(dir, `${segmentOf(ref!)}.seg`);
    const hoursAgo = new Date(Date.now() - 61 * 60 * 1000);
    await utimes(file, hoursAgo, hoursAgo);
    expect(writeBodySegment(dir, ['<p>again</p>'])).toEqual([ref]);
    removeUnusedSegments(dir, []);
    expect(await readdir(dir)).toEqual([`${segmentOf(ref!)}.seg`]);
  });
});
