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
    const tags = article.tags;
    // Tag indexes to use: all, or the TAGS_USED rarest.
    let chosen = tags.map((_, t) => t);
    if (tags.length > TAGS_USED) {
      const size = (t: number) => byTag.get(tags[t]!.slug)!.length;
      chosen = chosen.sort((a, b) => size(a) - size(b) || (tags[a]!.slug < tags[b]!.slug ? -1 : 1)).slice(0, TAGS_USED);
    }
    for (const t of chosen) {
      const list = byTag.get(tags[t]!.slug)!;
      const pos = positions[i]![t]!;
      const end = Math.min(list.length, pos + NEIGHBOURS + 1);
      for (let k = Math.max(0, pos - NEIGHBOURS); k < end; k++) {
        const other = list[k]!;
        if (other === i) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]!++;
      }
    }
    // The best `count` by (shared desc, distance in time asc, index asc), kept sorted by insertion.
    const best: number[] = [];
    for (const other of touched) {
      if (best.length === count && !ranksBefore(shared, i, other, best[count - 1]!)) continue;
      let at = best.length === count ? count - 1 : best.length;
      while (at > 0 && ranksBefore(shared, i, other, best[at - 1]!)) {
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

/** True when `a` is a better related article for article `i` than `b`: more shared tags, then nearer in time, then newer. */
function ranksBefore(shared: Int32Array, i: number, a: number, b: number): boolean {
  const diff = shared[a]! - shared[b]!;
  if (diff !== 0) return diff > 0;
  const distance = Math.abs(a - i) - Math.abs(b - i);
  return distance !== 0 ? distance < 0 : a < b;
}
