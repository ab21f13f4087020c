import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../src/seeds/decode.js';
import { openingFence } from '../../src/seeds/front-matter.js';
import { createParseContext, parseSeed, prepareParseContext } from '../../src/seeds/parse.js';

const encode = (text: string) => new TextEncoder().encode(text);
const seed = (path: string, text: string) => ({ path, bytes: encode(text) });

describe('a parse context loads the Markdown processor and the YAML reader only for seeds that need them', () => {
  it('raw-text seeds without front matter need neither, and parse', async () => {
    const context = createParseContext({}, false);
    const seeds = [seed('a.txt', 'date 2024-01-02\nHarbour workers walked out on Monday.\n'), seed('b.TXT', 'date 2024-01-03\n- not a list: raw text\n')];
    await prepareParseContext(context, seeds);
    expect(context.markdown).toBeUndefined();
    expect(context.readYaml).toBeUndefined();
    expect(seeds.map((s) => parseSeed(s, context).ok)).toEqual([true, true]);
  });

  it('a Markdown seed loads the Markdown processor; a seed opening with --- (after a BOM too) the YAML reader', async () => {
    const context = createParseContext({}, false);
    await prepareParseContext(context, [seed('a.md', 'Text.\n')]);
    expect(context.markdown).toBeDefined();
    expect(context.readYaml).toBeUndefined();
    const withBom = seed('b.txt', '\uFEFF---\ndate: 2024-01-02\n---\nHarbour workers walked out.\n');
    await prepareParseContext(context, [withBom]);
    expect(context.readYaml).toBeDefined();
    const parsed = parseSeed(withBom, context);
    expect(parsed.ok && parsed.article.date).toBe('2024-01-02');
  });

  it('a seed it was not prepared for is a programming error, never a wrong parse', async () => {
    const context = createParseContext({}, false);
    const markdown = seed('a.md', '---\ndate: 2024-01-02\n---\nText.\n');
    expect(() => parseSeed(markdown, context)).toThrow('a.md: the YAML reader was not loaded for this seed (see prepareParseContext)');
    await prepareParseContext(context, [seed('b.txt', '---\ndate: 2024-01-02\n---\nText.\n')]);
    expect(() => parseSeed(markdown, context)).toThrow('a.md: the Markdown processor was not loaded for this seed (see prepareParseContext)');
  });

  it('a seed opening with +++ loads the TOML reader, and no other does', async () => {
    const context = createParseContext({}, false);
    await prepareParseContext(context, [seed('a.md', '---\ndate: 2024-01-02\n---\nText.\n'), seed('b.txt', 'date 2024-01-02\n+++\n')]);
    expect(context.readToml).toBeUndefined();
    const toml = seed('c.md', '+++\ndate = 2024-01-02\n+++\nText.\n');
    expect(() => parseSeed(toml, context)).toThrow('c.md: the TOML reader was not loaded for this seed (see prepareParseContext)');
    await prepareParseContext(context, [toml]);
    expect(context.readToml).toBeDefined();
    const parsed = parseSeed(toml, context);
    expect(parsed.ok && parsed.article.date).toBe('2024-01-02');
  });

  it('the byte test is sound: every seed whose decoded text opens a front matter fence passes it with that fence (BOMs and control characters anywhere)', () => {
    const char = fc.constantFrom('-', '-', '-', '+', '+', '+', '\uFEFF', '\u0001', '\u001F', '\u007F', '\uFFFE', '\uFFFF', '\r', '\n', ' ', '\t', 'a', 'é');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 10 }), fc.string({ maxLength: 10 }), (start, rest) => {
        const bytes = encode(start.join('') + rest);
        let text: string;
        try {
          text = decodeSeed('s.txt', bytes);
        } catch {
          return;
        }
        if (/^---[ \t]*\n/.test(text)) expect(openingFence(bytes)).toBe('-');
        if (/^\+\+\+[ \t]*\n/.test(text)) expect(openingFence(bytes)).toBe('+');
      }),
      { numRuns: 5000 },
    );
    expect(openingFence(encode('date 2024-01-02\n---\n'))).toBeUndefined();
    expect(openingFence(encode('\uFEFF\uFEFF-\u0001--\n'))).toBe('-');
    expect(openingFence(encode('+\u0001++\n'))).toBe('+');
    expect(openingFence(encode('-+-\n'))).toBeUndefined();
  });
});
