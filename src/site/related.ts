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
  // positions[i][t]: where article i sits in the list of its t-th tag.
  const positions = articles.map((a, i) =>
    a.tags.map((tag) => {
      let list = byTag.get(tag.slug);
      if (!list) byTag.set(tag.slug, (list = []));
      list.push(i);
      return list.length - 1;
    }),
  );
  // Shared-tag counts by article index, reset after each article through the list of indexes touched.
  const shared = new Int32Array(articles.length);
  const touched: number[] = [];
  return articles.map((article, i) => {
    if (count === 0 || article.tags.length === 0) return [];
    const used = article.tags.map((tag, t) => ({ list: byTag.get(tag.slug)!, pos: positions[i]![t]!, slug: tag.slug }));
    const rarest = used.length <= TAGS_USED ? used : used.sort((a, b) => a.list.length - b.list.length || (a.slug < b.slug ? -1 : 1)).slice(0, TAGS_USED);
    for (const { list, pos } of rarest) {
      for (let k = Math.max(0, pos - NEIGHBOURS); k < Math.min(list.length, pos + NEIGHBOURS + 1); k++) {
        const other = list[k]!;
        if (other === i) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]!++;
      }
    }
    // The best `count` by (shared desc, distance in time asc, index asc), kept sorted by insertion.
    const best: number[] = [];
    const better = (a: number, b: number) => shared[a]! - shared[b]! || Math.abs(b - i) - Math.abs(a - i) || b - a;
    for (const other of touched) {
      if (best.length === count && better(other, best[count - 1]!) <= 0) continue;
      let at = best.length === count ? count - 1 : best.length;
      while (at > 0 && better(other, best[at - 1]!) > 0) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = other;
    }
    for (const other of touched) shared[other] = 0;
    touched.length = 0;
    return best.map((other) => articles[other]!);
  });
}
