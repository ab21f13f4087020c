/**
 * The last build's site model and which files show which article, kept in the cache so that an edit
 * which keeps the site's shape neither rebuilds the model nor plans every page again.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import type { Article, Tag } from '../article/article.js';
import type { ArticleDraft } from '../article/draft.js';
import type { Dependents } from '../render/dependents.js';
import { UsageError } from '../errors.js';
import type { Site } from '../site/site.js';
import { articleIdentity, cardIdentity } from '../render/identity.js';
import { fullRecord, lazyArticles, storedIdentities } from './lazy-articles.js';
import { GENERATOR_VERSION } from './fingerprint.js';
import type { SeedProblems, SeedTable, SnapshotSeed } from './seed-table.js';

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

/** Articles per part of a snapshot file: parts are written one at a time and read only when one of their records is. */
const ARTICLES_PER_PART = 64;

/**
 * The header's large values, each written as a V8 value of its own between the article parts and the
 * header (at 100k articles they are ≈ 60 MB: serialised in one piece, they and the serialiser's
 * growing buffer raised the build's peak by ≈ 130 MB). Each article's date, slug, source path and
 * identities are NUL-separated strings; related lists are flat (article `i`'s are
 * `relatedIndexes[relatedStarts[i]]` up to `relatedIndexes[relatedStarts[i + 1]]`); lists name
 * articles by position.
 */
interface HeaderPieces {
  readonly dates: string;
  readonly slugs: string;
  readonly sourcePaths: string;
  readonly identities: { readonly identity: string; readonly card: string };
  readonly seedPaths: string;
  readonly seedKeys: string;
  readonly seedShapes: string;
  readonly seedCopies: string;
  readonly dependentFileNames: string;
  readonly dependentIndexes: Omit<Dependents, 'fileNames'>;
  readonly tags: readonly { readonly name: string; readonly slug: string; readonly articles: Int32Array }[];
  readonly years: readonly { readonly year: string; readonly count: number; readonly months: readonly { readonly year: string; readonly month: string; readonly articles: Int32Array }[] }[];
  readonly relatedStarts: Int32Array;
  readonly relatedIndexes: Int32Array;
}

/** The order the header's pieces are written in. */
const PIECES = ['dates', 'slugs', 'sourcePaths', 'identities', 'seedPaths', 'seedKeys', 'seedShapes', 'seedCopies', 'dependentFileNames', 'dependentIndexes', 'tags', 'years', 'relatedStarts', 'relatedIndexes'] as const satisfies readonly (keyof HeaderPieces)[];

/**
 * The header of a snapshot file (last, before its own 4-byte length): the small values, where each
 * article part ends and where each of the header's pieces (see HeaderPieces, in PIECES order) ends.
 */
interface SnapshotHeader extends Omit<SiteSnapshot, 'site' | 'seeds' | 'dependents'> {
  readonly generator: string;
  readonly partEnds: Float64Array;
  readonly pieceEnds: Float64Array;
  readonly seedCount: number;
  readonly seedProblems: Readonly<Record<string, SeedProblems>>;
  readonly articleCount: number;
}

/** An article as stored: its tags by position in the header's tag list. */
type StoredArticle = Omit<Article, 'tags'> & { tags: Int32Array | readonly Tag[] };

/**
 * Writes a snapshot as V8-serialised parts — the articles 64 at a time, the header's pieces one by
 * one, then the header — to a temporary file renamed into place: at 100k articles the whole model
 * serialised at once would add its full size to the build's peak memory, and a reader needs only the
 * parts it asks for.
 */
