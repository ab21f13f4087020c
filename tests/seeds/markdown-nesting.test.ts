import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingProblem } from '../../src/seeds/markdown-nesting.js';
import { loadParseContext, parseSeed } from '../../src/seeds/parse.js';
import type { BodyProcessor } from '../../src/article/body-html.js';

/** The message for `body` (starting on seed line 6), or undefined when it is within the limit. */
const problem = (body: string) => nestingProblem('a.md', body, 6)?.format();

describe('nestingProblem', () => {
  it('allows 64 quotes on a line and rejects 65, naming the seed line', () => {
    expect(problem(`Lead.\n\n${'>'.repeat(MAX_NESTING)} deep\n`)).toBeUndefined();
    expect(problem(`Lead.\n\n${'>'.repeat(MAX_NESTING + 1)} deep\n`)).toBe('a.md:8: quotes or lists nested 65 levels deep (the limit is 64) (hint: nest fewer quotes and lists inside each other)');
  });

  it('counts quote markers written with spaces between them once each', () => {
    expect(problem(`${'> '.repeat(MAX_NESTING)}deep\n`)).toBeUndefined();
    expect(problem(`${'> '.repeat(MAX_NESTING + 1)}deep\n`)).toMatch(/nested 65 levels/);
  });

  it('counts lists nested by indentation, two columns a level, and list markers of every kind', () => {
    const lists = (levels: number, marker: string) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}${marker} item\n`).join('');
    expect(problem(lists(MAX_NESTING, '*'))).toBeUndefined();
    for (const marker of ['*', '-', '+', '1.', '2)']) expect(problem(lists(MAX_NESTING + 2, marker))).toMatch(/^a\.md:\d+: quotes or lists nested 6[5-9] levels deep/);
    expect(problem(`${'\t'.repeat(40)}- item\n`)).toMatch(/nested \d+ levels deep/);
  });

  it('leaves indented lines without a marker alone: code, continued paragraphs, emphasis and numbers', () => {
    expect(problem(`${' '.repeat(400)}code line\n${' '.repeat(300)}*emphasis* and 3.5 per cent\n`)).toBeUndefined();
    expect(problem(`${' '.repeat(400)}1234567890. not a list marker (ten digits)\n`)).toBeUndefined();
  });
});

describe('a seed that overflows the stack while it is converted', () => {
  it('is a content error, not a crash', async () => {
    const overflowing = {
      parse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    } as unknown as BodyProcessor;
    const context = { ...(await loadParseContext({}, false)), markdown: overflowing };
    const result = parseSeed({ path: 'deep.md', bytes: new TextEncoder().encode('---\ndate: 2024-03-01\n---\n\nText.\n') }, context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.format())).toEqual(['deep.md:1: nested too deeply to convert (quotes, lists or inline markup inside each other) (hint: nest fewer things inside each other)']);
  });

  it('other errors still surface as they are (a bug is not a content problem)', async () => {
    const broken = {
      parse: () => {
        throw new TypeError('a bug');
      },
    } as unknown as BodyProcessor;
    const context = { ...(await loadParseContext({}, false)), markdown: broken };
    expect(() => parseSeed({ path: 'x.md', bytes: new TextEncoder().encode('---\ndate: 2024-03-01\n---\n\nText.\n') }, context)).toThrow('a bug');
  });
});
