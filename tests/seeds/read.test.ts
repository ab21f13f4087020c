import { describe, expect, it } from 'vitest';
import { SeedError } from '../../src/errors.js';
import { readSeed } from '../../src/seeds/read.js';

describe('readSeed', () => {
  it('turns a file that cannot be read into a located error, not an exception', async () => {
    // Tests run as root, where a chmod 000 file is still readable; a file that vanished between listing and reading takes the same path as EACCES.
    const result = await readSeed('seeds/vanished.txt');
    expect(result).toBeInstanceOf(SeedError);
    expect((result as SeedError).format()).toBe('seeds/vanished.txt:1: cannot read file: ENOENT');
  });
});
