/** Word count and reading time. */
import { ASCII_WORD } from './words.js';

/** Reading speed, words per minute. */
export const WORDS_PER_MINUTE = 230;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/** What a code point is to a word: 1 a letter or digit, 2 a combining mark (it only continues a word), 0 neither. */
function kind(cp: number): 0 | 1 | 2 {
  if (cp < 0x80) return ASCII_WORD[cp] as 0 | 1;
  const char = String.fromCodePoint(cp);
  if (LETTER_OR_DIGIT.test(char)) return 1;
  return MARK.test(char) ? 2 : 0;
}

/** True for the characters that join two parts of one word: `don't`, `Iran-backed`, `U.S`, `3.5`. */
function isJoiner(cp: number): boolean {
  return cp === 39 || cp === 0x2019 || cp === 45 || cp === 46;
}

/** The number of words in `text`: runs of letters or digits, joined by inner apostrophes, hyphens and dots. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // The common case, without a code point or a call: an ASCII letter, digit, joiner or other.
      if (ASCII_WORD[code] === 1) {
        if (!inWord) words++;
        inWord = true;
      } else if (!(inWord && isJoiner(code) && i + 1 < text.length && kind(text.codePointAt(i + 1)!) === 1)) {
        inWord = false;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const k = kind(cp);
    if (k === 1) {
      if (!inWord) words++;
      inWord = true;
    } else if (k === 2) {
      // A combining mark belongs to the letter before it; alone it is no word.
    } else if (!(inWord && isJoiner(cp) && i + size < text.length && kind(text.codePointAt(i + size)!) === 1)) {
      inWord = false;
    }
    i += size;
  }
  return words;
}

/** Minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
