import { describe, expect, it } from 'vitest';
import { shardDirOf, shardDirOfFile, shardYearOf } from '../../src/write/search-shards.js';

describe('search shards: one bundle per year of articles', () => {
  it('puts an article page in the shard of its year', () => {
    expect(shardYearOf('2019/06/01/the-old-harbour/index.html')).toBe('2019');
  });

  it('gives the newest year the main bundle folder and every older year a folder inside it', () => {
    expect(shardDirOf('2024', '2024')).toBe('pagefind/');
    expect(shardDirOf('2019', '2024')).toBe('pagefind/year-2019/');
  });

  it('tells which shard a bundle file belongs to, and that other files belong to none', () => {
    expect(shardDirOfFile('pagefind/year-2019/fragment/en_1.pf_fragment')).toBe('pagefind/year-2019/');
    expect(shardDirOfFile('pagefind/pagefind-entry.json')).toBe('pagefind/');
    expect(shardDirOfFile('pagefind/index/en_2.pf_index')).toBe('pagefind/');
    expect(shardDirOfFile('2019/06/01/the-old-harbour/index.html')).toBeUndefined();
    expect(shardDirOfFile('pagefinder.html')).toBeUndefined();
  });
});
