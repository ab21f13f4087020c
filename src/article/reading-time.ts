/** Word count and reading time. */

/** Reading speed, words per minute. */
export const WORDS_PER_MINUTE = 230;

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when the UTF-16 unit at `i` is part of a word (a letter, digit or combining mark). */
function isWordChar(text: string, code: number, i: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && isWordChar(text, text.charCodeAt(i - 1), i - 1);
  return NON_ASCII_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** True for the characters that join two parts of one word: `don't`, `Iran-backed`, `U.S`. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 46;
}

/** The number of words in `text` (runs of letters or digits, joined by inner apostrophes, hyphens and dots). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(text, code, i)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && isJoiner(code) && i + 1 < text.length && isWordChar(text, text.charCodeAt(i + 1), i + 1)) {
      // stays in the same word
    } else {
      inWord = false;
    }
  }
  return words;
}

/** Minutes to read `words` words, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
