/**
 * The last build's site model and which files show which article, kept in the cache so that an edit
 * which keeps the site's shape neither rebuilds the model nor plans every page again.
 */
import { deserialize, serialize } from 'node:v8';
import type { ArticleDraft } from '../article/draft.js';
import type { Dependents } from '../render/dependents.js';
import type { Site } from '../site/site.js';
import { GENERATOR_VERSION } from './fingerprint.js';

/** One seed as the snapshot's build saw it. */
export interface SnapshotSeed {
  /** Its draft key in the pack (size, mtime and path). */
  readonly key: string;
  /** Its draft's shape (see shapeOf). */
  readonly shape: string;
}

/** A built site, as the next build can take it up. */
export interface SiteSnapshot {
  readonly generator: string;
  /** Equal to the build state's `snapshot`: both describe the same build. */
  readonly id: string;
  /** Generator, config and templates (the render key of that build). */
  readonly renderKey: string;
  /** The parse settings its drafts were made with. */
  readonly settings: string;
  /** Every seed of that build, by path. */
  readonly seeds: Readonly<Record<string, SnapshotSeed>>;
  /** The model without its config (the render key pins the config). */
  readonly site: Omit<Site, 'config'>;
  readonly dependents: Dependents;
}

/**
 * The edits taken up since a snapshot was saved, kept beside it: a small file rewritten by each edit
 * instead of the whole snapshot.
 */
export interface SnapshotEdits {
  readonly generator: string;
  /** Equal to the build state's `snapshot` (the snapshot plus these edits describe that build). */
  readonly id: string;
  /** The id of the snapshot they apply to. */
  readonly base: string;
  /** The seeds edited since the snapshot, by path. */
  readonly seeds: Readonly<Record<string, SnapshotSeed>>;
  /** Their drafts now, by seed path. */
  readonly drafts: Readonly<Record<string, ArticleDraft>>;
}

/** A snapshot or its edits as bytes (V8 serialisation keeps shared records shared: one Article object in every list). */
export function encodeSnapshot(snapshot: Omit<SiteSnapshot, 'generator'> | Omit<SnapshotEdits, 'generator'>): Buffer {
  return serialize({ ...snapshot, generator: GENERATOR_VERSION });
}

/** The snapshot (or edits) in `bytes`, or undefined when they are not what this generator wrote. */
export function decodeSnapshot<T extends SiteSnapshot | SnapshotEdits>(bytes: Buffer): T | undefined {
  try {
    const snapshot = deserialize(bytes) as T;
    return snapshot?.generator === GENERATOR_VERSION ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
