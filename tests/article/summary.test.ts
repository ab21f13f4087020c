import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSummary } from '../../src/article/summary.js';

const SEED_LEAD =
  "The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq, allegedly involved in planning attacks on American bases overseas.";

describe('deriveSummary', () => {
  it('takes two lead sentences when they fit in 300 characters', () => {
    expect(deriveSummary('First sentence here. Second one. Third one.')).toBe('First sentence here. Second one.');
  });

  it('takes the seed lead alone: a second copy would not fit', () => {
    expect(deriveSummary(`${SEED_LEAD} ${SEED_LEAD}`)).toBe(SEED_LEAD);
  });

  it('takes exactly 300 characters of two sentences, not 301', () => {
    const first = `${'a'.repeat(148)}.`;
    const second = `B${'b'.repeat(148)}.`;
    expect(deriveSummary(`${first} ${second}`)).toBe(`${first} ${second}`);
    expect(deriveSummary(`${first} ${second}b`)).toBe(first);
  });

  it('collapses white space, line breaks included', () => {
    expect(deriveSummary('  The   strike\n\nkilled three.\tOfficials   said so.  ')).toBe('The strike killed three. Officials said so.');
  });

  it('keeps "9:30 p.m. local time" inside its sentence', () => {
    expect(deriveSummary('It happened around 9:30 p.m. local time, officials said. The U.S. Central Command confirmed it. A third sentence.')).toBe(
      'It happened around 9:30 p.m. local time, officials said. The U.S. Central Command confirmed it.',
    );
  });

  it('cuts an over-long first sentence at a word boundary with an ellipsis', () => {
    const summary = deriveSummary(`${'alpha '.repeat(80)}end.`);
    expect(summary).toBe(`${'alpha '.repeat(49)}alpha…`);
    expect(summary.length).toBeLessThanOrEqual(300);
  });

  it('cuts one giant token at 299 characters plus "…"', () => {
    expect(deriveSummary('x'.repeat(1000))).toBe(`${'x'.repeat(299)}…`);
  });

  it.each(['', '   \n ', '…', '— — —'])('gives an empty summary for %j, which has no words', (text) => {
    expect(deriveSummary(text)).toBe('');
  });

  it('skips a leading sentence with no words in it', () => {
    expect(deriveSummary('— . Markets rose. Bonds fell.')).toBe('Markets rose. Bonds fell.');
  });

  it('finds the lead after a long run of white space', () => {
    expect(deriveSummary(`${' '.repeat(5000)}Markets rose.`)).toBe('Markets rose.');
  });

  it('is never longer than 300 characters, never throws, and is trimmed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.string(), fc.string({ unit: 'grapheme', minLength: 280, maxLength: 700 })), (text) => {
        const summary = deriveSummary(text);
        return summary.length <= 300 && summary === summary.trim();
      }),
      { numRuns: 300 },
    );
  });
});
