/** An article before the site model gives it its final slug and tag slugs. */
import type { Article } from './article.js';

/** Everything of an Article that one seed alone decides. */
export interface ArticleDraft extends Omit<Article, 'slug' | 'tags'> {
  /** The slug before same-day de-duplication. */
  readonly slugBase: string;
  /** Canonical tag names, in order of first mention. */
  readonly tagNames: readonly string[];
  /** True when front matter says `draft: true`: validated, never published. */
  readonly draft: boolean;
  /** The line of the seed's aliases in its front matter (where a clash with another seed is reported). */
  readonly aliasesLine?: number;
}

/** A draft as the parser makes it, its body HTML still in hand (before it goes to the body store). */
export type ParsedDraft = Omit<ArticleDraft, 'body'> & { readonly bodyHtml: string };
