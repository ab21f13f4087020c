import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TaxonomyMatcher } from '../../src/article/taxonomy.js';
import { wordsOf } from '../../src/article/words.js';

const matcher = new TaxonomyMatcher({
  "Kata'ib Hezbollah": ['Kataib Hezbollah', 'Kataeb Hezbollah'],
  Iraq: [],
  'Islamic Resistance in Iraq': [],
  CENTCOM: ['US Central Command', 'US central command'],
  'United States': ['U.S.'],
  Iran: [],
});

/** The canonical names `text` mentions, in order of first mention. */
const matched = (text: string): string[] => [...matcher.count(text).keys()];

describe('TaxonomyMatcher.count: which entries', () => {
  it('lands every spelling, straight or curly apostrophe, on the canonical name', () => {
    expect(matched('Kataib Hezbollah and Kataeb Hezbollah and Kata’ib Hezbollah')).toEqual(["Kata'ib Hezbollah"]);
  });

  it('matches a name written with combining accents (NFD, as some systems save text) as the same name composed, either way round', () => {
    const decomposed = new TaxonomyMatcher({ ['São Paulo'.normalize('NFD')]: [], 'Café Société': [] });
    expect([...decomposed.count(`Traders in ${'São Paulo'} and the ${'Café Société'.normalize('NFD')} met.`).keys()]).toEqual(['São Paulo'.normalize('NFD'), 'Café Société']);
    expect(decomposed.canonicalize('café société'.normalize('NFD'))).toBe('Café Société');
  });

  it('matches on word boundaries only', () => {
    expect(matched('Iraqi officials in Irani and Iranian towns')).toEqual([]);
    expect(matched('Iran-backed militias')).toEqual(['Iran']);
  });

  it('never starts a word inside one: after a letter outside the BMP, a letter with an accent, or a joining apostrophe', () => {
    expect(matched('a𝐀Iran, 𝐀Iran, aéIran, d’Iran, l\'Iran, deIran')).toEqual([]);
    expect(matched('𝐀 Iran')).toEqual(['Iran']);
    expect(matched('’Iran')).toEqual(['Iran']);
    expect(matched("''Iran")).toEqual(['Iran']);
  });

  it('prefers the longest phrase starting at a word, and still finds shorter ones elsewhere', () => {
    expect(matched('the Islamic Resistance in Iraq claimed it; Iraq denied')).toEqual(['Islamic Resistance in Iraq', 'Iraq']);
  });

  it('matches abbreviations written with dots', () => {
    expect(matched('U.S. forces said')).toEqual(['United States']);
  });

  it('is case-sensitive except for text in capitals, so "us" is not "US"', () => {
    expect(matched('BAGHDAD — IRAQ said; the iraq war')).toEqual(['Iraq']);
    expect(matched('The US central command (CENTCOM) said')).toEqual(['CENTCOM']);
  });

  it('returns tags in order of first mention, each once', () => {
    expect(matched('Iran, Iraq, Iran, Iraq')).toEqual(['Iran', 'Iraq']);
  });

  it('never throws and only returns canonical names, whatever the text', () => {
    const names = new Set(["Kata'ib Hezbollah", 'Iraq', 'Islamic Resistance in Iraq', 'CENTCOM', 'United States', 'Iran']);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => matched(text).every((t) => names.has(t))));
  });
});

describe('TaxonomyMatcher.count: how often', () => {
  it('counts every mention, each alias spelling toward its canonical name', () => {
    expect(matcher.count('Kataib Hezbollah met Kataeb Hezbollah; Kata’ib Hezbollah left Iraq')).toEqual(
      new Map([
        ["Kata'ib Hezbollah", 3],
        ['Iraq', 1],
      ]),
    );
  });

  it('counts a longer phrase once, not also the shorter names inside it', () => {
    expect(matcher.count('the Islamic Resistance in Iraq and Iraq')).toEqual(
      new Map([
        ['Islamic Resistance in Iraq', 1],
        ['Iraq', 1],
      ]),
    );
  });

  it('adds to the counts it is given', () => {
    const counts = matcher.count('Iran and Iraq');
    expect(matcher.count('IRAN, Iran', counts)).toBe(counts);
    expect(counts).toEqual(
      new Map([
        ['Iran', 3],
        ['Iraq', 1],
      ]),
    );
  });
});

/**
 * The matching rule written plainly, as a reference: at each word, the longest spelling (fewest
 * words last) whose words are the text's next words, each the same or shouted in capitals (2+ letters);
 * a match moves on past its last word.
 */
