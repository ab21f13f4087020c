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

const longDates = new Map<string, string>();

/** "February 8, 2024" for `2024-02-08`, whatever the machine's TZ or LANG (memoised: an archive repeats dates). */
export function formatLongDate(date: string): string {
  let text = longDates.get(date);
  if (text === undefined) longDates.set(date, (text = format(noonOf(date), 'MMMM d, yyyy')));
  return text;
}

/** "February 2024" for `2024-02` or a full date. */
export function formatMonth(date: string): string {
  const month = date.slice(0, 7);
  let text = monthNames.get(month);
  if (text === undefined) monthNames.set(month, (text = format(noonOf(`${month}-01`), 'MMMM yyyy')));
  return text;
}

const monthNames = new Map<string, string>();

/** The English month name for `MM` (`02` → February). */
export function monthName(month: string): string {
  return format(noonOf(`2000-${month}-01`), 'MMMM');
}
