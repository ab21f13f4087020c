/** Tag matching against the editor's taxonomy: every spelling lands on one canonical name, in one pass. */

/** The taxonomy as written in the config: canonical name → aliases. */
export type Taxonomy = Readonly<Record<string, readonly string[]>>;

import { wordEnd, wordsOf, wordStart } from './words.js';

/** Folds curly apostrophes to straight ones so `Kata’ib` and `Kata'ib` are the same word. */
function foldApostrophes(word: string): string {
  return /[\u2019\u02BC]/.test(word) ? word.replace(/[\u2019\u02BC]/g, "'") : word;
}

/** What the taxonomy reads in an article: the headline its editor wrote (not one derived from the lead), its dateline, its text. */
export interface TaggedText {
  readonly headline?: string;
  readonly dateline?: string;
  readonly text: string;
}

/** One spelling's words and the canonical tag it stands for. */
interface Phrase {
  readonly words: readonly string[];
  readonly canonical: string;
}

/** True when a word of the text matches a word of a phrase: same spelling, or the text shouts it in capitals. */
function sameWord(textWord: string, phraseWord: string): boolean {
  if (textWord === phraseWord) return true;
  return textWord.length > 1 && textWord === textWord.toUpperCase() && textWord === phraseWord.toUpperCase();
}

/** A compiled taxonomy: phrases indexed by their first word (upper-cased), longest first. */
export class TaxonomyMatcher {
  private readonly byFirstWord = new Map<string, Phrase[]>();
  private readonly canonicalByLowerName = new Map<string, string>();

  constructor(taxonomy: Taxonomy) {
    for (const [canonical, aliases] of Object.entries(taxonomy)) {
      for (const spelling of [canonical, ...aliases]) {
        const words = wordsOf(foldApostrophes(spelling));
        if (words.length === 0) continue;
        const key = words[0]!.toUpperCase();
        const list = this.byFirstWord.get(key) ?? [];
        list.push({ words, canonical });
        this.byFirstWord.set(key, list);
        this.canonicalByLowerName.set(foldApostrophes(spelling).toLowerCase(), canonical);
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.lowerFirstWords = Object.entries(taxonomy).some(([c, aliases]) => [c, ...aliases].some((s) => /^[a-z]/.test(s.trim())));
  }

  /** True when some spelling starts with a lower-case ASCII letter (then lower-case words cannot be skipped). */
  private readonly lowerFirstWords: boolean;

  /** How many times `text` mentions each canonical tag (every spelling counts toward its canonical name), in order of first mention; adds to `counts` when given. */
  count(text: string, counts = new Map<string, number>()): Map<string, number> {
    if (this.byFirstWord.size === 0) return counts;
    const folded = foldApostrophes(text);
    for (let start = wordStart(folded, 0); start >= 0; ) {
      let end = wordEnd(folded, start);
      // Cheap exits first: a first word must start with a capital or a digit in every spelling.
      const c = folded.charCodeAt(start);
      const candidates = c >= 97 && c <= 122 && !this.lowerFirstWords ? undefined : this.byFirstWord.get(folded.slice(start, end).toUpperCase());
      if (candidates) {
        // This word and the ones after it, read only as far as a phrase asks (longest phrases first).
        const words = [folded.slice(start, end)];
        const ends = [end];
        const has = (k: number) => {
          while (words.length <= k) {
            const next = wordStart(folded, ends[ends.length - 1]!);
            if (next < 0) return false;
            ends.push(wordEnd(folded, next));
            words.push(folded.slice(next, ends[ends.length - 1]));
          }
          return true;
        };
        for (const phrase of candidates) {
          if (!phrase.words.every((w, k) => has(k) && sameWord(words[k]!, w))) continue;
          counts.set(phrase.canonical, (counts.get(phrase.canonical) ?? 0) + 1);
          end = ends[phrase.words.length - 1]!;
          break;
        }
      }
      start = wordStart(folded, end);
    }
    return counts;
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
    return this.canonicalByLowerName.get(foldApostrophes(tag.trim()).toLowerCase()) ?? tag.trim();
  }
}
