import { describe, expect, it } from 'vitest';
import { replaceArticles } from '../../src/site/edit.js';
import { buildSite, shapeOf } from '../../src/site/model.js';
import { parseConfig } from '../../src/config.js';
import { draft } from './draft-fixture.js';

const config = parseConfig({ pageSize: 2, relatedCount: 2 }, 'test');

const drafts = [
  draft({ sourcePath: 'seeds/a.txt', slugBase: 'alpha', date: '2024-03-01', tagNames: ['Iraq', 'Oil'], title: 'Alpha' }),
  draft({ sourcePath: 'seeds/b.txt', slugBase: 'bravo', date: '2024-03-02', tagNames: ['Iraq'], title: 'Bravo' }),
  draft({ sourcePath: 'seeds/c.txt', slugBase: 'charlie', date: '2024-02-10', tagNames: ['Oil', 'Iraq'], title: 'Charlie' }),
];

describe('shapeOf', () => {
  it('changes with what the site is arranged by (publication, date, slug base, tag names) and nothing else', () => {
    const base = drafts[0]!;
    expect(shapeOf({ ...base, title: 'Another title', summary: 'Other.', wordCount: 99, contentHash: 'y' })).toBe(shapeOf(base));
    for (const change of [{ draft: true }, { date: '2024-03-02' }, { slugBase: 'alpha-2' }, { tagNames: ['Iraq'] }, { tagNames: ['Oil', 'Iraq'] }]) {
      expect(shapeOf({ ...base, ...change })).not.toBe(shapeOf(base));
    }
  });
});

describe('replaceArticles', () => {
  it('gives the same site as a full model build when the edited drafts keep their shape', () => {
    const edited = [drafts[0]!, { ...drafts[1]!, title: 'Bravo, retitled', summary: 'New summary.', contentHash: 'z' }, drafts[2]!];
    const patched = replaceArticles(buildSite(drafts, config), new Map([['seeds/b.txt', edited[1]!]]));
    expect(patched).toEqual(buildSite(edited, config));
  });

  it('puts the one new record in every list that held the old one', () => {
    const site = buildSite(drafts, config);
    const patched = replaceArticles(site, new Map([['seeds/b.txt', { ...drafts[1]!, title: 'Bravo 2' }]]));
    const bravo = patched.articles.find((a) => a.sourcePath === 'seeds/b.txt')!;
    expect(bravo.title).toBe('Bravo 2');
    expect(patched.tags.find((t) => t.name === 'Iraq')!.articles).toContain(bravo);
    expect(patched.years[0]!.months[0]!.articles).toContain(bravo);
    expect(patched.related.flat().filter((a) => a.sourcePath === 'seeds/b.txt').every((a) => a === bravo)).toBe(true);
    // The site it was made from is left as it was.
    expect(site.articles.find((a) => a.sourcePath === 'seeds/b.txt')!.title).toBe('Bravo');
  });

  it('returns the site itself when no edited seed is a published article', () => {
    const site = buildSite(drafts, config);
    expect(replaceArticles(site, new Map([['seeds/unpublished.txt', draft({ sourcePath: 'seeds/unpublished.txt', draft: true })]]))).toBe(site);
  });
});
