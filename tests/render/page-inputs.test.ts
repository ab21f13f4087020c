import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/article/draft.js';
import { inlineBody } from '../../src/cache/body-store.js';
import { parseConfig } from '../../src/config.js';
import { createLiquid } from '../../src/render/liquid.js';
import { archivePagePlans, articlePagePlan, createRenderEnv, indexPagePlans, tagPagePlans, type PagePlan } from '../../src/render/pages.js';
import { buildSite } from '../../src/site/model.js';
import { draft } from '../site/draft-fixture.js';

const TEMPLATES = path.join(import.meta.dirname, '..', '..', 'templates');

/** Three articles in one month under one tag; `b` is the one the tests change. */
function drafts(b: Partial<ArticleDraft> = {}): ArticleDraft[] {
  return [
    draft({ sourcePath: 'seeds/a.txt', slugBase: 'a', date: '2024-03-03', tagNames: ['Harbour'] }),
    draft({ sourcePath: 'seeds/b.txt', slugBase: 'b', date: '2024-03-02', tagNames: ['Harbour'], ...b }),
    draft({ sourcePath: 'seeds/c.txt', slugBase: 'c', date: '2024-03-01', tagNames: ['Harbour'] }),
  ];
}

/** Every page's inputs by page path: the three article pages and the listings that show them. */
function inputsOf(b: Partial<ArticleDraft> = {}): Record<string, string> {
  const site = buildSite(drafts(b), parseConfig({}, 'test'));
  const env = createRenderEnv(createLiquid(TEMPLATES, 'en'), TEMPLATES, site);
  const plans: PagePlan[] = [...site.articles.map((_, i) => articlePagePlan(env, site, i)), ...indexPagePlans(env, site), ...tagPagePlans(env, site, site.tags[0]!), ...archivePagePlans(env, site)];
  return Object.fromEntries(plans.map((p) => [p.pagePath, p.inputs()]));
}

/** The page paths whose inputs differ from the unchanged site's. */
function changedBy(b: Partial<ArticleDraft>): string[] {
  const before = inputsOf();
  const after = inputsOf(b);
  return Object.keys(before).filter((p) => before[p] !== after[p]);
}

describe('what a page depends on', () => {
  it('an edit of the body alone changes only that article page: the listings and neighbours show its card, which is the same', () => {
    expect(changedBy({ contentHash: 'y', body: inlineBody('<p>Body, edited further down.</p>\n'), wordCount: 4 })).toEqual(['2024/03/02/b/']);
  });

  it.each([
    ['title', { title: 'A new headline' }],
    ['summary', { summary: 'A new summary.' }],
    ['dateline', { dateline: 'OSLO' }],
    ['author', { author: 'A. Writer' }],
  ] as const)('a new %s changes the article page, its neighbours and every listing that shows it', (_field, change) => {
    expect(changedBy({ contentHash: 'y', ...change })).toEqual(['2024/03/03/a/', '2024/03/02/b/', '2024/03/01/c/', '', 'tags/harbour/', '2024/03/']);
  });
});
