import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaxonomyMatcher } from '../../src/article/taxonomy.js';
import { wordsOf } from '../../src/article/words.js';

/** The definition of a word the scanner must match exactly. */
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02BC][\p{L}\p{N}]+)*/gu;

/** The matcher's counting as first written (every word cut out by WORD, then phrases compared word by word): the specification. */
function referenceCount(taxonomy: Record<string, string[]>, text: string): Map<string, number> {
  // Compared composed (NFC), as the matcher compares them.
  const fold = (s: string) => s.normalize('NFC').replace(/[\u2019\u02BC]/g, "'");
  const words = fold(text).match(WORD) ?? [];
  const phrases = Object.entries(taxonomy)
    .flatMap(([canonical, aliases]) => [canonical, ...aliases].map((spelling) => ({ canonical, words: fold(spelling).match(WORD) ?? [] })))
    .filter((p) => p.words.length > 0);
  const same = (t: string, p: string) => t === p || (t.length > 1 && t === t.toUpperCase() && t === p.toUpperCase());
  const lowerFirst = phrases.some((p) => /^[a-z]/.test(p.words[0]!));
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!.charCodeAt(0);
    if (c >= 97 && c <= 122 && !lowerFirst) continue;
    const candidates = phrases.filter((p) => p.words[0]!.toUpperCase() === words[i]!.toUpperCase()).sort((a, b) => b.words.length - a.words.length);
    for (const p of candidates) {
      if (i + p.words.length > words.length || !p.words.every((w, k) => same(words[i + k]!, w))) continue;
      counts.set(p.canonical, (counts.get(p.canonical) ?? 0) + 1);
      i += p.words.length - 1;
      break;
    }
  }
  return counts;
}

/** Text built from pieces that exercise word boundaries: entries, their parts, apostrophes, astral letters, digits, punctuation. */
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('Kata’ib', "Kata'ib", 'Hezbollah', 'KATAIB', 'New', 'York', 'NEW YORK', 'São', 'Paulo', '’', "'", 'ʼ', '-', '.', '𝐀𝐁', '😀', '42', 'x', 'rock’n’roll', 'New York City', '\ud800', 'Iraq', 'iraq', 'C++', 'e')), { maxLength: 30 })
  .map((parts) => parts.join(fc.sample(fc.constantFrom(' ', '', '\n', ', '), 1)[0]!));

const taxonomy = { "Kata'ib Hezbollah": ['Kataib Hezbollah'], Hezbollah: [], York: [], Iraq: [], 'New York': ['NYC'], 'New York City': [], 'São Paulo': [], '42': [], 'rock’n’roll': [] };

describe('words and taxonomy counts (property)', () => {
  it('the scanner finds exactly the words the word pattern matches', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (t) => {
        expect(wordsOf(t)).toEqual(t.match(WORD) ?? []);
      }));
  });

  it('the matcher counts what the word-by-word specification counts, in the same order', () => {
    const matcher = new TaxonomyMatcher(taxonomy);
    fc.assert(fc.property(text, (t) => {
        expect([...matcher.count(t)]).toEqual([...referenceCount(taxonomy, t)]);
      }));
  });
});
