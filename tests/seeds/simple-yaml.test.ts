import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml } from '../../src/seeds/simple-yaml.js';

/** What js-yaml's JSON schema reads, or that it refuses. */
function jsYaml(text: string): { data: unknown } | { error: true } {
  try {
    return { data: yaml.load(text, { schema: yaml.JSON_SCHEMA }) };
  } catch {
    return { error: true };
  }
}

describe('readSimpleYaml', () => {
  it('reads the everyday front matter: quoted and plain strings, dates, booleans, lists at any indentation', () => {
    const text = '\nsummary: "\\"Quoted\\" and a back\\\\slash"\ntitle: "Priya Galloway Backs Renewed Facility Over \'Preliminary\'"\ndate: 2014-01-04\nslug: priya-galloway\ndraft: false\nsource: https://example.org/a?b=c\ntags:\n  - "Priya Galloway"\n  - Bartłomiej Esterhaus\nauthor: \'Jane "JD" Doe\'  \nother:\n- x\n- true\n';
    const data = readSimpleYaml(text);
    expect(data).toEqual({
      summary: '"Quoted" and a back\\slash',
      title: "Priya Galloway Backs Renewed Facility Over 'Preliminary'",
      date: '2014-01-04',
      slug: 'priya-galloway',
      draft: false,
      source: 'https://example.org/a?b=c',
      tags: ['Priya Galloway', 'Bartłomiej Esterhaus'],
      author: 'Jane "JD" Doe',
      other: ['x', true],
    });
    expect(jsYaml(text)).toEqual({ data });
  });

  it.each([
    ['a comment', 'title: x # note'],
    ['a comment line', '# note\ntitle: x'],
    ['a number', 'count: 12'],
    ['a null', 'title: null'],
    ['a key with nothing after it', 'title:\ndate: 2024-01-01'],
    ['a repeated key', 'title: a\ntitle: b'],
    ['a nested map', 'meta:\n  a: b'],
    ['a flow list', 'tags: [a, b]'],
    ['an escape other than \\" and \\\\', 'title: "a\\nb"'],
    ['a doubled single quote', "title: 'it''s'"],
    ['a tab', 'title:\tx'],
    ['a colon that ends a word', 'title: Note: this'],
    ['an alias', 'title: *a'],
    ['a block scalar', 'title: |\n  x'],
    ['a multi-line plain string', 'title: one\n  two'],
    ['items at two indentations', 'tags:\n  - a\n    - b'],
    ['a __proto__ key', '__proto__: x'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  /** Lines of front matter, everyday and near misses alike. */
  const key = fc.constantFrom('title', 'date', 'tags', 'slug', 'draft', 'a-b', '_x', 'true', 'null', '__proto__', ' title', 'ti tle', 'title ');
  const value = fc.oneof(
    fc.stringMatching(/^[A-Za-zé"' :#\-\[\]{},&*!|>%@`.\\/?0-9~]{0,16}$/),
    fc.constantFrom('true', 'False', 'NULL', '~', '2024-02-30', '12', '1e3', '0x1F', '.inf', '"a"', "'a'", '"a" ', '"a" # c', "'a''b'", '"\\u0041"', 'é', 'Ünïcödé text', 'a: b', 'a:b', 'x #y', 'x#y', '', 'a\x01b', 'a\x85b', 'a\uFFFEb', 'a\uD800b', 'a\u2028b', 'a\tb', '"a\\"b"', '"a\\\\b"', '"a\\nb"', '"\\"quoted\\""', '"a\\\\"', '"a\\"', '"a\\\\\\"b"'),
  );
  const line = fc.oneof(
    fc.tuple(key, fc.constantFrom(': ', ':', ':  ', ' : '), value).map(([k, sep, v]) => `${k}${sep}${v}`),
    fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t'), value).map(([indent, v]) => `${indent}- ${v}`),
    fc.constantFrom('', '  ', '# comment', '---', '...', 'key:\r', '\uFEFFtitle: x'),
  );

  it('reads nothing js-yaml would read otherwise or refuse, for any front matter of such lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = `\n${lines.join('\n')}\n`;
        const ours = readSimpleYaml(text);
        if (ours === undefined) return;
        const theirs = jsYaml(text);
        expect(theirs).toEqual({ data: ours });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every front matter of the bench corpus shape itself', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Za-z' ]{0,40}[a-z]$/),
        fc.array(fc.stringMatching(/^[A-Z][a-zé]{1,8}(?: [A-Z][a-zł]{1,8}){0,2}$/), { minLength: 1, maxLength: 4 }),
        (title, tags) => {
          const text = `\ntitle: "${title}"\ndate: 2014-01-04\nslug: a-b\ntags:\n${tags.map((t) => `  - "${t}"`).join('\n')}\n`;
          const data = readSimpleYaml(text);
          expect(data).toBeDefined();
          expect(jsYaml(text)).toEqual({ data });
        },
      ),
    );
  });
});
