import fc from 'fast-check';
import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import { dateFix, formatLongDate, formatMonth, isCalendarDate, monthName, unambiguousDateIn } from '../../src/article/date.js';

/** Any real calendar date, years 1 to 9999, as `YYYY-MM-DD`. */
const calendarDate = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  .filter(isCalendarDate);

/** date-fns formatting the calendar day at local noon: what the formatters must equal. */
function dateFns(date: string, pattern: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(2000, month - 1, day, 12);
  d.setFullYear(year);
  return format(d, pattern);
}

describe('date formatting', () => {
  it('writes a long date as date-fns "MMMM d, yyyy" does, for every calendar date', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(formatLongDate(date)).toBe(dateFns(date, 'MMMM d, yyyy'));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a month as date-fns "MMMM yyyy" does, from a month or a full date', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(formatMonth(date)).toBe(dateFns(date, 'MMMM yyyy'));
        expect(formatMonth(date.slice(0, 7))).toBe(dateFns(date, 'MMMM yyyy'));
      }),
      { numRuns: 500 },
    );
  });

  it('gives examples a reader expects: no zero before the day, a four-digit year', () => {
    expect(formatLongDate('2024-02-08')).toBe('February 8, 2024');
    expect(formatLongDate('0005-12-31')).toBe('December 31, 0005');
    expect(formatMonth('1999-01')).toBe('January 1999');
    expect(monthName('09')).toBe('September');
  });

  it('accepts only real calendar dates', () => {
    expect(['2024-02-29', '2023-02-28', '0001-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01', '2024-1-1', ' 2024-01-01'].some(isCalendarDate)).toBe(false);
  });
});

describe('dateFix', () => {
  it.each([
    ['2024-1-5', 'write the date as YYYY-MM-DD: 2024-01-05?'],
    ['2024/02/08', 'write the date as YYYY-MM-DD: 2024-02-08?'],
    ['08/02/2024', 'write the date as YYYY-MM-DD: 2024-02-08 or 2024-08-02?'],
    ['25.12.2024', 'write the date as YYYY-MM-DD: 2024-12-25?'],
    ['12/25/2024', 'write the date as YYYY-MM-DD: 2024-12-25?'],
    ['02/02/2024', 'write the date as YYYY-MM-DD: 2024-02-02?'],
    ['February 8, 2024', 'write the date as YYYY-MM-DD: 2024-02-08?'],
    ['Feb. 8 2024', 'write the date as YYYY-MM-DD: 2024-02-08?'],
    ['Sept 30, 2024', 'write the date as YYYY-MM-DD: 2024-09-30?'],
    ['8th February 2024', 'write the date as YYYY-MM-DD: 2024-02-08?'],
    ['February 30, 2024', 'write the date as YYYY-MM-DD'],
    ['Someday 8, 2024', 'write the date as YYYY-MM-DD'],
    ['yesterday', 'write the date as YYYY-MM-DD'],
    ['0000-01-01', 'years start at 0001'],
    ['2024-13-01', 'the month comes before the day: 2024-01-13?'],
    ['2024-31-12', 'the month comes before the day: 2024-12-31?'],
    ['2024-13-32', 'the month is 01 to 12'],
    ['2024-00-10', 'the month is 01 to 12'],
    ['2024-04-00', 'the day is 01 or more'],
    ['2024-04-31', 'April 2024 has 30 days'],
    ['2023-02-29', 'February 2023 has 28 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
  ])('tells how to fix %s: "%s"', (value, fix) => {
    expect(isCalendarDate(value)).toBe(false);
    expect(dateFix(value)).toBe(fix);
  });

  it('never proposes a swapped date that is not itself a real one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
        const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        fc.pre(!isCalendarDate(value));
        const proposed = /: (\d{4}-\d{2}-\d{2})\?$/.exec(dateFix(value))?.[1];
        if (proposed !== undefined) expect(isCalendarDate(proposed)).toBe(true);
      }),
    );
  });
});

describe('unambiguousDateIn', () => {
  it.each([
    ['Updated: 11:05 GMT, 9 February 2024', '2024-02-09'],
    ['Last updated Feb. 10, 2024 at 9:30 a.m. EST', '2024-02-10'],
    ['Updated on September 1st, 2023', '2023-09-01'],
    ['Modified 3 Sept 2021', '2021-09-03'],
    ['Updated: 2024-02-11 08:00', '2024-02-11'],
    ['Updated 10:32 GMT, 8 FEBRUARY 2024', '2024-02-08'],
  ])('reads %j as %s', (text, date) => {
    expect(unambiguousDateIn(text)).toBe(date);
  });

  it.each([['Updated: 08/02/2024'], ['Updated 30 February 2024'], ['Updated: 10:32 GMT'], ['Updated 8 Brumaire 2024'], ['Updated 2024-13-01'], ['Updated 12024-02-08']])('reads no date in %j (none, or more than one day it may be)', (text) => {
    expect(unambiguousDateIn(text)).toBeUndefined();
  });
});

