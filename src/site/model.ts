/** The model stage: drafts → Site (final slugs, tags, sort order, archives, related). */
import { hash } from 'node:crypto';
import type { Article, Tag } from '../article/article.js';
import type { ArticleDraft } from '../article/draft.js';
import type { SiteConfig } from '../config.js';
import { buildArchives } from './archives.js';
import { byName, sortNewestFirst } from './order.js';
import { relatedArticles } from './related.js';
import type { Site, TagEntry } from './site.js';
import { assignArticleSlugs } from './slugs.js';
import { assignTags } from './tag-index.js';

/** Turns a draft into the final Article record; its tags A–Z (`rank`: each tag's place in the site's A–Z order). */
function finalize(draft: ArticleDraft, slug: string, tags: Map<string, Tag>, rank: Map<Tag, number>): Article {
  const seen = new Set<string>();
  const articleTags = draft.tagNames
    .map((n) => tags.get(n)!)
    .filter((t) => !seen.has(t.slug) && seen.add(t.slug))
    .sort((a, b) => rank.get(a)! - rank.get(b)!);
  return articleOf(draft, slug, articleTags);
}

/**
 * The Article record of a draft with its final slug and tags. Written field by field, not as the draft
 * minus three fields: every record then has one of a few shapes, whatever order the draft's fields
 * came in (a worker's message, the cache), and the model's sorts and loops read them at full speed.
 */
export function articleOf(draft: ArticleDraft, slug: string, tags: readonly Tag[]): Article {
  const article: { -readonly [K in keyof Article]: Article[K] } = {
    slug,
    title: draft.title,
    titleDerived: draft.titleDerived,
    date: draft.date,
    summary: draft.summary,
    body: draft.body,
    socialPosts: draft.socialPosts,
    relatedHeadlines: draft.relatedHeadlines,
    tags,
    wordCount: draft.wordCount,
    readingMinutes: draft.readingMinutes,
    sourcePath: draft.sourcePath,
    contentHash: draft.contentHash,
  };
  if (draft.updated !== undefined) article.updated = draft.updated;
  if (draft.dateline !== undefined) article.dateline = draft.dateline;
  if (draft.author !== undefined) article.author = draft.author;
  if (draft.sourceUrl !== undefined) article.sourceUrl = draft.sourceUrl;
  if (draft.aliases !== undefined) article.aliases = draft.aliases;
  if (draft.lang !== undefined) article.lang = draft.lang;
  return article;
}

/**
 * A hash of everything buildSite arranges the site by, for one draft: publication, date, slug base
 * and tag names. Two drafts of one seed with the same shape give sites that differ in that article's record only.
 */
export function shapeOf(draft: ArticleDraft): string {
  // The update's date is the sitemap's `lastmod` for the page, and the sitemap is no edited article's
  // own file; an alias is a file of its own, and may clash with another seed's.
  return hash('sha1', [draft.draft ? 'draft' : 'published', draft.date, draft.updated ?? '', (draft.aliases ?? []).join('\u0001'), draft.slugBase, ...draft.tagNames].join('\u0000'), 'base64url');
}

/** Each distinct tag's place in A–Z order (byName), computed once instead of collating inside every article. */
function rankByName(tags: Map<string, Tag>): Map<Tag, number> {
  const distinct = [...new Set(tags.values())].sort((a, b) => byName(a.name, b.name));
  return new Map(distinct.map((t, i) => [t, i]));
}

/** Builds the site model from every parsed draft; drafts marked `draft: true` are left out. */
export function buildSite(drafts: readonly ArticleDraft[], config: SiteConfig): Site {
  const published = drafts.filter((d) => !d.draft);
  const slugs = assignArticleSlugs(published);
  const tags = assignTags(published.flatMap((d) => d.tagNames));
  const rank = rankByName(tags);
  const articles = sortNewestFirst(published.map((d) => finalize(d, slugs.get(d.sourcePath)!, tags, rank)));

  const bySlug = new Map<string, { name: string; slug: string; articles: Article[] }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = bySlug.get(tag.slug) ?? { ...tag, articles: [] };
      entry.articles.push(article);
      bySlug.set(tag.slug, entry);
    }
  }
  const tagEntries: TagEntry[] = [...bySlug.values()].sort((a, b) => byName(a.name, b.name));
  return {
    config,
    articles,
    tags: tagEntries,
    years: buildArchives(articles),
    related: relatedArticles(articles, config.relatedCount),
  };
}
