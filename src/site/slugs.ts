/** Final article slugs: same slug on the same day becomes `-2`, `-3` in source-path order. */
import type { ArticleDraft } from '../article/draft.js';
import { byCodePoint } from './order.js';

/** The final slug of each draft, by source path; stable whatever order the drafts come in. */
export function assignArticleSlugs(drafts: readonly ArticleDraft[]): Map<string, string> {
  // The sort compares small records of the three keys, not the drafts (objects of many shapes).
  const ordered = drafts.map(({ date, slugBase, sourcePath }) => ({ date, slugBase, sourcePath }));
  ordered.sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.slugBase, b.slugBase) || byCodePoint(a.sourcePath, b.sourcePath));
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const { date, slugBase, sourcePath } of ordered) {
    let slug = slugBase;
    for (let n = 2; taken.has(`${date}/${slug}`); n++) slug = `${slugBase}-${n}`;
    taken.add(`${date}/${slug}`);
    slugs.set(sourcePath, slug);
  }
  return slugs;
}
