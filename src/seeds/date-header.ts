/** The raw-text header: optional white space, then `date YYYY-MM-DD`, then the body. */
import { stampedPublication } from '../article/byline.js';
import { dateFix, isCalendarDate } from '../article/date.js';
import { SeedError } from '../errors.js';

/** The header's date (if any) and the body after it, with where the body starts. */
export interface DateHeader {
  readonly date?: string;
  readonly body: string;
  /** 1-based file line on which `body` starts. */
  readonly bodyLine: number;
}

const HEADER = /^(\s*)date([ \t]+)(\S+)[ \t]*\n?/;

/** A date spelled with its month's name: "February 8, 2024", "Feb. 8 2024", "8th February 2024". */
const SPELLED_DATE = /^(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? \p{L}+\.?,? \d{4})(?!\d)/u;

/** Splits the `date` header off a raw-text body; an impossible date is a SeedError at its column. */
export function splitDateHeader(path: string, text: string, firstLine: number): DateHeader {
  const m = HEADER.exec(text);
  if (!m) return { body: text, bodyLine: firstLine };
  const leading = m[1]!;
  const newlines = leading.split('\n').length - 1;
  const line = firstLine + newlines;
  const column = leading.length - (leading.lastIndexOf('\n') + 1) + 'date'.length + m[2]!.length + 1;
  const value = m[3]!;
  if (!isCalendarDate(value)) {
    // "date February 8, 2024": the date is the words, not only the first.
    const spelled = SPELLED_DATE.exec(text.slice(leading.length + 'date'.length + m[2]!.length))?.[0] ?? value;
    throw new SeedError(path, line, `invalid date ${spelled}`, dateFix(spelled), column);
  }
  const rest = text.slice(m[0].length);
  const bodyLine = line + (m[0].endsWith('\n') ? 1 : 0);
  return { date: value, body: rest, bodyLine };
}

/** A line that reads as a date header written another way: "Date: 2024-01-01", "DATE 2024-01-01", "date:2024-1-1". */
const DATE_LIKE = /^[ \t]*date(?:[ \t]*[:=-][ \t]*|[ \t]+)(\d{4}-\d{1,2}-\d{1,2})\b/i;

/** A date header standing on a later line ("date night" is prose, "date 2024-01-01" is not). */
const LATER_HEADER = /^[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}\b/;

/** How many of a body's first lines are looked at for a "Published …" stamp: a byline's and its time stamps. */
const STAMP_LINES = 6;

/**
 * Where and how to fix a raw-text seed that has no date header (`text` starts at file line
 * `firstLine`): a date line written another way, one that comes after other text, or the date a
 * "Published …" stamp of its opening lines gives (never read as the date: the header says it); else undefined.
 */
export function missingDateFix(text: string, firstLine: number): { line: number; hint: string } | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return undefined;
  const like = DATE_LIKE.exec(lines[first]!);
  if (like) {
    const [year, month, day] = like[1]!.split('-');
    return { line: firstLine + first, hint: `write the line as "date ${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}": lower case, a space, no colon` };
  }
  const later = lines.findIndex((l, i) => i > first && LATER_HEADER.test(l));
  if (later !== -1) return { line: firstLine + later, hint: 'move this date line to the start of the file: the date comes before the text' };
  const published = stampedPublication(lines.slice(first, first + STAMP_LINES));
  if (published?.date !== undefined) return { line: firstLine + first + published.index, hint: `start the file with "date ${published.date}", the date this line says it was published` };
  return undefined;
}
