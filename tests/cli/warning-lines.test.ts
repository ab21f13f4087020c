import { describe, expect, it } from 'vitest';
import { SeedError } from '../../src/errors.js';
import { warningLines } from '../../src/warning-lines.js';

const unknownKey = (file: string, key: string) => new SeedError(file, 2, `unknown front matter key "${key}" (ignored)`, 'known keys: title, date');

describe('warningLines', () => {
  it('lists each warning while it stands for three seeds or fewer', () => {
    expect(warningLines([unknownKey('a.md', 'layout'), unknownKey('b.md', 'layout'), unknownKey('c.md', 'weight')])).toEqual([
      'warning: a.md:2: unknown front matter key "layout" (ignored) (hint: known keys: title, date)',
      'warning: b.md:2: unknown front matter key "layout" (ignored) (hint: known keys: title, date)',
      'warning: c.md:2: unknown front matter key "weight" (ignored) (hint: known keys: title, date)',
    ]);
  });

  it('lists the same warning for its first three seeds and counts the rest in one line, each warning apart', () => {
    const warnings = [...['a', 'b', 'c', 'd', 'e'].map((f) => unknownKey(`${f}.md`, 'layout')), ...['f', 'g', 'h', 'i'].map((f) => unknownKey(`${f}.md`, 'weight'))];
    expect(warningLines(warnings)).toEqual([
      'warning: a.md:2: unknown front matter key "layout" (ignored) (hint: known keys: title, date)',
      'warning: b.md:2: unknown front matter key "layout" (ignored) (hint: known keys: title, date)',
      'warning: c.md:2: unknown front matter key "layout" (ignored) (hint: known keys: title, date)',
      'warning: f.md:2: unknown front matter key "weight" (ignored) (hint: known keys: title, date)',
      'warning: g.md:2: unknown front matter key "weight" (ignored) (hint: known keys: title, date)',
      'warning: h.md:2: unknown front matter key "weight" (ignored) (hint: known keys: title, date)',
      'warning: the same for 2 more seeds: unknown front matter key "layout" (ignored)',
      'warning: the same for 1 more seed: unknown front matter key "weight" (ignored)',
    ]);
  });

  it('escapes control characters in the counted line as in every other', () => {
    const key = 'k\u202ex\u001b';
    expect(warningLines(['a', 'b', 'c', 'd'].map((f) => unknownKey(`${f}.md`, key))).at(-1)).toBe('warning: the same for 1 more seed: unknown front matter key "k\\u202ex\\u001b" (ignored)');
  });
});
