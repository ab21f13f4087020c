import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TaxonomyMatcher } from '../../src/article/taxonomy.js';

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

  it('matches on word boundaries only', () => {
    expect(matched('Iraqi officials in Irani and Iranian towns')).toEqual([]);
    expect(matched('Iran-backed militias')).toEqual(['Iran']);
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
