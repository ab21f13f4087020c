import { inlineBody } from '../../src/cache/body-store.js';
import type { ArticleDraft } from '../../src/article/draft.js';

/** A minimal draft for model tests; only what a test names differs. */
export function draft(overrides: Partial<ArticleDraft> & { sourcePath: string }): ArticleDraft {
  return {
    slugBase: 'story',
    title: 'Story',
    titleDerived: false,
    date: '2024-02-08',
    summary: 'Summary.',
    body: inlineBody('<p>Body.</p>\n'),
    socialPosts: [],
    relatedHeadlines: [],
    tagNames: [],
    wordCount: 1,
    readingMinutes: 1,
    contentHash: 'x',
    draft: false,
    ...overrides,
  };
}
