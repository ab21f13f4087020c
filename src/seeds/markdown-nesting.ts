/**
 * How deeply a Markdown seed nests quotes and lists, checked before remark-parse: a few thousand
 * levels take its parser minutes and overflow the stack of whatever walks the tree after it, while no
 * article needs more than a handful.
 */
import { SeedError } from '../errors.js';

/** Most quotes and lists a line may sit in. */
export const MAX_NESTING = 64;

/** Columns of leading white space taken as one level of list nesting (a `- ` item's content starts 2 in). */
const COLUMNS_PER_LEVEL = 2;

/** The length of a list item's marker at `i` (`-`, `*` or `+`, or 1–9 digits and `.` or `)`, then white space or the line's end), or 0 when there is none. */
function listMarkerLength(text: string, i: number): number {
  let end = i;
  const first = text.charCodeAt(i);
  if (first === 0x2d || first === 0x2a || first === 0x2b) end = i + 1;
  else {
    while (end - i < 9 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
    if (end === i || (text.charCodeAt(end) !== 0x2e && text.charCodeAt(end) !== 0x29)) return 0;
    end++;
  }
  const after = text.charCodeAt(end);
  return after === 0x20 || after === 0x09 || after === 0x0a || Number.isNaN(after) ? end - i : 0;
}

/**
 * The nesting a line opens at `start`, estimated: each `>` and list marker at its start is a level,
 * and so is every COLUMNS_PER_LEVEL columns of white space among them beyond the one space a marker
 * takes after it (lists nest by indentation). A line with no marker opens none, however indented
 * (code, continued paragraphs).
 */
function nestingAt(text: string, start: number): number {
  let i = start;
  let markers = 0;
  let columns = 0;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      columns++;
      i++;
    } else if (code === 0x09) {
      columns += 4 - (columns % 4);
      i++;
    } else if (code === 0x3e) {
      markers++;
      i++;
    } else {
      const marker = listMarkerLength(text, i);
      if (marker === 0) break;
      markers++;
      i += marker;
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(Math.max(0, columns - markers) / COLUMNS_PER_LEVEL);
}

/**
 * A SeedError for the first line of `body` nested deeper than MAX_NESTING levels, or undefined.
 * `firstLine` is the seed line `body` starts on.
 */
export function nestingProblem(path: string, body: string, firstLine: number): SeedError | undefined {
  let line = firstLine;
  for (let start = 0; start < body.length; line++) {
    const depth = nestingAt(body, start);
    if (depth > MAX_NESTING) {
      return new SeedError(path, line, `quotes or lists nested ${depth} levels deep (the limit is ${MAX_NESTING})`, 'nest fewer quotes and lists inside each other');
    }
    const end = body.indexOf('\n', start);
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}