function referenceCount(taxonomy: Record<string, string[]>, text: string): Map<string, number> {
  // Compared composed (NFC), as the matcher compares them.
  const fold = (s: string) => s.normalize('NFC').replace(/[\u2019\u02BC]/g, "'");
  const phrases = Object.entries(taxonomy)
    .flatMap(([canonical, aliases]) => [canonical, ...aliases].map((spelling) => ({ words: wordsOf(fold(spelling)), canonical })))
    .filter((p) => p.words.length > 0);
  const same = (t: string, w: string) => t === w || (t.length > 1 && t === t.toUpperCase() && t === w.toUpperCase());
  const words = wordsOf(fold(text));
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; ) {
    const starting = phrases.filter((p) => p.words[0]!.toUpperCase() === words[i]!.toUpperCase());
    // Longest first; among equally long, the order the taxonomy lists them.
    const found = starting.sort((a, b) => b.words.length - a.words.length).find((p) => p.words.every((w, k) => i + k < words.length && same(words[i + k]!, w)));
    if (found) counts.set(found.canonical, (counts.get(found.canonical) ?? 0) + 1);
    i += found ? found.words.length : 1;
  }
  return counts;
}

describe('TaxonomyMatcher.count against the plainly written rule', () => {
  it('counts the same mentions for any taxonomy and any text made of its words, their capitals and noise', () => {
    // Lower-case starts with capitals inside (iPhone), astral letters (𝐀), a title-case digraph (ǅ), a non-ASCII
    // digit (٣), a combining mark: where the scan jumps, every kind of word start and non-start is met.
    const word = fc.constantFrom('Iran', 'IRAN', 'iran', 'Kata’ib', "Kata'ib", 'Hezbollah', 'HEZBOLLAH', 'Straße', 'STRASSE', 'U', 'S', 'US', 'Us', 'in', 'Ab', 'AB', 'Ünal', 'ÜNAL', 'x', '7', 'Co', 'X', 'iPhone', 'IPHONE', '𝐀bc', '𝐀', 'ǅemal', '٣', 'e\u0301', 'Zoë');
    const spelling = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const taxonomy = fc.dictionary(spelling, fc.array(spelling, { maxLength: 3 }), { maxKeys: 6 });
    const separator = fc.constantFrom(' ', ', ', '. ', '-', '—', '’', "'", "''", 'ʼ', '\n', '.', '', '\ud800', '“');
    const text = fc.array(fc.tuple(word, separator), { maxLength: 40 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(taxonomy, text, (t, s) => {
        expect(new TaxonomyMatcher(t).count(s)).toEqual(referenceCount(t, s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('TaxonomyMatcher.tags', () => {
  const text = 'Iran said Kataib Hezbollah struck. Kataeb Hezbollah denied it; Iran and CENTCOM disagreed. Iraq was quiet.';

  it('with a threshold of 1 tags every entry mentioned, in order of first mention', () => {
    expect(matcher.tags({ text }, 1)).toEqual(['Iran', "Kata'ib Hezbollah", 'CENTCOM', 'Iraq']);
  });

  it('with a higher threshold keeps the entries mentioned that often, alias spellings counted together', () => {
    expect(matcher.tags({ text }, 2)).toEqual(['Iran', "Kata'ib Hezbollah"]);
    expect(matcher.tags({ text }, 3)).toEqual([]);
  });

  it('tags an entry the headline or dateline names, however rarely the text does', () => {
    expect(matcher.tags({ headline: 'CENTCOM strikes back', dateline: 'BAGHDAD', text }, 2)).toEqual(['CENTCOM', 'Iran', "Kata'ib Hezbollah"]);
    expect(matcher.tags({ dateline: 'Iraq, March 3', text }, 3)).toEqual(['Iraq']);
  });

  it('matches each part on its own, so no phrase spans headline and text', () => {
    expect(matcher.tags({ headline: 'A word on Kataib', text: 'Hezbollah fighters' }, 1)).toEqual([]);
  });
});

describe('TaxonomyMatcher.canonicalize', () => {
  it('maps a front-matter tag spelling any taxonomy entry, in any case, to its canonical name', () => {
    expect(matcher.canonicalize('kataeb hezbollah')).toBe("Kata'ib Hezbollah");
    expect(matcher.canonicalize(' iraq ')).toBe('Iraq');
    expect(matcher.canonicalize('Economy')).toBe('Economy');
  });
});
