import fc from 'fast-check';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/seeds/front-matter.js';
import { readFrontMatterYaml } from '../../src/seeds/yaml-reader.js';
import { ContentErrors, SeedError } from '../../src/errors.js';

/** Every formatted error splitFrontMatter throws for `text`. */
function errorsOf(text: string): string[] {
  try {
    splitFrontMatter('seeds/a.md', text, readFrontMatterYaml);
  } catch (e) {
    if (e instanceof ContentErrors) return e.errors.map((x) => x.format());
    return [(e as SeedError).format()];
  }
  return [];
}

describe('splitFrontMatter', () => {
  it('returns text without front matter unchanged', () => {
    expect(splitFrontMatter('a.md', 'Hello\n', readFrontMatterYaml)).toMatchObject({ data: {}, body: 'Hello\n', bodyLine: 1 });
  });

  it('validates known keys and says on which line the body starts', () => {
    const split = splitFrontMatter('a.md', '---\ntitle: Hi\ndate: 2024-02-08\ntags: [Iraq, Iran]\ndraft: false\n---\nBody\n', readFrontMatterYaml);
    expect(split.data).toEqual({ title: 'Hi', date: '2024-02-08', tags: ['Iraq', 'Iran'], draft: false });
    expect(split.body).toBe('Body\n');
    expect(split.bodyLine).toBe(7);
  });

  it('keeps dates as strings so an impossible date can be reported, not rolled over', () => {
    expect(splitFrontMatter('a.md', '---\ndate: 2024-02-30\n---\nx', readFrontMatterYaml).data.date).toBe('2024-02-30');
  });

  it('drops the control characters a YAML escape writes into a string (XML forbids them in feeds and sitemaps)', () => {
    const split = splitFrontMatter('a.md', '---\ntitle: "Bell\\a, NUL\\0 and \\x01 \\uFFFE"\ntags: ["AT&T \\x07", "\\x1b[31mRed"]\nauthor: "\\x02Tom"\n---\nx', readFrontMatterYaml);
    expect(split.data).toEqual({ title: 'Bell, NUL and', tags: ['AT&T', '[31mRed'], author: 'Tom' });
  });

  it('refuses a string that is only control characters, as an empty one', () => {
    expect(errorsOf('---\ntitle: "\\a\\x01"\n---\nx')).toEqual(['seeds/a.md:2: front matter title: expected a non-empty string']);
  });

  it('accepts a single tag written as a string', () => {
    expect(splitFrontMatter('a.md', '---\ntags: Iraq\n---\nx', readFrontMatterYaml).data.tags).toEqual(['Iraq']);
  });

  it('warns about unknown keys at their line and ignores them', () => {
    const split = splitFrontMatter('seeds/a.md', '---\ntitle: T\ncategory: x\n---\nx', readFrontMatterYaml);
    expect(split.warnings.map((w) => w.format())).toEqual(['seeds/a.md:3: unknown front matter key "category" (ignored) (hint: known keys: title, date, tags, slug, summary, author, source, draft)']);
  });

  it('warns at the right line for any key: in other scripts, quoted, or named like a property of every object', () => {
    const split = splitFrontMatter('seeds/a.md', '---\ntitle: T\ntítulo: x\n"sección": y\n\'clé d\'\'or\': z\ntoString: 1\nconstructor: 2\n---\nx', readFrontMatterYaml);
    expect(split.warnings.map((w) => w.format().replace(/ \(hint: .*$/, ''))).toEqual([
      'seeds/a.md:3: unknown front matter key "título" (ignored)',
      'seeds/a.md:4: unknown front matter key "sección" (ignored)',
      "seeds/a.md:5: unknown front matter key \"clé d'or\" (ignored)",
      'seeds/a.md:6: unknown front matter key "toString" (ignored)',
      'seeds/a.md:7: unknown front matter key "constructor" (ignored)',
    ]);
  });

  it.each([
    ['2024-02-08T09:30:00Z', '2024-02-08'],
    ['2024-02-08T23:30:00-05:00', '2024-02-08'],
    ['2024-02-08 23:30:00 -05:00', '2024-02-08'],
    ['2024-02-08t00:15:00.123+14:00', '2024-02-08'],
    ['"2024-02-08T09:30"', '2024-02-08'],
  ])('takes a timestamp date %s as its written calendar date, never shifted by its offset', (written, date) => {
    expect(splitFrontMatter('a.md', `---\ndate: ${written}\n---\nx`, readFrontMatterYaml).data.date).toBe(date);
  });

  it.each([['2024-02-08T'], ['2024-02-08 noon'], ['2024-02-08T25']])('leaves %j as written (the date check refuses it)', (written) => {
    expect(splitFrontMatter('a.md', `---\ndate: "${written}"\n---\nx`, readFrontMatterYaml).data.date).toBe(written);
  });

  it('finds a key on its line in one pass, whatever run of blanks the line holds', () => {
    // A lazy key pattern before optional blanks went back over the run from each of its positions: minutes for this line.
    const split = splitFrontMatter('seeds/a.md', `---\ntitle: T\nk${' '.repeat(1_000_000)}x: 1\n---\nx`, readFrontMatterYaml);
    expect(split.warnings.map((w) => w.line)).toEqual([3]);
  });

  it('reports broken YAML at the file line', () => {
    expect(errorsOf('---\ntitle: ok\ntags: [a, b\n---\nx')).toEqual([expect.stringMatching(/^seeds\/a\.md:\d+: invalid YAML front matter: /)]);
    expect(errorsOf('---\ntitle: "unclosed\n---\nx')[0]).toMatch(/^seeds\/a\.md:[23]: invalid YAML front matter/);
  });

  it('reports every wrong type at its key line, all at once', () => {
    expect(errorsOf('---\ntitle: 42\ndate: 2024-01-01\ndraft: maybe\nsource: javascript:alert(1)\n---\nx')).toEqual([
      'seeds/a.md:2: front matter title: expected a string (hint: write it in quotes (title: "…") so YAML reads it as text)',
      'seeds/a.md:4: front matter draft: expected true or false',
      'seeds/a.md:5: front matter source: expected an absolute http(s) URL',
    ]);
  });

  it('says to quote a number or a true/false where text is expected, not a list', () => {
    expect(errorsOf('---\ntitle: 1984\ndate: 2024-01-01\nauthor: true\nslug: [a]\n---\nx')).toEqual([
      'seeds/a.md:2: front matter title: expected a string (hint: write it in quotes (title: "…") so YAML reads it as text)',
      'seeds/a.md:4: front matter author: expected a string (hint: write it in quotes (author: "…") so YAML reads it as text)',
      'seeds/a.md:5: front matter slug: expected a string',
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(errorsOf('---\ntitle: x\nbody')).toEqual(['seeds/a.md:1: front matter is not closed (hint: end it with a line of three dashes: ---)']);
  });

  it('reports front matter that is not a mapping', () => {
    expect(errorsOf('---\n- a\n- b\n---\nx')).toEqual(['seeds/a.md:2: front matter must be a set of key: value pairs']);
  });
});

describe('splitFrontMatter against gray-matter given the whole seed', () => {
  /** gray-matter parsing the whole text as the splitter configures it: the body and data it gives. */
  function wholeText(text: string): { body: string; data: unknown } | 'throws' {
    const engines = { yaml: { parse: (t: string): object => (yaml.load(t, { schema: yaml.JSON_SCHEMA }) ?? {}) as object, stringify: () => '' } };
    try {
      const parsed = matter(text, { engines, excerpt: false } as unknown as Parameters<typeof matter>[1]);
      return { body: parsed.content, data: parsed.data };
    } catch {
      return 'throws';
    }
  }

  it('gives the body and data gray-matter gives for the whole text, delimiter-like lines and all', () => {
    const line = fc.constantFrom('title: Harbour', 'tags: [a, b]', 'summary: "x: y"', '---x', '----', ' ---', '--- ', '---', '', 'date: 2024-01-02', 'slug: a-b', '# note', '\r');
    const lines = fc.array(line, { maxLength: 6 }).map((ls) => ls.join('\n'));
    const closing = fc.constantFrom('---\n', '---', '--- \t\n', '---\r\n', '---\n\n', '---\n\r\n');
    const text = fc.tuple(lines, closing, lines).map(([front, close, body]) => `---\n${front}\n${close}${body}`);
    fc.assert(
      fc.property(text, (t) => {
        const reference = wholeText(t);
        let split: { body: string; data: unknown } | 'throws';
        try {
          const s = splitFrontMatter('seeds/a.md', t, readFrontMatterYaml);
          split = { body: s.body, data: s.data };
        } catch {
          split = 'throws';
        }
        if (reference === 'throws') expect(split).toBe('throws');
        else if (split !== 'throws') expect(split.body).toBe(reference.body);
      }),
      { numRuns: 3000 },
    );
  });
});

