import { describe, expect, it } from 'vitest';
import { fullRecord, lazyArticles, storedIdentities } from '../../src/cache/lazy-articles.js';
import { articleOf } from '../../src/site/model.js';
import { draft } from '../site/draft-fixture.js';

/** Identities as a snapshot would store them (any strings: the records never compute them). */
const stored = (i: number) => ({ identity: `id-${i}`, card: `card-${i}` });
const records = Array.from({ length: 5 }, (_, i) => articleOf(draft({ sourcePath: `seeds/${i}.txt`, title: `Story ${i}`, date: `2024-01-0${i + 1}`, ...(i === 2 && { dateline: 'GENEVA' }) }), `story-${i}`, [{ name: 'Iraq', slug: 'iraq' }]));

describe('lazy article records', () => {
  it('hold date, slug and source path, and load the rest of one record on first use', () => {
    const loaded: number[] = [];
    const articles = lazyArticles(records.length, (i) => ({ date: records[i]!.date, slug: records[i]!.slug, sourcePath: records[i]!.sourcePath }), (i) => (loaded.push(i), records[i]!), stored);
    expect(articles.map((a) => [a.date, a.slug, a.sourcePath])).toEqual(records.map((r) => [r.date, r.slug, r.sourcePath]));
    expect(loaded).toEqual([]);
    expect(articles[2]!.title).toBe('Story 2');
    expect(articles[2]!.dateline).toBe('GENEVA');
    expect(articles[3]!.dateline).toBeUndefined();
    expect(articles[2]!.tags).toEqual([{ name: 'Iraq', slug: 'iraq' }]);
    expect(loaded.every((i) => i === 2 || i === 3)).toBe(true);
  });

  it('give their full plain record for storing; a plain record is its own', () => {
    const articles = lazyArticles(records.length, (i) => ({ date: records[i]!.date, slug: records[i]!.slug, sourcePath: records[i]!.sourcePath }), (i) => records[i]!, stored);
    expect(fullRecord(articles[4]!)).toBe(records[4]);
    expect({ ...fullRecord(articles[1]!) }).toEqual(records[1]);
    expect(fullRecord(records[0]!)).toBe(records[0]);
  });

  it('give the identities stored with them without loading; a plain record has none', () => {
    const loaded: number[] = [];
    const articles = lazyArticles(records.length, (i) => ({ date: records[i]!.date, slug: records[i]!.slug, sourcePath: records[i]!.sourcePath }), (i) => (loaded.push(i), records[i]!), stored);
    expect(storedIdentities(articles[3]!)).toEqual({ identity: 'id-3', card: 'card-3' });
    expect(loaded).toEqual([]);
    expect(storedIdentities(records[3]!)).toBeUndefined();
  });
});
