/** Calendar dates as `YYYY-MM-DD` strings: validated, formatted, never shifted by a time zone. */
import { format } from 'date-fns/format';

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2024-02-30` is false). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A local-time Date at noon of the given calendar day: formatting it never crosses midnight. */
function noonOf(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(2000, month - 1, day, 12);
  d.setFullYear(year);
  return d;
}

/** The English month names, January first (from date-fns, once). */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => format(noonOf(`2000-${String(i + 1).padStart(2, '0')}-01`), 'MMMM'));

/**
 * "February 8, 2024" for `2024-02-08`, whatever the machine's TZ or LANG: date-fns's `MMMM d, yyyy`
 * put together from the date's own digits (formatting each date with date-fns took ≈ 30 µs, and an
 * archive has thousands of distinct dates; a test holds the two equal for every date).
 */
export function formatLongDate(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}, ${date.slice(0, 4)}`;
}

/** "February 2024" for `2024-02` or a full date. */
export function formatMonth(date: string): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** The English month name for `MM` (`02` → February). */
export function monthName(month: string): string {
  return MONTH_NAMES[Number(month) - 1]!;
}
