/**
 * Words as the taxonomy reads them: runs of Unicode letters and digits (categories L and N), joined
 * across an apostrophe (`Kata'ib`, `rock'n'roll`; straight, right single quote or modifier letter),
 * found by walking the text once instead of cutting every word out of it: the taxonomy looks up only
 * the few words that can start an entry.
 */

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** True when `text` holds a letter or a digit: a sentence or paragraph without one ("…", "* * *") says nothing in a headline or on a card. */
export function hasWord(text: string): boolean {
  return WORD_CHARACTER.test(text);
}

/** Whether each non-ASCII code point seen so far is a letter or digit. */
const nonAscii = new Map<number, boolean>();

/** 1 for the ASCII letters and digits, by character code (the common case, looked up without a call). */
export const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));

/** True when the code point is a letter or a digit (Unicode categories L and N). */
function isWordCharacter(codePoint: number): boolean {
  if (codePoint < 128) return ASCII_WORD[codePoint] === 1;
  let known = nonAscii.get(codePoint);
  if (known === undefined) nonAscii.set(codePoint, (known = WORD_CHARACTER.test(String.fromCodePoint(codePoint))));
  return known;
}

/** True for the apostrophes that join two runs into one word: straight, right single quote, modifier letter. */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/** Where the run of letters and digits starting at `i` ends. */
function runEnd(text: string, i: number): number {
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (ASCII_WORD[code] === 0) break;
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (!isWordCharacter(codePoint)) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}

/** Where the first word at or after `from` in `text` starts, or -1 when there is none. */
export function wordStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (ASCII_WORD[code] === 1) return i;
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (isWordCharacter(codePoint)) return i;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return -1;
}

/** The code point that ends just before `i` (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2)!;
  }
  return low;
}

/**
 * True when a word starts at `i`: a letter or digit there, and none just before it, nor an
 * apostrophe that joins it to one (`rock'n'roll` is one word). Lets a caller jump to likely word
 * starts (with a regular expression) instead of walking every character.
 */
export function startsWord(text: string, i: number): boolean {
  const codePoint = text.codePointAt(i);
  if (codePoint === undefined || (codePoint >= 0xdc00 && codePoint <= 0xdfff) || !isWordCharacter(codePoint)) return false;
  if (i === 0) return true;
  const before = codePointBefore(text, i);
  if (isWordCharacter(before)) return false;
  return !(isApostrophe(before) && i >= 2 && isWordCharacter(codePointBefore(text, i - 1)));
}

/** Where the word starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  let i = runEnd(text, start);
  while (i + 1 < text.length && isApostrophe(text.charCodeAt(i)) && isWordCharacter(text.codePointAt(i + 1)!)) i = runEnd(text, i + 1);
  return i;
}

/** Every word of `text`, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (let start = wordStart(text, 0); start >= 0; ) {
    const end = wordEnd(text, start);
    words.push(text.slice(start, end));
    start = wordStart(text, end);
  }
  return words;
}
