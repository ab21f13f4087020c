import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { articleOf, buildSite } from '../../src/site/model.js';
import { byDateDescThenSlug, sortNewestFirst } from '../../src/site/order.js';
import { assignArticleSlugs } from '../../src/site/slugs.js';
import { assignTags } from '../../src/site/tag-index.js';
import { draft } from './draft-fixture.js';

const config = parseConfig({ pageSize: 2, relatedCount: 2 }, 'test');

describe('assignArticleSlugs', () => {
  it('numbers same-day duplicates -2, -3 in source-path order, whatever order they arrive in', () => {
    const drafts = [draft({ sourcePath: 'seeds/c.txt' }), draft({ sourcePath: 'seeds/a.txt' }), draft({ sourcePath: 'seeds/b.txt' })];
    const slugs = assignArticleSlugs(drafts);
    expect([...slugs].sort()).toEqual([
      ['seeds/a.txt', 'story'],
      ['seeds/b.txt', 'story-2'],
      ['seeds/c.txt', 'story-3'],
    ]);
    expect(assignArticleSlugs([...drafts].reverse())).toEqual(slugs);
  });

  it('leaves the same slug on different days alone', () => {
    const slugs = assignArticleSlugs([draft({ sourcePath: 'a', date: '2024-01-01' }), draft({ sourcePath: 'b', date: '2024-01-02' })]);
    expect([...slugs.values()]).toEqual(['story', 'story']);
  });

  it('never hands out a slug twice even when a title already ends in -2', () => {
    const slugs = assignArticleSlugs([draft({ sourcePath: 'a' }), draft({ sourcePath: 'b' }), draft({ sourcePath: 'c', slugBase: 'story-2' })]);
    expect(new Set(slugs.values()).size).toBe(3);
  });
});

describe('assignTags', () => {
  it('merges spellings that differ only in case into one tag with one slug', () => {
    const tags = assignTags(['Iraq', 'iraq', 'IRAQ']);
    expect(new Set([...tags.values()].map((t) => `${t.name}|${t.slug}`))).toEqual(new Set(['IRAQ|iraq']));
  });

  it('gives distinct tags that slugify alike distinct slugs, stably', () => {
    const tags = assignTags(['Sao Paulo', 'São Paulo', 'C', 'C++', '日本', '中国']);
    const slugs = [...tags.values()].map((t) => t.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(tags.get('Sao Paulo')!.slug).toBe('sao-paulo');
    expect(tags.get('São Paulo')!.slug).toBe('sao-paulo-2');
    expect(tags.get('C++')!.slug).toBe('c-plus-plus');
  });
});

describe('buildSite', () => {
  const drafts = [
    draft({ sourcePath: 's/1', slugBase: 'b-old', date: '2023-12-31', tagNames: ['Iraq'] }),
    draft({ sourcePath: 's/2', slugBase: 'a-new', date: '2024-02-08', tagNames: ['Iraq', 'Iran'] }),
    draft({ sourcePath: 's/3', slugBase: 'c-new', date: '2024-02-08', tagNames: ['Iran'] }),
    draft({ sourcePath: 's/4', slugBase: 'hidden', date: '2024-03-01', draft: true, tagNames: ['Secret'] }),
    draft({ sourcePath: 's/5', slugBase: 'mid', date: '2024-01-15', tagNames: ['Iraq', 'Iran'] }),
  ];
  const site = buildSite(drafts, config);

  it('sorts by date descending, then slug, and leaves drafts out', () => {
    expect(site.articles.map((a) => `${a.date} ${a.slug}`)).toEqual(['2024-02-08 a-new', '2024-02-08 c-new', '2024-01-15 mid', '2023-12-31 b-old']);
  });

  it('lists tags A–Z with their articles newest first; a draft-only tag does not exist', () => {
    expect(site.tags.map((t) => [t.name, t.articles.map((a) => a.slug)])).toEqual([
      ['Iran', ['a-new', 'c-new', 'mid']],
      ['Iraq', ['a-new', 'mid', 'b-old']],
    ]);
  });

  it('groups years and months newest first with counts', () => {
    expect(site.years.map((y) => [y.year, y.count, y.months.map((m) => `${m.month}:${m.articles.length}`)])).toEqual([
      ['2024', 3, ['02:2', '01:1']],
      ['2023', 1, ['12:1']],
    ]);
  });

  it('relates articles by shared tags, most shared first, nearest in time on ties', () => {
    const related = Object.fromEntries(site.articles.map((a, i) => [a.slug, site.related[i]!.map((r) => r.slug)]));
    expect(related).toEqual({ 'a-new': ['mid', 'c-new'], 'c-new': ['a-new', 'mid'], mid: ['a-new', 'c-new'], 'b-old': ['mid', 'a-new'] });
  });

  it('gives the same model whatever order the drafts come in', () => {
    const again = buildSite([...drafts].reverse(), config);
    expect(again.articles.map((a) => a.slug)).toEqual(site.articles.map((a) => a.slug));
    expect(again.related.map((r) => r.map((a) => a.slug))).toEqual(site.related.map((r) => r.map((a) => a.slug)));
  });
});

describe('articleOf', () => {
  it('is the draft without slugBase, tagNames and draft, with the final slug and tags: optional fields kept only when present', () => {
    const tags = [{ name: 'Oslo', slug: 'oslo' }];
    const bare = draft({ sourcePath: 'seeds/a.md' });
    const full = draft({ sourcePath: 'seeds/b.md', dateline: 'OSLO', author: 'Ana Lima', sourceUrl: 'https://example.org/a' });
    for (const d of [bare, full]) {
      const { slugBase: _s, tagNames: _t, draft: _d, ...rest } = d;
      expect(articleOf(d, 'final', tags)).toStrictEqual({ ...rest, slug: 'final', tags });
    }
    expect(Object.keys(articleOf(bare, 'final', tags))).not.toContain('dateline');
  });
});

describe('sortNewestFirst', () => {
  it('orders as sorting by byDateDescThenSlug does, whatever the input order', () => {
    const date = fc.constantFrom('2024-02-08', '2024-02-09', '1999-12-31', '2024-10-01');
    const article = fc.record({ date, slug: fc.string({ maxLength: 4 }), n: fc.nat() });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 40 }), (articles) => {
        expect(sortNewestFirst(articles)).toEqual([...articles].sort(byDateDescThenSlug));
      }),
    );
  });
});
