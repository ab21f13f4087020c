/**
 * The drafts pack file of one output folder (`drafts-<id>.json`): every cached draft by key, with a
 * journal beside it (`.json.log`) of what later builds added and dropped, folded in once it is long.
 */
import { appendFile, open, readFile, stat } from 'node:fs/promises';
import type { ArticleDraft } from '../article/draft.js';
import { GENERATOR_VERSION } from './fingerprint.js';

/** A journal shorter than this is never folded into its pack. */
const MIN_FOLD_BYTES = 256 * 1024;

/**
 * True when a pack's journal is due to be folded into the pack (the pack rewritten whole, the journal
 * dropped): once it holds a quarter of the pack's bytes. Folding costs a pack read and write (3.5 s at
 * 10k articles), so it comes once per some thousand one-draft edits at any archive size, and a full
 * build reads at most a quarter more than the pack.
 */
export function journalIsDue(journalBytes: number, packBytes: number): boolean {
  return journalBytes >= Math.max(MIN_FOLD_BYTES, packBytes / 4);
}

/** One line of a pack's journal (`drafts-<id>.json.log`): what one build added and dropped. */
export interface JournalLine {
  readonly settings: string;
  readonly put: Record<string, ArticleDraft>;
  readonly del: readonly string[];
}

/** The drafts pack: every cached draft of one output folder's last build, by key. */
export interface DraftPack {
  readonly generator: string;
  /** The parse settings the drafts were made with. */
  readonly settings: string;
  readonly drafts: Map<string, ArticleDraft>;
}

/** Drafts per write when a pack is written. */
const DRAFTS_PER_WRITE = 2048;

/**
 * Writes a pack as lines of JSON: `{"generator":…,"settings":…}`, then `[key,draft]` per draft, a few
 * thousand drafts per write. At 100k articles the pack is ≈ 95 MB: written or read as one JSON text it
 * was some 190 MB of string held at once (news text makes two-byte strings) beside its bytes.
 */
export async function writePackFile(file: string, settings: string, drafts: ReadonlyMap<string, ArticleDraft>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(`${JSON.stringify({ generator: GENERATOR_VERSION, settings })}\n`);
    let chunk = '';
    let count = 0;
    for (const entry of drafts) {
      chunk += `${JSON.stringify(entry)}\n`;
      if (++count % DRAFTS_PER_WRITE === 0) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

/** Bytes read from a pack at a time. */
const READ_BYTES = 1 << 20;

/** A line longer than this is no pack's (a pack of the earlier single-text format is one line). */
const MAX_LINE_BYTES = 16 << 20;

/**
 * The lines of a file, read a megabyte at a time; undefined for a line that is too long or cut short
 * (the file's last line has no newline). A newline byte is never inside a multi-byte UTF-8 character.
 */
async function* linesOf(file: string): AsyncGenerator<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    let rest = Buffer.alloc(0);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      const data = rest.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([rest, chunk.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
        yield data.toString('utf8', start, end);
        start = end + 1;
      }
      // Copied: `chunk` is read into again.
      rest = Buffer.from(data.subarray(start));
      if (rest.length > MAX_LINE_BYTES) {
        yield undefined;
        return;
      }
    }
    if (rest.length > 0) yield undefined;
  } finally {
    await handle.close();
  }
}

/** The drafts of a pack file (without its journal), or undefined when it is missing, damaged or from another generator version. */
async function readPackFile(file: string): Promise<DraftPack | undefined> {
  try {
    const drafts = new Map<string, ArticleDraft>();
    type Head = { generator?: unknown; settings?: unknown };
    let head: Head | undefined;
    for await (const line of linesOf(file)) {
      if (line === undefined) return undefined;
      if (head === undefined) {
        head = JSON.parse(line) as Head;
        if (head?.generator !== GENERATOR_VERSION || typeof head.settings !== 'string') return undefined;
        continue;
      }
      const [key, draft] = JSON.parse(line) as [string, ArticleDraft];
      drafts.set(key, draft);
    }
    return head === undefined ? undefined : { generator: GENERATOR_VERSION, settings: head.settings as string, drafts };
  } catch {
    return undefined;
  }
}

/** Appends one line to a pack's journal. A line cut short by a killed build is ignored when read. */
export async function appendJournalLine(packPath: string, line: JournalLine): Promise<void> {
  await appendFile(`${packPath}.log`, `${JSON.stringify(line)}\n`);
}

/** A drafts pack with its journal applied, or undefined when it is missing, unreadable or from another generator version. */
export async function readPack(file: string): Promise<(DraftPack & { journalBytes: number; packBytes: number }) | undefined> {
  const pack = await readPackFile(file);
  if (pack === undefined) return undefined;
  const packBytes = await stat(file).then((s) => s.size, () => 0);
  const journal = await readFile(`${file}.log`).catch(() => Buffer.alloc(0));
  for (const text of journal.toString('utf8').split('\n')) {
    if (text === '') continue;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      // Lines appended after one cut short are never read: the next save folds the journal away.
      return { ...pack, journalBytes: Infinity, packBytes };
    }
    if (line.settings !== pack.settings) return { ...pack, journalBytes: Infinity, packBytes };
    for (const [key, draft] of Object.entries(line.put)) pack.drafts.set(key, draft);
    for (const key of line.del) pack.drafts.delete(key);
  }
  return { ...pack, journalBytes: journal.length, packBytes };
}