export async function writeSnapshot(file: string, snapshot: SiteSnapshot): Promise<void> {
  const { site } = snapshot;
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  const partEnds: number[] = [];
  const pieceEnds: number[] = [];
  let end = 0;
  const write = async (bytes: Buffer) => {
    await handle.write(bytes);
    end += bytes.length;
  };
  try {
    const tagPosition = new Map(site.tags.map((t, i) => [t.slug, i]));
    for (let start = 0; start < site.articles.length; start += ARTICLES_PER_PART) {
      const part: StoredArticle[] = site.articles.slice(start, start + ARTICLES_PER_PART).map((a) => ({ ...fullRecord(a), tags: Int32Array.from(a.tags, (t) => tagPosition.get(t.slug)!) }));
      await write(serialize(part));
      partEnds.push(end);
    }
    const pieces = headerPieces(snapshot);
    for (const name of PIECES) {
      await write(serialize(pieces[name]()));
      pieceEnds.push(end);
    }
    const header: SnapshotHeader = {
      generator: GENERATOR_VERSION,
      partEnds: Float64Array.from(partEnds),
      pieceEnds: Float64Array.from(pieceEnds),
      id: snapshot.id,
      renderKey: snapshot.renderKey,
      settings: snapshot.settings,
      seedCount: snapshot.seeds.paths.length,
      seedProblems: snapshot.seeds.problems,
      articleCount: site.articles.length,
    };
    const bytes = serialize(header);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    await write(bytes);
    await write(length);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** How to make each of the header's pieces of a snapshot: made one at a time, as it is written. */
function headerPieces(snapshot: SiteSnapshot): { readonly [K in keyof HeaderPieces]: () => HeaderPieces[K] } {
  const { site, seeds, dependents } = snapshot;
  const position = new Map<Article, number>(site.articles.map((a, i) => [a, i]));
  const positions = (articles: readonly Article[]) => Int32Array.from(articles, (a) => position.get(a)!);
  const { fileNames, ...dependentIndexes } = dependents;
  return {
    dates: () => site.articles.map((a) => a.date).join('\0'),
    slugs: () => site.articles.map((a) => a.slug).join('\0'),
    sourcePaths: () => site.articles.map((a) => a.sourcePath).join('\0'),
    identities: () => {
      // An edit's pages compare the identities of every article they show: stored, no record is loaded for that.
      const ids = site.articles.map((a) => storedIdentities(a) ?? { identity: articleIdentity(a), card: cardIdentity(a) });
      return { identity: ids.map(({ identity }) => identity).join('\0'), card: ids.map(({ card }) => card).join('\0') };
    },
    seedPaths: () => seeds.paths.join('\0'),
    seedKeys: () => seeds.keys.join('\0'),
    seedShapes: () => seeds.shapes.join('\0'),
    seedCopies: () => seeds.copies.join('\0'),
    dependentFileNames: () => fileNames,
    dependentIndexes: () => dependentIndexes,
    tags: () => site.tags.map((t) => ({ name: t.name, slug: t.slug, articles: positions(t.articles) })),
    years: () => site.years.map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => ({ year: m.year, month: m.month, articles: positions(m.articles) })) })),
    relatedStarts: () => {
      const starts = new Int32Array(site.related.length + 1);
      site.related.forEach((list, i) => (starts[i + 1] = starts[i]! + list.length));
      return starts;
    },
    relatedIndexes: () => positions(site.related.flat()),
  };
}

/**
 * The records at `positions`, in order. A plain loop: `Array.from(positions, mapFn)` over a typed
 * array is ≈ 10× slower, and an edit takes up ≈ 10k related lists, 400 tags' and every month's lists.
 */
