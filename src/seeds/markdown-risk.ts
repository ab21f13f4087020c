/**
 * Which seeds an in-process parse hands to a watched worker instead: Markdown big enough, or dense enough
 * in inline markers, that micromark could take seconds on it. Ordinary articles (a few KB, a few dozen
 * markers) stay in-process, so an edit or a small build never waits for a thread to start.
 */
import { readFileSync, statSync } from 'node:fs';

/** Markdown seeds above this size go to a worker (a 64 KiB list of one-word items takes about 1 s). */
const MAX_IN_PROCESS_BYTES = 64 * 1024;

/** Markdown seeds with more inline markers than this go to a worker (1,000 `*` around a word take about 30 ms; 16,000 take seconds). */
const MAX_IN_PROCESS_MARKERS = 1_000;

/** The bytes micromark's inline parsing can match against each other: * _ [ ] ` < ! */
const MARKERS = new Uint8Array(256);
for (const c of '*_[]`<!') MARKERS[c.charCodeAt(0)] = 1;

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
  for (let i = 0; i < bytes.length; i++) markers += MARKERS[bytes[i]!]!;
  return markers > MAX_IN_PROCESS_MARKERS;
}
