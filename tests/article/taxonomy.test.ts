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

describe('TaxonomyMatcher.match', () => {
  it('lands every spelling, straight or curly apostrophe, on the canonical name', () => {
    expect(matcher.match('Kataib Hezbollah and Kataeb Hezbollah and Kata’ib Hezbollah')).toEqual(["Kata'ib Hezbollah"]);
  });

  it('matches on word boundaries only', () => {
    expect(matcher.match('Iraqi officials in Irani and Iranian towns')).toEqual([]);
    expect(matcher.match('Iran-backed militias')).toEqual(['Iran']);
  });

  it('prefers the longest phrase starting at a word, and still finds shorter ones elsewhere', () => {
    expect(matcher.match('the Islamic Resistance in Iraq claimed it; Iraq denied')).toEqual(['Islamic Resistance in Iraq', 'Iraq']);
  });

  it('matches abbreviations written with dots', () => {
    expect(matcher.match('U.S. forces said')).toEqual(['United States']);
  });

  it('is case-sensitive except for text in capitals, so "us" is not "US"', () => {
    expect(matcher.match('BAGHDAD — IRAQ said; the iraq war')).toEqual(['Iraq']);
    expect(matcher.match('The US central command (CENTCOM) said')).toEqual(['CENTCOM']);
  });

  it('returns tags in order of first mention, each once', () => {
    expect(matcher.match('Iran, Iraq, Iran, Iraq')).toEqual(['Iran', 'Iraq']);
  });

  it('never throws and only returns canonical names, whatever the text', () => {
    const names = new Set(["Kata'ib Hezbollah", 'Iraq', 'Islamic Resistance in Iraq', 'CENTCOM', 'United States', 'Iran']);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => matcher.match(text).every((t) => names.has(t))));
  });
});

describe('TaxonomyMatcher.canonicalize', () => {
  it('maps a front-matter tag spelling any taxonomy entry, in any case, to its canonical name', () => {
    expect(matcher.canonicalize('kataeb hezbollah')).toBe("Kata'ib Hezbollah");
    expect(matcher.canonicalize(' iraq ')).toBe('Iraq');
    expect(matcher.canonicalize('Economy')).toBe('Economy');
  });
});