function recordsAt<T>(records: readonly T[], positions: Int32Array): T[] {
  const out = new Array<T>(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = records[positions[k]!]!;
  return out;
}

/**
 * The snapshot in `file`, or undefined when it is missing, cut short or not one this generator wrote.
 * Its articles are lazy records (see lazyArticles): a part is deserialised when one of its records is
 * first read beyond its date, slug and source path. With `keep` the file is read whole (a dev server
 * keeps the snapshot while later builds replace the file); else it stays open and is read as needed.
 */
export async function readSnapshot(file: string, keep = false): Promise<SiteSnapshot | undefined> {
  let close: (() => void) | undefined;
  try {
    const opened = keep ? await wholeFile(file) : await openFile(file);
    const { range, size } = opened;
    close = opened.close;
    const headerLength = range(size - 4, size).readUInt32LE(0);
    const headerStart = size - 4 - headerLength;
    const header = deserialize(range(headerStart, size - 4)) as SnapshotHeader;
    if (header?.generator !== GENERATOR_VERSION || !(header.pieceEnds instanceof Float64Array) || header.pieceEnds.length !== PIECES.length) return undefined;
    if (header.pieceEnds.at(-1) !== headerStart || header.partEnds.length !== Math.ceil(header.articleCount / ARTICLES_PER_PART)) return undefined;
    const piecesStart = header.partEnds.at(-1) ?? 0;
    const piece = <K extends keyof HeaderPieces>(name: K): HeaderPieces[K] => {
      const i = PIECES.indexOf(name);
      return deserialize(range(i === 0 ? piecesStart : header.pieceEnds[i - 1]!, header.pieceEnds[i]!)) as HeaderPieces[K];
    };
    const storedTags = piece('tags');
    const tags: Tag[] = storedTags.map((t) => ({ name: t.name, slug: t.slug }));
    const column = (text: string, count: number) => (count === 0 ? [] : text.split('\0'));
    const [dates, slugs, sourcePaths] = (['dates', 'slugs', 'sourcePaths'] as const).map((name) => column(piece(name), header.articleCount));
    const stored = piece('identities');
    const [identities, cards] = [column(stored.identity, header.articleCount), column(stored.card, header.articleCount)];
    const full: Article[] = [];
    const load = (i: number): Article => {
      if (full[i] === undefined) {
        const p = Math.floor(i / ARTICLES_PER_PART);
        let part: StoredArticle[];
        try {
          part = deserialize(range(p === 0 ? 0 : header.partEnds[p - 1]!, header.partEnds[p]!)) as StoredArticle[];
        } catch {
          throw new UsageError(`${file}: the site snapshot is damaged (hint: delete it, or build with --no-cache)`);
        }
        part.forEach((stored, k) => {
          // Freshly deserialised records are this function's own: their tag positions become tags in place.
          stored.tags = recordsAt(tags, stored.tags as Int32Array);
          full[p * ARTICLES_PER_PART + k] = stored as Article;
        });
      }
      return full[i]!;
    };
    const articles = lazyArticles(
      header.articleCount,
      (i) => ({ date: dates![i]!, slug: slugs![i]!, sourcePath: sourcePaths![i]! }),
      load,
      (i) => ({ identity: identities![i]!, card: cards![i]! }),
    );
    const named = (positions: Int32Array) => recordsAt(articles, positions);
    const [relatedStarts, relatedIndexes] = [piece('relatedStarts'), piece('relatedIndexes')];
    const snapshot: SiteSnapshot = {
      id: header.id,
      renderKey: header.renderKey,
      settings: header.settings,
      seeds: { paths: column(piece('seedPaths'), header.seedCount), keys: column(piece('seedKeys'), header.seedCount), shapes: column(piece('seedShapes'), header.seedCount), copies: column(piece('seedCopies'), header.seedCount), problems: header.seedProblems },
      dependents: { fileNames: piece('dependentFileNames'), ...piece('dependentIndexes') },
      site: {
        articles,
        tags: storedTags.map((t) => ({ name: t.name, slug: t.slug, articles: named(t.articles) })),
        years: piece('years').map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => ({ year: m.year, month: m.month, articles: named(m.articles) })) })),
        related: articles.map((_, i) => named(relatedIndexes.subarray(relatedStarts[i], relatedStarts[i + 1]))),
      },
    };
    // Every lazy record reaches the file through `load`; records outlive the snapshot object (a build
    // keeps its site), so the file is closed when `load` is collected, never while a record can read it.
    if (close) openSnapshots.register(load, close);
    return snapshot;
  } catch {
    close?.();
    return undefined;
  }
}

/** Byte ranges of a snapshot file, and how to let it go (nothing to do when it was read whole). */
interface SnapshotFile {
  readonly size: number;
  range(start: number, end: number): Buffer;
  readonly close?: () => void;
}

/** The whole file in memory: for a snapshot kept across builds, while later builds replace the file. */
async function wholeFile(file: string): Promise<SnapshotFile> {
  const bytes = await readFile(file);
  return { size: bytes.length, range: (start, end) => bytes.subarray(start, end) };
}

/**
 * The file kept open and read a range at a time: a build needs the header (a third of the file) and
 * the parts of the few articles its pages show. Reads go through the open descriptor, so a snapshot
 * written over this one by the end of the build is never mixed in.
 */
async function openFile(file: string): Promise<SnapshotFile> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const range = (start: number, end: number) => {
      if (start < 0 || end > size || start > end) throw new Error('outside the file');
      const bytes = Buffer.allocUnsafe(end - start);
      for (let read = 0; read < bytes.length; ) {
        const n = readSync(fd, bytes, read, bytes.length - read, start + read);
        if (n === 0) throw new Error('file shorter than it was');
        read += n;
      }
      return bytes;
    };
    return { size, range, close: () => closeSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Closes the file of a snapshot read a range at a time once none of its records can read from it any more. */
const openSnapshots = new FinalizationRegistry<() => void>((close) => close());

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
