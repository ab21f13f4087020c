/** Final article slugs: same slug on the same day becomes `-2`, `-3` in source-path order. */
import type { ArticleDraft } from '../article/draft.js';
import { byCodePoint } from './order.js';

/** The final slug of each draft, by source path; stable whatever order the drafts come in. */
export function assignArticleSlugs(drafts: readonly ArticleDraft[]): Map<string, string> {
  const ordered = [...drafts].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.slugBase, b.slugBase) || byCodePoint(a.sourcePath, b.sourcePath));
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const draft of ordered) {
    let slug = draft.slugBase;
    for (let n = 2; taken.has(`${draft.date}/${slug}`); n++) slug = `${draft.slugBase}-${n}`;
    taken.add(`${draft.date}/${slug}`);
    slugs.set(draft.sourcePath, slug);
  }
  return slugs;
}
