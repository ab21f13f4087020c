import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import slugify from '@sindresorhus/slugify';
import { articleSlug, baseSlug, tagSlug, truncateSlug } from '../../src/article/slug.js';

describe('tagSlug', () => {
  it.each([
    ['São Paulo', 'sao-paulo'],
    ["Kata'ib Hezbollah", 'kataib-hezbollah'],
    ['Kata’ib Hezbollah', 'kataib-hezbollah'],
    ['C++', 'c-plus-plus'],
    ['C', 'c'],
    ['C#', 'c-sharp'],
    ['AT&T', 'at-and-t'],
    ['CENTCOM', 'centcom'],
    ['../../etc/passwd', 'etc-passwd'],
  ])('%j → %j', (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });

  it('gives a stable fallback for names that slugify to nothing', () => {
    expect(tagSlug('日本')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('日本')).toBe(tagSlug('日本'));
    expect(tagSlug('日本')).not.toBe(tagSlug('中国'));
  });

  it('only ever contains [a-z0-9-] and is never empty', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(tagSlug(s))));
  });
});

describe('articleSlug', () => {
  it('cuts at a word boundary to at most 60 characters', () => {
    const slug = articleSlug('The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia');
    expect(slug).toBe('the-us-central-command-centcom-has-said-that-it-killed-a-a');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('never contains path separators or dots, and is never empty', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const slug = articleSlug(s);
        return slug.length > 0 && slug.length <= 60 && /^[a-z0-9-]+$/.test(slug) && !slug.startsWith('-');
      }),
    );
  });
});

describe('truncateSlug', () => {
  it('cuts a single over-long word hard', () => {
    expect(truncateSlug('a'.repeat(70))).toBe('a'.repeat(60));
  });
});

describe('baseSlug', () => {
  it('returns text that is a slug already unchanged, exactly as slugify would (its fast path skips slugify)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const slug = words.join('-');
        expect(baseSlug(slug)).toBe(slug);
        expect(slugify(slug, { decamelize: false })).toBe(slug);
      }),
    );
  });

  it('makes of any ASCII-only text exactly what slugify makes of it (its fast path skips transliteration)', () => {
    const options = { decamelize: false, customReplacements: [["'", ''], ['\u2019', ''], ['&', ' and '], ['+', ' plus '], ['#', ' sharp '], ['@', ' at '], ['%', ' percent ']] as [string, string][] };
    const ascii = fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code));
    // Headline-like words with the characters slugify treats specially: replacements, diacritics (^ `), dashes, backslashes, contractions.
    const tricky = fc.constantFrom('^', '`', '&', '+', '#', '@', '%', "'", "'s", "'t", '-', '--', '\\', '_', ' ', 'A', 'Iran', 'U.S.', 'C++', 'DON\'T', '3.5', 'x^2', '`cmd`');
    const text = fc.oneof(fc.string({ unit: ascii, maxLength: 80 }), fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (t) => {
        expect(baseSlug(t)).toBe(slugify(t, options));
      }),
      { numRuns: 5000 },
    );
  });

  it('still slugifies anything else', () => {
    expect(baseSlug('Already-Slug')).toBe('already-slug');
    expect(baseSlug('a--b')).toBe('a-b');
    expect(baseSlug('-a')).toBe('a');
  });
});
