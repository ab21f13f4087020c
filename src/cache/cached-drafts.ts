/**
 * Which seeds' drafts the cache already holds: found by stamp (size, mtime, ctime, path), else by the seed's
 * bytes when its stamp no longer finds them — a seed touched, checked out again, or a whole `.cache/`
 * restored onto a fresh clone in CI, where every mtime is new (the cache is kept per output folder by
 * its absolute path, so the clone must sit where the last one did, as CI runners' checkouts do). The
 * pack is keyed by stamp so an unchanged archive is recognised without reading it; a seed whose stamp
 * changed is read and hashed, and keeps its draft when its bytes are the ones it was parsed from.
 */
import type { ArticleDraft } from '../article/draft.js';
import { readSeed } from '../seeds/read.js';
import { seedContentHash } from '../seeds/seed-file.js';

/**
 * The stored draft of each of `paths` the pack holds, by its stamp key in `keys`, else by its bytes;
 * `restamped` counts those found by bytes (the pack must be saved again with their new stamps).
 */
export function cachedDrafts(paths: readonly string[], keys: ReadonlyMap<string, string>, stored: ReadonlyMap<string, ArticleDraft>): { drafts: Map<string, ArticleDraft>; restamped: number } {
  const drafts = new Map<string, ArticleDraft>();
  const unstamped: string[] = [];
  for (const p of paths) {
    const draft = stored.get(keys.get(p)!);
    if (draft) drafts.set(p, draft);
    else unstamped.push(p);
  }
  const sameBytes = draftsWithSameBytes(unstamped, stored);
  for (const [p, draft] of sameBytes) drafts.set(p, draft);
  return { drafts, restamped: sameBytes.size };
}

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
