/** The model stage: drafts → Site (final slugs, tags, sort order, archives, related). */
import type { Article } from '../article/article.js';
import type { ArticleDraft } from '../article/draft.js';
import type { SiteConfig } from '../config.js';
import { buildArchives } from './archives.js';
import { byDateDescThenSlug, byName } from './order.js';
import { relatedArticles } from './related.js';
import type { Site, TagEntry } from './site.js';
import { assignArticleSlugs } from './slugs.js';
import { assignTags } from './tag-index.js';

/** Turns a draft into the final Article record. */
function finalize(draft: ArticleDraft, slug: string, tags: Map<string, Article['tags'][number]>): Article {
  const { slugBase: _slugBase, tagNames, draft: _draft, ...rest } = draft;
  const seen = new Set<string>();
  const articleTags = tagNames
    .map((n) => tags.get(n)!)
    .filter((t) => !seen.has(t.slug) && seen.add(t.slug))
    .sort((a, b) => byName(a.name, b.name));
  return { ...rest, slug, tags: articleTags };
}

/** Builds the site model from every parsed draft; drafts marked `draft: true` are left out. */
export function buildSite(drafts: readonly ArticleDraft[], config: SiteConfig): Site {
  const published = drafts.filter((d) => !d.draft);
  const slugs = assignArticleSlugs(published);
  const tags = assignTags(published.flatMap((d) => d.tagNames));
  const articles = published.map((d) => finalize(d, slugs.get(d.sourcePath)!, tags)).sort(byDateDescThenSlug);

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
