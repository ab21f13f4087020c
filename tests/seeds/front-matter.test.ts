import fc from 'fast-check';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/seeds/front-matter.js';
import { readTomlBlock } from '../../src/seeds/toml-reader.js';
import { readFrontMatterYaml } from '../../src/seeds/yaml-reader.js';
import { ContentErrors, SeedError } from '../../src/errors.js';

/** Both readers loaded, as prepareParseContext loads them for seeds that open with `---` or `+++`. */
const readers = { readYaml: readFrontMatterYaml, readToml: readTomlBlock };

/** Every formatted error splitFrontMatter throws for `text`. */
function errorsOf(text: string): string[] {
  try {
    splitFrontMatter('seeds/a.md', text, readers);
  } catch (e) {
    if (e instanceof ContentErrors) return e.errors.map((x) => x.format());
    return [(e as SeedError).format()];
  }
  return [];
}

describe('splitFrontMatter', () => {
  it('returns text without front matter unchanged', () => {
    expect(splitFrontMatter('a.md', 'Hello\n', readers)).toMatchObject({ data: {}, body: 'Hello\n', bodyLine: 1 });
  });

  it('validates known keys and says on which line the body starts', () => {
    const split = splitFrontMatter('a.md', '---\ntitle: Hi\ndate: 2024-02-08\ntags: [Iraq, Iran]\ndraft: false\n---\nBody\n', readers);
    expect(split.data).toEqual({ title: 'Hi', date: '2024-02-08', tags: ['Iraq', 'Iran'], draft: false });
    expect(split.body).toBe('Body\n');
    expect(split.bodyLine).toBe(7);
  });

  it('keeps dates as strings so an impossible date can be reported, not rolled over', () => {
    expect(splitFrontMatter('a.md', '---\ndate: 2024-02-30\n---\nx', readers).data.date).toBe('2024-02-30');
  });

  it('drops the control characters a YAML escape writes into a string (XML forbids them in feeds and sitemaps)', () => {
    const split = splitFrontMatter('a.md', '---\ntitle: "Bell\\a, NUL\\0 and \\x01 \\uFFFE"\ntags: ["AT&T \\x07", "\\x1b[31mRed"]\nauthor: "\\x02Tom"\n---\nx', readers);
    expect(split.data).toEqual({ title: 'Bell, NUL and', tags: ['AT&T', '[31mRed'], author: 'Tom' });
  });

  it('refuses a string that is only control characters, as an empty one', () => {
    expect(errorsOf('---\ntitle: "\\a\\x01"\n---\nx')).toEqual(['seeds/a.md:2: front matter title: expected a non-empty string']);
  });

  it('accepts a single tag written as a string', () => {
    expect(splitFrontMatter('a.md', '---\ntags: Iraq\n---\nx', readers).data.tags).toEqual(['Iraq']);
  });

  it('warns about unknown keys at their line and ignores them', () => {
    const split = splitFrontMatter('seeds/a.md', '---\ntitle: T\nlayout: x\n---\nx', readers);
    expect(split.warnings.map((w) => w.format())).toEqual(['seeds/a.md:3: unknown front matter key "layout" (ignored) (hint: known keys: title, date, updated, tags, slug, summary, author, source, draft, aliases, lang)']);
  });

  it('warns at the right line for any key: in other scripts, quoted, or named like a property of every object', () => {
    const split = splitFrontMatter('seeds/a.md', '---\ntitle: T\ntítulo: x\n"sección": y\n\'clé d\'\'or\': z\ntoString: 1\nconstructor: 2\n---\nx', readers);
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
    expect(splitFrontMatter('a.md', `---\ndate: ${written}\n---\nx`, readers).data.date).toBe(date);
  });

  it.each([['2024-02-08T'], ['2024-02-08 noon'], ['2024-02-08T25']])('leaves %j as written (the date check refuses it)', (written) => {
    expect(splitFrontMatter('a.md', `---\ndate: "${written}"\n---\nx`, readers).data.date).toBe(written);
  });

  it('finds a key on its line in one pass, whatever run of blanks the line holds', () => {
    // A lazy key pattern before optional blanks went back over the run from each of its positions: minutes for this line.
    const split = splitFrontMatter('seeds/a.md', `---\ntitle: T\nk${' '.repeat(1_000_000)}x: 1\n---\nx`, readers);
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

describe('front matter keys Hugo and Jekyll write for what broadsheet reads', () => {
  it('reads categories and category as tags, description or excerpt as the summary, authors as the author, published: false as a draft; no warning', () => {
    const split = splitFrontMatter('a.md', '---\nlayout: post\ncategories: [World, Iraq]\ncategory: Local\ndescription: The council voted.\nauthors: [Ana Lima, Tom Ede]\npublished: false\n---\nx', readers);
    expect(split.data).toEqual({ tags: ['World', 'Iraq', 'Local'], summary: 'The council voted.', author: 'Ana Lima, Tom Ede', draft: true });
    expect(split.warnings.map((w) => w.format().replace(/ \(hint: .*$/, ''))).toEqual(['a.md:2: unknown front matter key "layout" (ignored)']);
    expect(splitFrontMatter('a.md', '+++\nexcerpt = "An excerpt."\npublished = true\ncategories = "Sport"\n+++\nx', readers).data).toEqual({ summary: 'An excerpt.', tags: ['Sport'] });
  });

  it("lets broadsheet's own key win, and adds categories to tags", () => {
    const split = splitFrontMatter('a.md', '---\ntags: [Iraq]\ncategories: [World]\nsummary: Own.\ndescription: Other.\nauthor: Ana\nauthors: [Tom]\ndraft: false\npublished: false\n---\nx', readers);
    expect(split.data).toEqual({ tags: ['Iraq', 'World'], summary: 'Own.', author: 'Ana', draft: false });
  });

  it('checks their types like any key, at their lines', () => {
    expect(errorsOf('---\ncategories: {a: 1}\ndescription: 42\npublished: maybe\n---\nx')).toEqual([
      'seeds/a.md:2: front matter categories: expected a list of strings',
      'seeds/a.md:3: front matter description: expected a string (hint: write it in quotes (description: "…") so YAML reads it as text)',
      'seeds/a.md:4: front matter published: expected true or false',
    ]);
  });
});

describe('splitFrontMatter on TOML (+++) front matter', () => {
  it('gives the data, the body after the closing line and the line it starts on', () => {
    const split = splitFrontMatter('a.md', '+++\ntitle = "T"\ntags = [\n  "a",\n  "b",\n]\n+++\nBody\n', readers);
    expect(split).toMatchObject({ data: { title: 'T', tags: ['a', 'b'] }, body: 'Body\n', bodyLine: 8 });
    expect(splitFrontMatter('a.md', '+++\n+++\nBody', readers)).toMatchObject({ data: {}, body: 'Body', bodyLine: 3 });
  });

  it('takes any TOML date-time as its written calendar date, never shifted by its offset', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const time = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }) }).map(({ h, m, s }) => `${two(h)}:${two(m)}:${two(s)}`);
    const offset = fc.oneof(fc.constant(''), fc.constant('Z'), fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 14 }), m: fc.constantFrom(0, 30, 45) }).map(({ sign, h, m }) => `${sign}${two(h)}:${two(m)}`));
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.option(fc.tuple(fc.constantFrom('T', ' '), time, offset)), (day, rest) => {
        const written = rest === null ? day : `${day}${rest[0]}${rest[1]}${rest[2]}`;
        expect(splitFrontMatter('a.md', `+++\ndate = ${written}\n+++\nx`, readers).data.date).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('locates top-level keys, tables included, for warnings; keys inside a table are not top-level', () => {
    const split = splitFrontMatter('a.md', '+++\ntitle = "T"\n"sección" = 1\n\n[params]\ntitle = "x"\n[[cascade]]\nk = 1\n+++\nx', readers);
    expect(split.warnings.map((w) => w.format().replace(/ \(hint: .*$/, ''))).toEqual([
      'a.md:3: unknown front matter key "sección" (ignored)',
      'a.md:5: unknown front matter key "params" (ignored)',
      'a.md:7: unknown front matter key "cascade" (ignored)',
    ]);
  });

  it('reports broken TOML at its file line, and every wrong type at its key line', () => {
    expect(errorsOf('+++\ntitle = "T"\ntitle = "U"\n+++\nx')).toEqual(['seeds/a.md:3: invalid TOML front matter: trying to redefine an already defined table or value']);
    expect(errorsOf('+++\ntags = "a", "b"\n+++\nx')).toEqual([expect.stringMatching(/^seeds\/a\.md:2: invalid TOML front matter: /)]);
    expect(errorsOf('+++\ndate = 2024-01-01\ndraft = "yes"\nauthor = true\n+++\nx')).toEqual([
      'seeds/a.md:3: front matter draft: expected true or false',
      'seeds/a.md:4: front matter author: expected a string (hint: write it in quotes (author = "…") so TOML reads it as text)',
    ]);
  });
});

