/**
 * The last build's file records on disk: one column of paths with each file's content hash and
 * signature beside it. Columns of strings parse and print several times faster than two objects
 * keyed by 13k paths each (at 10k articles: ≈ 5 against 20–35 ms to read, ≈ 4 against 10–20 to
 * write), and every build that has work to do reads them. A build that changed a few of them (an
 * edit) writes only those, as a delta on the last whole records (see encodeRecordsDelta).
 */

/** What the last build wrote, file by file (large: read only by a build that has work to do). */
export interface BuildRecords {
  /** sha1 of every output file's bytes, by path relative to the output folder. */
  readonly outputs: ReadonlyMap<string, string>;
  /** Each generated file's signature (what its bytes depend on), so unchanged pages are not rendered again. */
  readonly pages?: ReadonlyMap<string, string>;
}

/** The records as stored, with the id the head names them by; '' in a column means "none". */
interface StoredRecords {
  readonly id: string;
  readonly paths: readonly string[];
  readonly hashes: readonly string[];
  readonly signatures?: readonly string[];
}

/** Column entries per piece of encodeRecords' text. */
const ENTRIES_PER_PIECE = 4096;

/**
 * The records as one JSON text, in pieces to be written one after another: every output's path with
 * its hash, and its signature where it has one. In pieces, a build never holds the whole text (17–26
 * MB at 100k articles; writing 15 MB of records whole raised the peak RSS by 40 MB, in pieces by 12).
 */
export function* encodeRecords(id: string, records: BuildRecords): Generator<string> {
  const paths = [...records.outputs.keys()];
  const hashes = [...records.outputs.values()];
  const { pages } = records;
  // A signature without an output (none is made so today) gets a path of its own, hash ''.
  if (pages) for (const path of pages.keys()) if (!records.outputs.has(path)) (paths.push(path), hashes.push(''));
  const columns: [keyof StoredRecords, readonly string[]][] = [['paths', paths], ['hashes', hashes]];
  if (pages) columns.push(['signatures', columnOf(paths, pages)]);
  yield `{"id":${JSON.stringify(id)}`;
  for (const [name, column] of columns) {
    yield `,"${name}":[`;
    for (let start = 0; start < column.length; start += ENTRIES_PER_PIECE) {
      const piece = JSON.stringify(column.slice(start, start + ENTRIES_PER_PIECE));
      yield `${start === 0 ? '' : ','}${piece.slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}';
}

/** Each of `paths`' value in `map`, '' where it has none: one column of the stored records. */
function columnOf(paths: readonly string[], map: ReadonlyMap<string, string>): string[] {
  return paths.map((path) => map.get(path) ?? '');
}

/** The columns of stored records (or of a delta) in `text`, or undefined when it is no such JSON or its columns do not line up. */
function parseColumns(text: string): (StoredRecords & Record<string, unknown>) | undefined {
  let stored: Partial<StoredRecords>;
  try {
    stored = JSON.parse(text) as Partial<StoredRecords>;
  } catch {
    return undefined;
  }
  const { id, paths, hashes, signatures } = stored;
  if (typeof id !== 'string' || !Array.isArray(paths) || !Array.isArray(hashes) || hashes.length !== paths.length) return undefined;
  if (signatures !== undefined && (!Array.isArray(signatures) || signatures.length !== paths.length)) return undefined;
  return stored as StoredRecords & Record<string, unknown>;
}

/** Puts each stored path's hash and signature into the maps, deleting the path where the column says none (''). */
function putColumns(stored: StoredRecords, outputs: Map<string, string>, pages: Map<string, string> | undefined): void {
  const { paths, hashes, signatures } = stored;
  for (let i = 0; i < paths.length; i++) {
    if (hashes[i] === '') outputs.delete(paths[i]!);
    else outputs.set(paths[i]!, hashes[i]!);
    if (pages && signatures![i] === '') pages.delete(paths[i]!);
    else if (pages) pages.set(paths[i]!, signatures![i]!);
  }
}

/** The records and their id from what encodeRecords wrote; undefined for anything else (an older cache's records, a damaged file). */
export function decodeRecords(text: string): { id: string; records: BuildRecords } | undefined {
  const stored = parseColumns(text);
  if (stored === undefined) return undefined;
  const outputs = new Map<string, string>();
  const pages = stored.signatures && new Map<string, string>();
  putColumns(stored, outputs, pages);
  return { id: stored.id, records: { outputs, ...(pages && { pages }) } };
}

/**
 * The paths whose hash or signature differ between `before` and `after`, added to `into`; false as
 * soon as `into` holds more than `limit` of them, or when only one of the two has signatures (then
 * the records are written whole).
 */
export function addChangedPaths(before: BuildRecords, after: BuildRecords, into: Set<string>, limit: number): boolean {
  if ((before.pages === undefined) !== (after.pages === undefined)) return false;
  const columns: [ReadonlyMap<string, string>, ReadonlyMap<string, string>][] = [[before.outputs, after.outputs]];
  if (before.pages && after.pages) columns.push([before.pages, after.pages]);
  for (const [old, now] of columns) {
    for (const [path, value] of now) if (old.get(path) !== value && into.add(path).size > limit) return false;
    for (const path of old.keys()) if (!now.has(path) && into.add(path).size > limit) return false;
  }
  return true;
}

/** A delta as stored: records' columns for the paths it changes, and `base`, the whole records it applies to. */
interface StoredDelta extends StoredRecords {
  readonly base: string;
}

/**
 * A delta on the whole records `base` as one JSON text: for each of `paths`, its hash and signature in
 * `after` ('' where it has none, both '' where it is gone). Applied to the records of `base` it gives
 * `after` when `paths` holds every path changed since them.
 */
export function encodeRecordsDelta(id: string, base: string, paths: Iterable<string>, after: BuildRecords): string {
  const listed = [...paths];
  const { pages } = after;
  const stored: StoredDelta = { id, base, paths: listed, hashes: columnOf(listed, after.outputs), ...(pages && { signatures: columnOf(listed, pages) }) };
  return JSON.stringify(stored);
}

/**
 * Applies a delta that encodeRecordsDelta wrote to the records it was made on, in place, when its base
 * and id are the expected ones: the paths it lists; undefined (records untouched) for any other delta
 * or a damaged file.
 */
export function applyRecordsDelta(text: string, expected: { readonly base: string; readonly id: string }, records: BuildRecords): string[] | undefined {
  const stored = parseColumns(text);
  if (stored === undefined || stored.id !== expected.id || stored.base !== expected.base) return undefined;
  if ((stored.signatures === undefined) !== (records.pages === undefined)) return undefined;
  putColumns(stored, records.outputs as Map<string, string>, records.pages as Map<string, string> | undefined);
  return [...stored.paths];
}
