/** Tag matching against the editor's taxonomy: every spelling lands on one canonical name, in one pass. */

/** The taxonomy as written in the config: canonical name → aliases. */
export type Taxonomy = Readonly<Record<string, readonly string[]>>;

const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02BC][\p{L}\p{N}]+)*/gu;

/** Folds curly apostrophes to straight ones so `Kata’ib` and `Kata'ib` are the same word. */
function foldApostrophes(word: string): string {
  return word.replace(/[\u2019\u02BC]/g, "'");
}

/** The words of `text`, apostrophes folded, in order. */
function wordsOf(text: string): string[] {
  const folded = /[\u2019\u02BC]/.test(text) ? foldApostrophes(text) : text;
  return folded.match(WORD) ?? [];
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
        const words = wordsOf(spelling);
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

  /** Canonical tag names mentioned in `text`, in order of first mention, each once. */
  match(text: string): string[] {
    const found = new Set<string>();
    if (this.byFirstWord.size === 0) return [];
    const words = wordsOf(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // Cheap exits first: a first word must start with a capital or a digit in every spelling.
      const c = word.charCodeAt(0);
      if (c >= 97 && c <= 122) {
        if (!this.lowerFirstWords) continue;
      }
      const candidates = this.byFirstWord.get(word.toUpperCase());
      if (!candidates) continue;
      for (const phrase of candidates) {
        if (i + phrase.words.length > words.length) continue;
        if (phrase.words.every((w, k) => sameWord(words[i + k]!, w))) {
          found.add(phrase.canonical);
          i += phrase.words.length - 1;
          break;
        }
      }
    }
    return [...found];
  }

  /** The canonical name for a front-matter tag that spells a taxonomy entry (any case), else the tag itself. */
  canonicalize(tag: string): string {
    return this.canonicalByLowerName.get(foldApostrophes(tag.trim()).toLowerCase()) ?? tag.trim();
  }
}
