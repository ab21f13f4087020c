import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigText, lineAndColumnAt } from '../src/config-location.js';

describe('lineAndColumnAt', () => {
  it('points at the character at the offset (1-based line and column, lines ended by CR LF, LF or CR), for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', '{', '"') }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % text.length;
        // An offset between the CR and LF of one break points at the LF, which ends the line.
        if (text[offset] === '\n' && text[offset - 1] === '\r') return;
        const { line, column } = lineAndColumnAt(text, offset);
        const lines = text.split(/\r\n|\n|\r/);
        expect(line).toBeLessThanOrEqual(lines.length);
        if (offset < text.length) expect(lines[line - 1]![column - 1] ?? 'a line break').toBe(/[\r\n]/.test(text[offset]!) ? 'a line break' : text[offset]);
      }),
    );
  });
});

describe('ConfigText', () => {
  const text = ['{', '  "title": "X",', '  "taxonomy": {', '    "Iraq":', '      ["Iraqi", "Baghdad"]', '  }', '}'].join('\n');
  const where = new ConfigText(text);

  it('finds the line of a value, an array element and a key written above its value', () => {
    expect(where.lineOf(['title'])).toBe(2);
    expect(where.lineOf(['taxonomy', 'Iraq', 1])).toBe(5);
    expect(where.lineOf(['taxonomy'], 'Iraq')).toBe(4);
  });

  it('has no line for what is not written', () => {
    expect(where.lineOf(['pageSize'])).toBeUndefined();
    expect(new ConfigText('not json').lineOf(['title'])).toBeUndefined();
  });
});
