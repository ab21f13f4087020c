/**
 * The drafts pack file of one output folder (`drafts-<id>.json`): every cached draft by key, with a
 * journal beside it (`.json.log`) of what later builds added and dropped, folded in once it is long.
 */
import { appendFile, open, readFile } from 'node:fs/promises';
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
  readonly drafts: Record<string, ArticleDraft>;
}

/** Drafts per write when a pack is written. */
const DRAFTS_PER_WRITE = 2048;

/**
 * Writes a pack as the JSON of a DraftPack, a few thousand drafts at a time: at 100k articles the
 * whole pack as one string would be some 200 MB held at once (news text makes two-byte strings).
 */
export async function writePackFile(file: string, settings: string, drafts: ReadonlyMap<string, ArticleDraft>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(`{"generator":${JSON.stringify(GENERATOR_VERSION)},"settings":${JSON.stringify(settings)},"drafts":{`);
    let chunk = '';
    let count = 0;
    for (const [key, draft] of drafts) {
      chunk += `${count++ === 0 ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(draft)}`;
      if (count % DRAFTS_PER_WRITE === 0) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(`${chunk}}}`);
  } finally {
    await handle.close();
  }
}

/** Appends one line to a pack's journal. A line cut short by a killed build is ignored when read. */
export async function appendJournalLine(packPath: string, line: JournalLine): Promise<void> {
  await appendFile(`${packPath}.log`, `${JSON.stringify(line)}\n`);
}

/** A drafts pack with its journal applied, or undefined when it is missing, unreadable or from another generator version. */
export async function readPack(file: string): Promise<(DraftPack & { journalBytes: number; packBytes: number }) | undefined> {
  let pack: DraftPack;
  let packBytes: number;
  try {
    const bytes = await readFile(file);
    packBytes = bytes.length;
    pack = JSON.parse(bytes.toString('utf8')) as DraftPack;
  } catch {
    return undefined;
  }
  if (pack.generator !== GENERATOR_VERSION) return undefined;
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
    for (const [key, draft] of Object.entries(line.put)) pack.drafts[key] = draft;
    for (const key of line.del) delete pack.drafts[key];
  }
  return { ...pack, journalBytes: journal.length, packBytes };
}