describe('front matter nested without end', () => {
  it('is an error for TOML, read for JSON (an unknown key), the stack never overflowing', () => {
    expect(errorsOf(`+++\ndate = 2024-01-02\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n+++\nBody`)).toEqual(['seeds/a.md:3: invalid TOML front matter: document contains excessively nested structures. aborting.']);
    const json = splitFrontMatter('a.md', `{"date": "2024-01-02", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\nBody`, readers);
    expect(json.warnings.map((w) => w.message)).toEqual(['unknown front matter key "x" (ignored)']);
  });
});

describe('splitFrontMatter on JSON front matter', () => {
  it('reads the object opening the file; the body starts on the line after its closing brace', () => {
    const split = splitFrontMatter('a.md', '{\n  "title": "A { brace \\" and }",\n  "tags": ["a", "b"]\n}\nBody\n', readers);
    expect(split).toMatchObject({ data: { title: 'A { brace " and }', tags: ['a', 'b'] }, body: 'Body\n', bodyLine: 5 });
    expect(splitFrontMatter('a.md', '{"title": "T"} Body', readers)).toMatchObject({ data: { title: 'T' }, body: ' Body', bodyLine: 1 });
  });

  it('locates top-level keys for warnings, not the keys of nested objects', () => {
    const split = splitFrontMatter('a.md', '{\n  "params": {\n    "weight": 1\n  },\n  "weight": 2\n}\nx', readers);
    expect(split.warnings.map((w) => w.format().replace(/ \(hint: .*$/, ''))).toEqual([
      'a.md:2: unknown front matter key "params" (ignored)',
      'a.md:5: unknown front matter key "weight" (ignored)',
    ]);
  });

  it('reports JSON it cannot read at its file line, an object never closed, and wrong types at their key lines', () => {
    expect(errorsOf('{\n  "title": "T",\n  "date": 2024-01-01\n}\nx')).toEqual([expect.stringMatching(/^seeds\/a\.md:3: invalid JSON front matter: /)]);
    expect(errorsOf('{\n  "title": "T"\nBody')).toEqual(['seeds/a.md:1: front matter is not closed (hint: end the JSON object with a } before the body)']);
    expect(errorsOf('{\n  "date": "2024-01-01",\n  "title": 1984\n}\nx')).toEqual(['seeds/a.md:3: front matter title: expected a string (hint: write it in quotes ("title": "…") so JSON reads it as text)']);
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
          const s = splitFrontMatter('seeds/a.md', t, readers);
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

