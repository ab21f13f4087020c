import { describe, expect, it } from 'vitest';
import { missingDateFix, splitDateHeader } from '../../src/seeds/date-header.js';
import { SeedError } from '../../src/errors.js';

describe('splitDateHeader', () => {
  it('reads the date with the body on the same line', () => {
    expect(splitDateHeader('s.txt', ' date 2024-02-08 Washington, February 8: Text.', 1)).toEqual({ date: '2024-02-08', body: 'Washington, February 8: Text.', bodyLine: 1 });
  });

  it('reads the date with the body on the next line, after leading blank lines', () => {
    expect(splitDateHeader('s.txt', '\n\n  date 2024-02-08\nBody.', 1)).toEqual({ date: '2024-02-08', body: 'Body.', bodyLine: 4 });
  });

  it('leaves text without a header untouched', () => {
    expect(splitDateHeader('s.txt', 'Just text.', 5)).toEqual({ body: 'Just text.', bodyLine: 5 });
  });

  it.each([
    [' date 2024-02-30 x', 's.txt:1:7: invalid date 2024-02-30 (hint: February 2024 has 29 days)'],
    ['date 2023-02-29 x', 's.txt:1:6: invalid date 2023-02-29 (hint: February 2023 has 28 days)'],
    ['date February 8, 2024 The council met.', 's.txt:1:6: invalid date February 8, 2024 (hint: write the date as YYYY-MM-DD: 2024-02-08?)'],
    ['date 8 Feb 2024\nThe council met.', 's.txt:1:6: invalid date 8 Feb 2024 (hint: write the date as YYYY-MM-DD: 2024-02-08?)'],
    ['\ndate 8/2/2024 x', 's.txt:2:6: invalid date 8/2/2024 (hint: write the date as YYYY-MM-DD: 2024-02-08 or 2024-08-02?)'],
  ])('reports an impossible date %j at its line and column', (text, message) => {
    expect(() => splitDateHeader('s.txt', text, 1)).toThrow(SeedError);
    try {
      splitDateHeader('s.txt', text, 1);
    } catch (e) {
      expect((e as SeedError).format()).toBe(message);
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(splitDateHeader('s.txt', 'date 2024-02-29 x', 1).date).toBe('2024-02-29');
  });
});

describe('missingDateFix', () => {
  it.each([
    ['Date: 2024-01-01\nText.', 1, 'write the line as "date 2024-01-01": lower case, a space, no colon'],
    ['\n\n  DATE 2024-1-5\nText.', 3, 'write the line as "date 2024-01-05": lower case, a space, no colon'],
    ['date:2024-02-08 Text.', 1, 'write the line as "date 2024-02-08": lower case, a space, no colon'],
    ['Some text first.\n\ndate 2024-01-01\n', 3, 'move this date line to the start of the file: the date comes before the text'],
    ['By Jane Doe\nPublished: 10:32 GMT, 8 February 2024 | Updated: 11:05 GMT, 9 February 2024\n\nThe council voted.', 2, 'start the file with "date 2024-02-08", the date this line says it was published'],
    ['\nBy Jane Doe | Posted Feb. 7, 2024\nThe council voted.', 2, 'start the file with "date 2024-02-07", the date this line says it was published'],
  ])('finds the date line in %j at line %i and says how to write it', (text, line, hint) => {
    expect(missingDateFix(text, 1)).toEqual({ line, hint });
  });

  it.each([['Just text.\nMore.'], ['Text.\ndate night was fun.'], [''], ['Dated 2024-01-01 reports say'], ['Published: 08/02/2024\nText.'], ['Updated: 8 February 2024\nText.'], ['1\n2\n3\n4\n5\n6\nPublished: 8 February 2024']])('has no fix for %j: the general hint stands', (text) => {
    expect(missingDateFix(text, 1)).toBeUndefined();
  });

  it('reads a first line of any run of blanks in one pass', () => {
    expect(missingDateFix(`Date${' \t'.repeat(500_000)}x`, 1)).toBeUndefined();
    expect(missingDateFix(`Date:${' '.repeat(1_000_000)}2024-01-01`, 1)).toEqual({ line: 1, hint: 'write the line as "date 2024-01-01": lower case, a space, no colon' });
  });
});
