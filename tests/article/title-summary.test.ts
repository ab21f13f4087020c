import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/article/reading-time.js';
import { splitSentences } from '../../src/article/sentences.js';
import { deriveSummary } from '../../src/article/summary.js';
import { deriveTitle } from '../../src/article/title.js';

const SEED_LEAD =
  "The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq, allegedly involved in planning attacks on American bases overseas.";

describe('splitSentences', () => {
  it('keeps "9:30 p.m. local time" whole and does not split after U.S., Gen. or an initial', () => {
    expect(splitSentences('It happened around 9:30 p.m. local time, officials said. The U.S. envoy met Gen. Joseph Aoun and J. Smith. Then he left.')).toEqual([
      'It happened around 9:30 p.m. local time, officials said.',
      'The U.S. envoy met Gen. Joseph Aoun and J. Smith.',
      'Then he left.',
    ]);
  });

  it('splits after p.m. when a new sentence starts', () => {
    expect(splitSentences('It was 9 p.m. The next day was quiet.')).toEqual(['It was 9 p.m.', 'The next day was quiet.']);
  });
});

describe('deriveTitle', () => {
  it('cuts the seed lead at a clause boundary, never mid-word', () => {
    expect(deriveTitle(SEED_LEAD)).toBe("The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq");
  });

  it('uses a short first sentence whole, without its period', () => {
    expect(deriveTitle('Markets rose on Friday. Analysts were surprised.')).toBe('Markets rose on Friday');
  });

  it('cuts at a word boundary with an ellipsis when no clause boundary fits', () => {
    const title = deriveTitle(`${'word '.repeat(60)}end.`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(140);
    expect(title).toMatch(/^(word )+word…$/);
  });

  it('gives "Untitled" for text without letters or digits', () => {
    expect(deriveTitle(' … — ')).toBe('Untitled');
  });

  it('is never empty, never longer than 141 characters, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const title = deriveTitle(text);
      return title.length > 0 && title.length <= 141;
    }));
  });
});

describe('deriveSummary', () => {
  it('takes two lead sentences when they fit in 300 characters', () => {
    expect(deriveSummary('First sentence here. Second one. Third one.')).toBe('First sentence here. Second one.');
  });

  it('takes only the first when two would not fit', () => {
    expect(deriveSummary(`${SEED_LEAD} ${SEED_LEAD}`)).toBe(SEED_LEAD);
  });

  it('cuts an over-long first sentence at a word boundary with an ellipsis', () => {
    const summary = deriveSummary(`${'alpha '.repeat(80)}end.`);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('alpha…')).toBe(true);
  });

  it('is never longer than 300 characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => deriveSummary(text).length <= 300));
  });
});

describe('countWords and readingMinutes', () => {
  it.each([
    ["don't stop", 2],
    ['Iran-backed U.S. forces', 3],
    ['São Paulo 3.5% $1.13bn', 4],
    ["Kata'ib Hezbollah", 2],
    ['a — b', 2],
    ['', 0],
    ['été 日本', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('reads at 230 words a minute, at least one minute', () => {
    expect([readingMinutes(0), readingMinutes(230), readingMinutes(231)]).toEqual([1, 1, 2]);
  });
});
