import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/article/reading-time.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ["don't stop", 2],
    ['Iran-backed U.S. forces', 3],
    ['São Paulo 3.5% $1.13bn', 4],
    ["Kata'ib Hezbollah", 2],
    ['Kata’ib Hezbollah', 2],
    ['a — b', 2],
    ['a—b', 2],
    ['end. Start', 2],
    ['-leading and trailing- \'quotes\'', 4],
    ['été 日本', 2],
    ['naïve café', 2],
    ['Ελλάδα и Россия', 3],
    ['9:30 p.m.', 3],
    ['#hashtag @handle pic.twitter.com/geUn8GnVFv', 4],
    ['😀 🇺🇸 … — !!', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('counts the seed lead', () => {
    expect(
      countWords("The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq, allegedly involved in planning attacks on American bases overseas."),
    ).toBe(32);
  });

  it('counts a 100k-word text', () => {
    const text = 'The strike killed three Kata’ib Hezbollah members in Baghdad — officials said. '.repeat(10_000);
    expect(countWords(text)).toBe(110_000);
  });

  it('counts as the rule written plainly does: runs of letters, digits and marks, joined by an inner apostrophe, hyphen or dot', () => {
    const plain = (text: string): number => {
      const chars = Array.from(text);
      const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      let words = 0;
      let inWord = false;
      chars.forEach((c, i) => {
        if (isWord(c)) {
          if (!inWord) words++;
          inWord = true;
        } else if (/\p{M}/u.test(c)) {
          // A mark continues the word before it, and starts none.
        } else if (!(inWord && /['’.-]/u.test(c) && isWord(chars[i + 1]))) {
          inWord = false;
        }
      });
      return words;
    };
    const piece = fc.constantFrom('a', 'Z', '7', 'é', 'e\u0301', '\u0301', '日', '😀', '𝔸', "'", '’', '-', '.', ' ', '—', '“', '\n', '\ud800', '_', '$');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(plain(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, is never negative, and never counts more words than letters and digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string()), (text) => {
        const words = countWords(text);
        return Number.isInteger(words) && words >= 0 && words <= (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0);
      }),
    );
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [1, 1],
    [230, 1],
    [231, 2],
    [460, 2],
    [461, 3],
    [23_000, 100],
  ])('%i words take %i minute(s) at 230 words a minute', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it('is a whole number of at least 1 for any word count', () => {
    fc.assert(fc.property(fc.nat(), (words) => Number.isInteger(readingMinutes(words)) && readingMinutes(words) >= 1));
  });
});
