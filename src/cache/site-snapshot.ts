/**
 * The last build's site model and which files show which article, kept in the cache so that an edit
 * which keeps the site's shape neither rebuilds the model nor plans every page again.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { Article, Tag } from '../article/article.js';
import type { ArticleDraft } from '../article/draft.js';
import type { Dependents } from '../render/dependents.js';
import type { WireError } from '../seeds/parse-task.js';
import type { Site } from '../site/site.js';
import { GENERATOR_VERSION } from './fingerprint.js';

/** What a seed's parse reported besides its draft: shown again by every build while it is unchanged. */
export interface SeedProblems {
  readonly warnings?: readonly WireError[];
  /** Why it was skipped (`--skip-invalid`). */
  readonly errors?: readonly WireError[];
}

/** One seed as a build saw it. */
export interface SnapshotSeed extends SeedProblems {
  /** Its draft key in the pack (size, mtime and path). */
  readonly key: string;
  /** Its draft's shape (see shapeOf); empty for a seed that was skipped as invalid. */
  readonly shape: string;
}

/**
 * Every seed of a build in the order the seeds were listed (by path), as aligned columns: at 100k
 * seeds three arrays of strings load in a few ms where 100k small objects took 140 ms.
 */
export interface SeedTable {
  readonly paths: readonly string[];
  readonly keys: readonly string[];
  readonly shapes: readonly string[];
  /** The few seeds with warnings or errors, by path. */
  readonly problems: Readonly<Record<string, SeedProblems>>;
}

/** Seed `i` of a table, or its edited version from `edited` (by path). */
export function seedAt(table: SeedTable, i: number, edited?: Readonly<Record<string, SnapshotSeed>>): SnapshotSeed {
  const path = table.paths[i]!;
  return edited?.[path] ?? { key: table.keys[i]!, shape: table.shapes[i]!, ...table.problems[path] };
}

/** A table with some of its seeds replaced by their edited versions (by path). */
export function withEditedSeeds(table: SeedTable, edited: Readonly<Record<string, SnapshotSeed>>): SeedTable {
  const seeds = table.paths.map((_, i) => seedAt(table, i, edited));
  const problems: Record<string, SeedProblems> = {};
  seeds.forEach(({ warnings, errors }, i) => {
    if (warnings || errors) problems[table.paths[i]!] = { ...(warnings && { warnings }), ...(errors && { errors }) };
  });
  return { paths: table.paths, keys: seeds.map((s) => s.key), shapes: seeds.map((s) => s.shape), problems };
}

/** A built site, as the next build can take it up. */
export interface SiteSnapshot {
  /** Equal to the build state's `snapshot`: both describe the same build. */
  readonly id: string;
  /** Generator, config and templates (the render key of that build). */
  readonly renderKey: string;
  /** The parse settings its drafts were made with. */
  readonly settings: string;
  /** Every seed of that build. */
  readonly seeds: SeedTable;
  /** The model without its config (the render key pins the config). */
  readonly site: Omit<Site, 'config'>;
  readonly dependents: Dependents;
}

/**
 * The edits taken up since a snapshot was saved, kept beside it: a small file rewritten by each edit
 * instead of the whole snapshot.
 */
export interface SnapshotEdits {
  /** Equal to the build state's `snapshot` (the snapshot plus these edits describe that build). */
  readonly id: string;
  /** The id of the snapshot they apply to. */
  readonly base: string;
  /** The seeds edited since the snapshot, by path. */
  readonly seeds: Readonly<Record<string, SnapshotSeed>>;
  /** Their drafts now, by seed path. */
  readonly drafts: Readonly<Record<string, ArticleDraft>>;
}

/** Articles per part of a snapshot file: one part at a time is in memory while the file is written. */
const ARTICLES_PER_PART = 4096;

/**
 * The first part of a snapshot file: everything but the articles, lists naming articles by position,
 * seed columns as NUL-separated strings, related lists flat (article `i`'s are
 * `relatedIndexes[relatedStarts[i]]` up to `relatedIndexes[relatedStarts[i + 1]]`).
 */
interface SnapshotHeader extends Omit<SiteSnapshot, 'site' | 'seeds'> {
  readonly generator: string;
  readonly seedCount: number;
  readonly seedColumns: { readonly paths: string; readonly keys: string; readonly shapes: string };
  readonly seedProblems: Readonly<Record<string, SeedProblems>>;
  readonly articleCount: number;
  readonly tags: readonly { readonly name: string; readonly slug: string; readonly articles: Int32Array }[];
  readonly years: readonly { readonly year: string; readonly count: number; readonly months: readonly { readonly year: string; readonly month: string; readonly articles: Int32Array }[] }[];
  readonly relatedStarts: Int32Array;
  readonly relatedIndexes: Int32Array;
}

/** An article as stored: its tags by position in the header's tag list. */
type StoredArticle = Omit<Article, 'tags'> & { tags: Int32Array | readonly Tag[] };

