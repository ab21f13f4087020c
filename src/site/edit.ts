/**
 * A model-preserving edit: seeds changed but kept their shape (see shapeOf), so the previous Site
 * stands with those articles' records replaced — no slugs, tags, order, archives or related to redo.
 */
import type { Article } from '../article/article.js';
import type { ArticleDraft } from '../article/draft.js';
import { articleOf } from './model.js';
import type { Site } from './site.js';

/**
 * The site with each published article whose seed is in `drafts` (by source path) remade from its new
 * draft, keeping its slug and tags; every list that held the old record holds the new one. The caller
 * has checked that each draft has the shape its seed had when `site` was built.
 */
export function replaceArticles(site: Site, drafts: ReadonlyMap<string, ArticleDraft>): Site {
  const replaced = new Map<Article, Article>();
  for (const article of site.articles) {
    const draft = drafts.get(article.sourcePath);
    if (draft) replaced.set(article, articleOf(draft, article.slug, article.tags));
  }
  if (replaced.size === 0) return site;
  const swap = (list: readonly Article[]) => (list.some((a) => replaced.has(a)) ? list.map((a) => replaced.get(a) ?? a) : list);
  return {
    config: site.config,
    articles: swap(site.articles),
    tags: site.tags.map((tag) => ({ ...tag, articles: swap(tag.articles) })),
    years: site.years.map((year) => ({ ...year, months: year.months.map((month) => ({ ...month, articles: swap(month.articles) })) })),
    related: site.related.map(swap),
  };
}
