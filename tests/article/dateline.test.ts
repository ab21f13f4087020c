import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDateline } from '../../src/article/dateline.js';

describe('splitDateline', () => {
  it.each([
    ['Washington, February 8: The US central command said', 'Washington, February 8', 'The US central command said'],
    ['WASHINGTON (AP) — The Senate voted', 'WASHINGTON (AP)', 'The Senate voted'],
    ['LONDON, Feb 8 (Reuters) - Britain said', 'LONDON, Feb 8 (Reuters)', 'Britain said'],
    ['BEIRUT, Lebanon — Officials said', 'BEIRUT, Lebanon', 'Officials said'],
    ['NEW YORK, March 3, 2024 — Markets rose', 'NEW YORK, March 3, 2024', 'Markets rose'],
    ['Kyiv, Ukraine, Feb. 8 (AFP) – Russia said', 'Kyiv, Ukraine, Feb. 8 (AFP)', 'Russia said'],
    ['São Paulo, May 2: Prices rose', 'São Paulo, May 2', 'Prices rose'],
  ])('finds the dateline in %j', (text, dateline, rest) => {
    expect(splitDateline(text)).toEqual({ dateline, rest });
  });

  it.each([
    'Washington said on Monday that it would act.',
    'President Biden: we will respond.',
    'The US central command (CENTCOM) has said that it killed a commander.',
    'In Baghdad, February is cold — and wet.',
    'Note: this story has been updated.',
    'Update: the minister resigned.',
    'BREAKING: markets fall.',
    '"We will fight," he said — and left.',
    'The Pentagon - a building of five sides - was quiet.',
    'Officials in Beirut said on Friday that talks would resume.',
  ])('leaves ordinary prose alone: %j', (text) => {
    expect(splitDateline(text)).toBeUndefined();
  });

  it('never throws, and what it splits off plus the rest loses no word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const split = splitDateline(text);
        if (!split) return true;
        const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
        return words(text).join(' ') === [...words(split.dateline), ...words(split.rest)].join(' ');
      }),
    );
  });
});