/**
 * Writes a snapshot as length-prefixed V8-serialised parts (a header, then the articles a few thousand
 * at a time) to a temporary file renamed into place: at 100k articles the whole model serialised at
 * once would add its full size to the build's peak memory.
 */
export async function writeSnapshot(file: string, snapshot: SiteSnapshot): Promise<void> {
  const { site } = snapshot;
  const position = new Map<Article, number>(site.articles.map((a, i) => [a, i]));
  const positions = (articles: readonly Article[]) => Int32Array.from(articles, (a) => position.get(a)!);
  const tagPosition = new Map(site.tags.map((t, i) => [t.slug, i]));
  const relatedStarts = new Int32Array(site.related.length + 1);
  site.related.forEach((list, i) => (relatedStarts[i + 1] = relatedStarts[i]! + list.length));
  const relatedIndexes = positions(site.related.flat());
  const { seeds } = snapshot;
  const header: SnapshotHeader = {
    generator: GENERATOR_VERSION,
    id: snapshot.id,
    renderKey: snapshot.renderKey,
    settings: snapshot.settings,
    seedCount: seeds.paths.length,
    seedColumns: { paths: seeds.paths.join('\0'), keys: seeds.keys.join('\0'), shapes: seeds.shapes.join('\0') },
    seedProblems: seeds.problems,
    dependents: snapshot.dependents,
    articleCount: site.articles.length,
    tags: site.tags.map((t) => ({ name: t.name, slug: t.slug, articles: positions(t.articles) })),
    years: site.years.map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => ({ year: m.year, month: m.month, articles: positions(m.articles) })) })),
    relatedStarts,
    relatedIndexes,
  };
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const writePart = async (value: unknown) => {
      const bytes = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      await handle.write(length);
      await handle.write(bytes);
    };
    await writePart(header);
    for (let start = 0; start < site.articles.length; start += ARTICLES_PER_PART) {
      const part: StoredArticle[] = site.articles.slice(start, start + ARTICLES_PER_PART).map((a) => ({ ...a, tags: Int32Array.from(a.tags, (t) => tagPosition.get(t.slug)!) }));
      await writePart(part);
    }
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** The snapshot in `file`, or undefined when it is missing, damaged or not one this generator wrote. */
export async function readSnapshot(file: string): Promise<SiteSnapshot | undefined> {
  try {
    const bytes = await readFile(file);
    let at = 0;
    const readPart = () => {
      const length = bytes.readUInt32LE(at);
      if (at + 4 + length > bytes.length) throw new Error('snapshot cut short');
      const value = deserialize(bytes.subarray(at + 4, at + 4 + length));
      at += 4 + length;
      return value;
    };
    const header = readPart() as SnapshotHeader;
    if (header?.generator !== GENERATOR_VERSION) return undefined;
    const tags: Tag[] = header.tags.map((t) => ({ name: t.name, slug: t.slug }));
    const articles: Article[] = [];
    while (articles.length < header.articleCount) {
      // Freshly deserialised records are this function's own: their tag positions become tags in place.
      for (const stored of readPart() as StoredArticle[]) {
        stored.tags = Array.from(stored.tags as Int32Array, (i) => tags[i]!);
        articles.push(stored as Article);
      }
    }
    if (at !== bytes.length || articles.length !== header.articleCount) return undefined;
    const named = (positions: Int32Array) => Array.from(positions, (i) => articles[i]!);
    const column = (text: string) => (header.seedCount === 0 ? [] : text.split('\0'));
    const { relatedStarts, relatedIndexes } = header;
    return {
      id: header.id,
      renderKey: header.renderKey,
      settings: header.settings,
      seeds: { paths: column(header.seedColumns.paths), keys: column(header.seedColumns.keys), shapes: column(header.seedColumns.shapes), problems: header.seedProblems },
      dependents: header.dependents,
      site: {
        articles,
        tags: header.tags.map((t) => ({ name: t.name, slug: t.slug, articles: named(t.articles) })),
        years: header.years.map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => ({ year: m.year, month: m.month, articles: named(m.articles) })) })),
        related: articles.map((_, i) => named(relatedIndexes.subarray(relatedStarts[i], relatedStarts[i + 1]))),
      },
    };
  } catch {
    return undefined;
  }
}

/** Edits as bytes (one V8-serialised value). */
export function encodeEdits(edits: SnapshotEdits): Buffer {
  return serialize({ ...edits, generator: GENERATOR_VERSION });
}

/** The edits in `bytes`, or undefined when they are not what this generator wrote. */
export function decodeEdits(bytes: Buffer): SnapshotEdits | undefined {
  try {
    const edits = deserialize(bytes) as SnapshotEdits & { generator?: string };
    return edits?.generator === GENERATOR_VERSION ? edits : undefined;
  } catch {
    return undefined;
  }
}
