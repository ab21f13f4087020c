/** Tag identities across the site: one display name and one unique slug per tag. */
import type { Tag } from '../article/article.js';
import { tagSlug } from '../article/slug.js';
import { byCodePoint } from './order.js';

/** The key under which spellings differing only in case or Unicode form are one tag. */
function foldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Maps every tag name used on the site to its Tag; distinct tags never share a slug. */
export function assignTags(names: Iterable<string>): Map<string, Tag> {
  const groups = new Map<string, string[]>();
  // Names repeat (every article's tags): each distinct one is folded once.
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const key = foldKey(name);
    const group = groups.get(key);
    if (!group) groups.set(key, [name]);
    else group.push(name);
  }
  const displayNames = [...groups.values()].map((variants) => variants.sort(byCodePoint)[0]!).sort(byCodePoint);
  const taken = new Set<string>();
  const byKey = new Map<string, Tag>();
  for (const name of displayNames) {
    const base = tagSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    byKey.set(foldKey(name), { name, slug });
  }
  const result = new Map<string, Tag>();
  for (const [key, variants] of groups) for (const v of variants) result.set(v, byKey.get(key)!);
  return result;
}
