/**
 * Which seeds an in-process parse hands to a watched worker instead: Markdown big enough, or dense enough
 * in inline markers or lines, that micromark could take seconds on it. Ordinary articles (a few KB, a few
 * dozen markers and lines) stay in-process, so an edit or a small build never waits for a thread to start.
 */
import { readFileSync, statSync } from 'node:fs';

/** Markdown seeds above this size go to a worker (a 64 KiB list of one-word items takes about 1 s). */
const MAX_IN_PROCESS_BYTES = 64 * 1024;

/** Markdown seeds with more inline markers than this go to a worker (1,000 `*` around a word take about 30 ms; 16,000 take seconds). */
const MAX_IN_PROCESS_MARKERS = 1_000;

/**
 * Markdown seeds with more lines than this go to a worker: micromark's block parsing is quadratic in the
 * lines of some constructs (4,000 one-word setext headings, 16 KB, take 2.8 s; 1,000 take about 0.2 s).
 */
const MAX_IN_PROCESS_LINES = 1_000;

/**
 * The bytes micromark's inline parsing can match against each other (* _ [ ] ` < !), and those of its
 * GitHub extensions: a table's | (rows of pipes are quadratic: 40,000 take 6 s) and strikethrough's ~.
 */
const MARKERS = new Uint8Array(256);
for (const c of '*_[]`<!|~') MARKERS[c.charCodeAt(0)] = 1;

/** The line feed byte. */
const LF = 10;

/** True when this seed is Markdown that could be slow enough to need the time limit. */
export function mayBeSlowMarkdown(path: string): boolean {
  if (!path.toLowerCase().endsWith('.md')) return false;
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_IN_PROCESS_BYTES) return true;
    bytes = readFileSync(path);
  } catch {
    return false; // the parse reports it
  }
  let markers = 0;
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    markers += MARKERS[byte]!;
    if (byte === LF) lines++;
  }
  return markers > MAX_IN_PROCESS_MARKERS || lines > MAX_IN_PROCESS_LINES;
}
