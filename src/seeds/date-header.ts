/** The raw-text header: optional white space, then `date YYYY-MM-DD`, then the body. */
import { isCalendarDate } from '../article/date.js';
import { SeedError } from '../errors.js';

/** The header's date (if any) and the body after it, with where the body starts. */
export interface DateHeader {
  readonly date?: string;
  readonly body: string;
  /** 1-based file line on which `body` starts. */
  readonly bodyLine: number;
}

const HEADER = /^(\s*)date([ \t]+)(\S+)[ \t]*\n?/;

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
    const hint = /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'write the date as YYYY-MM-DD';
    throw new SeedError(path, line, `invalid date ${value}`, hint, column);
  }
  const rest = text.slice(m[0].length);
  const bodyLine = line + (m[0].endsWith('\n') ? 1 : 0);
  return { date: value, body: rest, bodyLine };
}
