import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTitle } from '../../src/article/title.js';

const SEED_LEAD =
  "The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq, allegedly involved in planning attacks on American bases overseas.";

describe('deriveTitle', () => {
  it('cuts the seed lead at its clause boundary: starts "The US central command (CENTCOM) has said", ≤ 141 characters', () => {
    const title = deriveTitle(SEED_LEAD);
    expect(title).toBe("The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq");
    expect(title.startsWith('The US central command (CENTCOM) has said')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(141);
  });

  it.each([
    ['Markets rose on Friday. Analysts were surprised.', 'Markets rose on Friday'],
    ['  Markets   rose\non Friday.  ', 'Markets rose on Friday'],
    ['Why did markets rise on Friday? Analysts were surprised.', 'Why did markets rise on Friday?'],
    ['Mr. Smith met Gen. Aoun at 9:30 p.m. local time. He left.', 'Mr. Smith met Gen. Aoun at 9:30 p.m. local time'],
    ['Iran held talks with the U.S.', 'Iran held talks with the U.S.'],
    ['No final stop', 'No final stop'],
    ['?! Markets rose.', 'Markets rose'],
    ['— . Markets rose.', 'Markets rose'],
    ['Then he left… Markets rose.', 'Then he left… Markets rose'],
    ['Untitled things happen.', 'Untitled things happen'],
  ])('uses a short first sentence %j whole, without its own final period', (lead, title) => {
    expect(deriveTitle(lead)).toBe(title);
  });

  it.each([
    [
      'a semicolon',
      'The ministry of foreign affairs in Tehran issued a long statement on Thursday evening about the strike; it said that the attack was a violation of sovereignty and of international law.',
      'The ministry of foreign affairs in Tehran issued a long statement on Thursday evening about the strike',
    ],
    [
      'a spaced dash',
      'Thousands of people gathered in the central square of the capital on Saturday afternoon to protest rising prices — the largest demonstration the country has seen in more than a decade.',
      'Thousands of people gathered in the central square of the capital on Saturday afternoon to protest rising prices',
    ],
    [
      '"which"',
      'The government announced a new package of measures to support families facing higher energy bills during the winter which the opposition immediately criticised as too little and too late.',
      'The government announced a new package of measures to support families facing higher energy bills during the winter',
    ],
    [
      'the last boundary that fits, not the first',
      'The central bank raised rates, as expected, by a quarter point on Wednesday, its eleventh increase in a row, and signalled that further increases were likely before the end of the year.',
      'The central bank raised rates, as expected, by a quarter point on Wednesday, its eleventh increase in a row',
    ],
  ])('cuts a long sentence at %s', (_, lead, title) => {
    expect(deriveTitle(lead)).toBe(title);
    expect(title.length).toBeLessThanOrEqual(140);
  });

  it('does not cut inside parentheses: a clause boundary that would leave "(" open is skipped', () => {
    const lead =
      'The alliance (which includes Britain, France, Germany, Italy, Spain and many other member states of the union) announced new sanctions against the regime in a joint statement.';
    expect(deriveTitle(lead)).toBe('The alliance (which includes Britain, France, Germany, Italy, Spain and many other member states of the union) announced new sanctions…');
  });

  it('skips a clause cut that would keep fewer than 40 characters and cuts at a word with "…"', () => {
    const lead = `Officials said, ${'according to several people familiar with the discussions that took place over the weekend in the capital '.repeat(2)}more.`;
    const title = deriveTitle(lead);
    expect(title).toBe('Officials said, according to several people familiar with the discussions that took place over the weekend in the capital according to…');
    expect(title.length).toBeLessThanOrEqual(140);
  });

  it('cuts at a word boundary with an ellipsis when no clause boundary fits, never mid-word', () => {
    const title = deriveTitle(`${'word '.repeat(60)}end.`);
    expect(title).toBe(`${'word '.repeat(27)}word…`);
    expect(title.length).toBeLessThanOrEqual(140);
  });

  it('cuts one giant token without splitting a surrogate pair', () => {
    expect(deriveTitle('x'.repeat(300))).toBe(`${'x'.repeat(139)}…`);
    const emoji = deriveTitle(`a${'😀'.repeat(100)}`);
    expect(emoji.endsWith('…')).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it.each(['', '   ', ' … — ', '...', '!?', '"" ()'])('gives "Untitled" for %j, which has no letter or digit', (lead) => {
    expect(deriveTitle(lead)).toBe('Untitled');
  });

  it('is never empty and never longer than 141 characters, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.string({ unit: 'grapheme', minLength: 130, maxLength: 400 })), (lead) => {
        const title = deriveTitle(lead);
        return title.length > 0 && title.length <= 141 && title === title.trim() && !/\s{2}/.test(title);
      }),
      { numRuns: 500 },
    );
  });

  it('has a letter or digit whenever the lead has one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (lead) => !/[\p{L}\p{N}]/u.test(lead) || /[\p{L}\p{N}]/u.test(deriveTitle(lead)) ),
      { numRuns: 500 },
    );
  });
});
