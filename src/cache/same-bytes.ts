/**
 * Drafts found by a seed's bytes when its stamp (size, mtime) no longer finds them: a seed touched,
 * checked out again, or a whole `.cache/` restored onto a fresh clone in CI, where every mtime is new
 * (the cache is kept per output folder by its absolute path, so the clone must sit where the last one
 * did, as CI runners' checkouts do).
 * The pack is keyed by stamp so an unchanged archive is recognised without reading it; a seed whose
 * stamp changed is read and hashed, and keeps its draft when its bytes are the ones it was parsed from.
 */
import type { ArticleDraft } from '../article/draft.js';
import { readSeed } from '../seeds/read.js';
import { seedContentHash } from '../seeds/seed-file.js';

/**
 * The stored draft of each of `paths` whose seed still has the bytes the draft was parsed from (the
 * pack holds one draft per path at most; its settings and generator version are the build's).
 */
export function draftsWithSameBytes(paths: readonly string[], stored: ReadonlyMap<string, ArticleDraft>): Map<string, ArticleDraft> {
  const found = new Map<string, ArticleDraft>();
  if (paths.length === 0 || stored.size === 0) return found;
  const bySource = new Map<string, ArticleDraft>();
  for (const draft of stored.values()) bySource.set(draft.sourcePath, draft);
  for (const p of paths) {
    const draft = bySource.get(p);
    if (draft !== undefined && hasBytesOf(p, draft.contentHash)) found.set(p, draft);
  }
  return found;
}

/** True when the seed at `seedPath` can be read and its bytes hash to `contentHash` (an article's `contentHash`). */
export function hasBytesOf(seedPath: string, contentHash: string): boolean {
  const seed = readSeed(seedPath);
  return 'bytes' in seed && seedContentHash(seed.bytes) === contentHash;
}
