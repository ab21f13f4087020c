/** Tag matching against the editor's taxonomy: every spelling lands on one canonical name, in one pass. */

/** The taxonomy as written in the config: canonical name → aliases. */
export type Taxonomy = Readonly<Record<string, readonly string[]>>;

import { startsWord, wordEnd, wordsOf, wordStart } from './words.js';

/** Folds curly apostrophes to straight ones so `Kata’ib` and `Kata'ib` are the same word. */
function foldApostrophes(word: string): string {
  return /[\u2019\u02BC]/.test(word) ? word.replace(/[\u2019\u02BC]/g, "'") : word;
}

/**
 * True when `text` has `word` at `start`, a right single quote in the text matching a straight
 * apostrophe in the word. The text is not folded as a whole (a copy of every article took ≈ 8% of
 * the scan): U+2019 bounds and joins words exactly as `'` does, so only comparisons need it folded.
 */
function hasWordAt(text: string, start: number, word: string): boolean {
  if (text.startsWith(word, start)) return true;
  if (!word.includes("'")) return false;
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(start + k);
    if ((code === 0x2019 ? 0x27 : code) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** What the taxonomy reads in an article: the headline its editor wrote (not one derived from the lead), its dateline, its text. */
export interface TaggedText {
  readonly headline?: string;
  readonly dateline?: string;
  readonly text: string;
}

/** One spelling's words (and each upper-cased) and the canonical tag it stands for. */
interface Phrase {
  readonly words: readonly string[];
  readonly shouted: readonly string[];
  readonly canonical: string;
}

/**
 * True when the word at `text[start, end)` matches a word of a phrase: same spelling, or the text
 * shouts it in capitals (two letters or more). Compared in place, without cutting the word out.
 */
function sameWordAt(text: string, start: number, end: number, word: string, shouted: string): boolean {
  const length = end - start;
  if (length === word.length && hasWordAt(text, start, word)) return true;
  return length > 1 && length === shouted.length && hasWordAt(text, start, shouted);
}

/**
 * The UTF-16 units a looked-up word can start with: an ASCII capital or digit, or anything beyond ASCII
 * (whether it starts a word is checked after). Found by the regular-expression engine, which skips the
 * lower-case prose between them far faster than a loop over every character (≈ 25% of the scan).
 */
const CAPITAL_OR_BEYOND_ASCII = /[A-Z0-9\u0080-\uffff]/g;

/** The same, lower-case ASCII letters included: for a taxonomy with a spelling that starts in lower case. */
const ANY_WORD_UNIT = /[A-Za-z0-9\u0080-\uffff]/g;

/**
 * A compiled taxonomy: phrases indexed by the spellings their first word can have in a text (as
 * written, and shouted in capitals), longest first.
 */
export class TaxonomyMatcher {
  private readonly byFirstWord = new Map<string, Phrase[]>();
  private readonly canonicalByLowerName = new Map<string, string>();

  constructor(taxonomy: Taxonomy) {
    // Phrases by their first word upper-cased, longest first: every phrase a text's word could start.
    const byUpperFirstWord = new Map<string, Phrase[]>();
    for (const [canonical, aliases] of Object.entries(taxonomy)) {
      for (const written of [canonical, ...aliases]) {
        const spelling = written.normalize('NFC');
        const words = wordsOf(foldApostrophes(spelling));
        if (words.length === 0) continue;
        const key = words[0]!.toUpperCase();
        const list = byUpperFirstWord.get(key) ?? [];
        list.push({ words, shouted: words.map((w) => w.toUpperCase()), canonical });
        byUpperFirstWord.set(key, list);
        this.canonicalByLowerName.set(foldApostrophes(spelling).toLowerCase(), canonical);
      }
    }
    // A text's word starts a phrase only when it is the phrase's first word as written or shouted
    // (sameWordAt), so each such spelling gets the phrases of its upper-cased list it can start, in
    // that list's order: the scan looks a word up as it is, without upper-casing a copy (≈ 10% of it).
    for (const list of byUpperFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    for (const list of byUpperFirstWord.values()) {
      for (const { words, shouted } of list) {
        for (const spelling of [words[0]!, shouted[0]!]) {
          if (this.byFirstWord.has(spelling)) continue;
          const upper = byUpperFirstWord.get(spelling.toUpperCase()) ?? [];
          const startable = upper.filter((phrase) => sameWordAt(spelling, 0, spelling.length, phrase.words[0]!, phrase.shouted[0]!));
          if (startable.length > 0) this.byFirstWord.set(spelling, startable);
        }
      }
    }
    this.lowerFirstWords = Object.entries(taxonomy).some(([c, aliases]) => [c, ...aliases].some((s) => /^[a-z]/.test(s.trim())));
  }

  /** True when some spelling starts with a lower-case ASCII letter (then lower-case words cannot be skipped). */
  private readonly lowerFirstWords: boolean;

  /** Start and end of the words read after a candidate first word (reused: no allocation per candidate). */
  private bounds = new Int32Array(64);

  /** How many times `text` mentions each canonical tag (every spelling counts toward its canonical name), in order of first mention; adds to `counts` when given. */
  count(text: string, counts = new Map<string, number>()): Map<string, number> {
    if (this.byFirstWord.size === 0) return counts;
    // Text and spellings are compared composed (NFC): "Café" written as "Cafe" and a combining accent,
    // as some systems save it, is the same word (ICU returns text already composed at once, ≈ 3 µs a 6 KB seed).
    const composed = text.normalize('NFC');
    // U+02BC is a letter, so it runs into the words around it; folded, it joins words as `'` does
    // (rare: the text is folded). U+2019 is not a letter: it is folded only where words are compared.
    const folded = composed.includes('\u02BC') ? foldApostrophes(composed) : composed;
    // A first word starts with a capital or a digit in every spelling, unless lowerFirstWords.
    const next = this.lowerFirstWords ? ANY_WORD_UNIT : CAPITAL_OR_BEYOND_ASCII;
    next.lastIndex = 0;
    // `test` moves lastIndex past the unit it found, without making a match object.
    while (next.test(folded)) {
      const start = next.lastIndex - 1;
      if (!startsWord(folded, start)) continue;
      const end = wordEnd(folded, start);
      next.lastIndex = end;
      const word = folded.slice(start, end);
      const candidates = this.byFirstWord.get(word) ?? (word.includes('\u2019') ? this.byFirstWord.get(foldApostrophes(word)) : undefined);
      if (candidates === undefined) continue;
      const phrase = this.longestAt(folded, start, end, candidates);
      if (phrase === undefined) continue;
      counts.set(phrase.canonical, (counts.get(phrase.canonical) ?? 0) + 1);
      next.lastIndex = this.bounds[2 * phrase.words.length - 1]!;
    }
    return counts;
  }

  /**
   * The first of `candidates` (longest first) whose words are the text's words from the one at
   * `[start, end)` on; the words after it are read only as far as a phrase asks, once for all candidates.
   */
  private longestAt(text: string, start: number, end: number, candidates: readonly Phrase[]): Phrase | undefined {
    this.bounds[0] = start;
    this.bounds[1] = end;
    let read = 1;
    for (const phrase of candidates) {
      let k = 0;
      for (; k < phrase.words.length; k++) {
        if (k === read) {
          const next = wordStart(text, this.bounds[2 * k - 1]!);
          if (next < 0) break;
          if (2 * k + 2 > this.bounds.length) {
            const grown = new Int32Array(this.bounds.length * 2);
            grown.set(this.bounds);
            this.bounds = grown;
          }
          this.bounds[2 * k] = next;
          this.bounds[2 * k + 1] = wordEnd(text, next);
          read++;
        }
        if (!sameWordAt(text, this.bounds[2 * k]!, this.bounds[2 * k + 1]!, phrase.words[k]!, phrase.shouted[k]!)) break;
      }
      if (k === phrase.words.length) return phrase;
    }
    return undefined;
  }

  /**
   * An article's taxonomy tags, in order of first mention: every entry named in its headline or dateline, and every entry
   * mentioned at least `minMentions` times in headline, dateline and text together. Each part is matched on its own.
   */
  tags(article: TaggedText, minMentions: number): string[] {
    const counts = new Map<string, number>();
    if (article.headline !== undefined) this.count(article.headline, counts);
    if (article.dateline !== undefined) this.count(article.dateline, counts);
    const named = new Set(counts.keys());
    this.count(article.text, counts);
    const tags: string[] = [];
    for (const [name, mentions] of counts) if (mentions >= minMentions || named.has(name)) tags.push(name);
    return tags;
  }

  /** The canonical name for a front-matter tag that spells a taxonomy entry (any case), else the tag itself. */
  canonicalize(tag: string): string {
    return this.canonicalByLowerName.get(foldApostrophes(tag.trim().normalize('NFC')).toLowerCase()) ?? tag.trim();
  }
}
