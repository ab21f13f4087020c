/** Seeds whose bytes are an earlier seed's: a story scraped twice, which the archive would publish twice. */
import type { ArticleDraft } from '../article/draft.js';
import { SeedError } from '../errors.js';

/** How much of a draft's content hash (hex) finds its copies: 64 bits, so two of a million different seeds share a key with a chance of about 1 in 36 million. */
const COPY_KEY_LENGTH = 16;

/** The key a seed's copies share: a prefix of its content hash; '' for a seed not published (a `draft: true` one, or none). */
export function copyKeyOf(draft: Pick<ArticleDraft, 'draft' | 'contentHash'> | undefined): string {
  return draft === undefined || draft.draft ? '' : draft.contentHash.slice(0, COPY_KEY_LENGTH);
}

/**
 * A warning for each seed whose copy key is an earlier seed's, naming the first: `paths` in the order
 * a build lists seeds, `keys` aligned with them (see copyKeyOf). Both copies stay published: nothing
 * is dropped without the editor's word.
 */
export function copyWarnings(paths: readonly string[], keys: readonly string[]): SeedError[] {
  const first = new Map<string, string>();
  const warnings: SeedError[] = [];
  for (let i = 0; i < paths.length; i++) {
    const key = keys[i]!;
    if (key === '') continue;
    const original = first.get(key);
    if (original === undefined) first.set(key, paths[i]!);
    else warnings.push(new SeedError(paths[i]!, 1, `the same bytes as ${original}: the same article is published twice`, 'delete one of the two files'));
  }
  return warnings;
}

/** `warnings` and `copies` as one list in the order of `paths` (each seed's own warnings before its copy warning). */
export function withCopyWarnings(paths: readonly string[], warnings: readonly SeedError[], copies: readonly SeedError[]): SeedError[] {
  if (copies.length === 0) return [...warnings];
  const order = new Map(paths.map((p, i) => [p, i]));
  return [...warnings, ...copies].sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
}
