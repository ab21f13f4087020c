/** Calendar dates as `YYYY-MM-DD` strings: validated, formatted, never shifted by a time zone. */
import { format } from 'date-fns/format';

/**
 * How to fix a date that is not a real calendar date `YYYY-MM-DD`: the form to write, or what is
 * out of range ("February 2023 has 28 days", a month past 12 with its day and month swapped).
 */
export function dateFix(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) {
    // A date written another way ("2024-2-8", "February 8, 2024", "08/02/2024"): the dates it can be, as they are written here.
    const readings = otherFormReadings(value.trim());
    return readings.length === 0 ? 'write the date as YYYY-MM-DD' : `write the date as YYYY-MM-DD: ${readings.join(' or ')}?`;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return 'years start at 0001';
  if (month < 1 || month > 12) {
    const swapped = `${m[1]}-${m[3]}-${m[2]}`;
    return isCalendarDate(swapped) ? `the month comes before the day: ${swapped}?` : 'the month is 01 to 12';
  }
  if (day < 1) return 'the day is 01 or more';
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${monthName(m[2]!)} ${m[1]} has ${days} days`;
}

/** Month names and their abbreviations ("Feb", "Sept"), lower case, to their number. */
const MONTH_NUMBERS = new Map<string, number>();

/** The number of a month named in English, in full or abbreviated ("February", "Feb", "Sept"), any case. */
function monthNumber(name: string): number | undefined {
  if (MONTH_NUMBERS.size === 0) {
    MONTH_NAMES.forEach((full, i) => MONTH_NUMBERS.set(full.toLowerCase(), i + 1).set(full.slice(0, 3).toLowerCase(), i + 1));
    MONTH_NUMBERS.set('sept', 9);
  }
  return MONTH_NUMBERS.get(name.toLowerCase());
}

/** A date with its month's name, the month first: "February 8, 2024", "Feb. 8th 2024" (name, day, year captured). */
const MONTH_FIRST = String.raw`(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})`;

/** A date with its month's name, the day first: "8 February 2024", "8th Feb., 2024" (day, name, year captured). */
const DAY_FIRST = String.raw`(\d{1,2})(?:st|nd|rd|th)? (\p{L}+)\.?,? (\d{4})`;

/** A value that is one such date and nothing else. */
const WHOLE_MONTH_FIRST = new RegExp(`^${MONTH_FIRST}$`, 'iu');
const WHOLE_DAY_FIRST = new RegExp(`^${DAY_FIRST}$`, 'iu');

/** The calendar date of year, month and day as `YYYY-MM-DD`, or undefined when there is no such day. */
function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * The real dates a date written another way may mean: `2024-2-8`, `2024/02/08`, `February 8, 2024`,
 * `8 Feb 2024`; `08/02/2024` is the 8th of February or the 2nd of August, and both are given.
 */
function otherFormReadings(value: string): string[] {
  const readings = new Set<string>();
  const add = (year: number, month: number, day: number) => {
    const date = calendarDate(year, month, day);
    if (date) readings.add(date);
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (m) add(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (m) {
    add(Number(m[3]), Number(m[2]), Number(m[1]));
    add(Number(m[3]), Number(m[1]), Number(m[2]));
  }
  m = WHOLE_MONTH_FIRST.exec(value) ?? WHOLE_DAY_FIRST.exec(value);
  if (m) {
    const [name, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = monthNumber(name);
    if (month !== undefined) add(Number(m[3]), month, Number(day));
  }
  return [...readings];
}

/** A date in running text that only one calendar day can be: `8 February 2024`, `Feb. 8, 2024`, `2024-02-08` (not `08/02/2024`). */
const DATE_IN_TEXT = new RegExp(String.raw`(?<!\d)(?:${DAY_FIRST}|${MONTH_FIRST}|(\d{4})-(\d{2})-(\d{2}))(?!\d)`, 'u');

/** The first date in `text` written so that it can mean one day only (see DATE_IN_TEXT), as `YYYY-MM-DD`; undefined when none. */
export function unambiguousDateIn(text: string): string | undefined {
  const m = DATE_IN_TEXT.exec(text);
  if (!m) return undefined;
  if (m[7] !== undefined) return calendarDate(Number(m[7]), Number(m[8]), Number(m[9]));
  const [day, name, year] = m[1] !== undefined ? [m[1], m[2]!, m[3]!] : [m[5]!, m[4]!, m[6]!];
  const month = monthNumber(name);
  return month === undefined ? undefined : calendarDate(Number(year), month, Number(day));
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2024-02-30` is false). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** The English month names, January first (from date-fns, once; noon of the 1st never crosses midnight). */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => format(new Date(2000, i, 1, 12), 'MMMM'));

/**
 * "February 8, 2024" for `2024-02-08`, whatever the machine's TZ or LANG: date-fns's `MMMM d, yyyy`
 * put together from the date's own digits (formatting each date with date-fns took ≈ 30 µs, and an
 * archive has thousands of distinct dates; a test holds the two equal for every date).
 */
export function formatLongDate(date: string): string {
  return `${monthName(date.slice(5, 7))} ${Number(date.slice(8, 10))}, ${date.slice(0, 4)}`;
}

/** "February 2024" for `2024-02` or a full date. */
export function formatMonth(date: string): string {
  return `${monthName(date.slice(5, 7))} ${date.slice(0, 4)}`;
}

/** The English month name for `MM` (`02` → February). */
export function monthName(month: string): string {
  return MONTH_NAMES[Number(month) - 1]!;
}
