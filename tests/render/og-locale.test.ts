import { describe, expect, it } from 'vitest';
import { ogLocaleOf } from '../../src/render/views.js';

describe("OpenGraph's locale of the site language", () => {
  it('is language_TERRITORY: the territory given, or the likely one for a bare language', () => {
    expect(['en', 'en-GB', 'fr', 'de-CH', 'zh-Hant-TW', 'pt'].map(ogLocaleOf)).toEqual(['en_US', 'en_GB', 'fr_FR', 'de_CH', 'zh_TW', 'pt_BR']);
  });

  it('is left out (empty) for a language with no territory to be had', () => {
    expect(ogLocaleOf('xx')).toBe('');
  });
});
