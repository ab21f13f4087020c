/** Calendar dates as `YYYY-MM-DD` strings: validated, formatted, never shifted by a time zone. */
import { format } from 'date-fns/format';

/**
 * How to fix a date that is not a real calendar date `YYYY-MM-DD`: the form to write, or what is
 * out of range ("February 2023 has 28 days", a month past 12 with its day and month swapped).
 */
export function dateFix(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'write the date as YYYY-MM-DD';
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
