/** Related articles: most shared tags, drawn from the nearest neighbours in time on an article's rarest tags (bounded work). */
import type { Article } from '../article/article.js';

/** How many neighbours on each side of an article in a tag's list are considered. */
const NEIGHBOURS = 10;

/** How many of an article's tags are used: its rarest ones (a shared rare tag says more than a common one). */
const TAGS_USED = 8;

/**
 * For each article (by index in `articles`, which is sorted newest first), up to `count` others sharing
 * the most tags; ties go to the nearer in time, then the newer.
 */
export function relatedArticles(articles: readonly Article[], count: number): Article[][] {
  const byTag = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const tag of a.tags) {
      const list = byTag.get(tag.slug) ?? [];
      list.push(i);
      byTag.set(tag.slug, list);
    }
  });
  const positionInTag = new Map<string, Map<number, number>>();
  for (const [slug, list] of byTag) positionInTag.set(slug, new Map(list.map((articleIndex, pos) => [articleIndex, pos])));

  return articles.map((article, i) => {
    if (count === 0 || article.tags.length === 0) return [];
    const shared = new Map<number, number>();
    const rarest = article.tags.length <= TAGS_USED ? article.tags : [...article.tags].sort((a, b) => byTag.get(a.slug)!.length - byTag.get(b.slug)!.length || (a.slug < b.slug ? -1 : 1)).slice(0, TAGS_USED);
    for (const tag of rarest) {
      const list = byTag.get(tag.slug)!;
      const pos = positionInTag.get(tag.slug)!.get(i)!;
      for (let k = Math.max(0, pos - NEIGHBOURS); k < Math.min(list.length, pos + NEIGHBOURS + 1); k++) {
        const other = list[k]!;
        if (other !== i) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    return [...shared]
      .sort(([a, sa], [b, sb]) => sb - sa || Math.abs(a - i) - Math.abs(b - i) || a - b)
      .slice(0, count)
      .map(([other]) => articles[other]!);
  });
}
