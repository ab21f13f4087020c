import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hasDuplicateKeys } from '../src/config-duplicates.js';
import { loadConfig, parseConfig } from '../src/config.js';

/** What a config string with a control character is told. */
const CONTROL_PROBLEM = 'expected text without control characters (U+0000–U+001F other than tab and line ends, U+007F, U+FFFE, U+FFFF)';

describe('parseConfig', () => {
  it('fills every key with a default', () => {
    expect(parseConfig({}, 'site.config.json')).toMatchObject({ title: 'Broadsheet', pageSize: 20, language: 'en', taxonomy: {}, taxonomyMinMentions: 1, allowRawHtml: false, baseUrl: 'http://localhost:8080/' });
  });

  it('adds the trailing slash to the base URL', () => {
    expect(parseConfig({ baseUrl: 'https://example.org/archive' }, 'c.json').baseUrl).toBe('https://example.org/archive/');
  });

  it.each([
    [{ pageSize: 0 }, 'site.config.json: pageSize: expected a positive integer'],
    [{ pageSize: 'ten' }, 'site.config.json: pageSize: expected a positive integer'],
    [{ pageSize: 2.5 }, 'site.config.json: pageSize: expected a positive integer'],
    [{ baseUrl: 'example.org' }, 'site.config.json: baseUrl: expected an absolute URL such as https://example.org/archive/'],
    [{ baseUrl: 'javascript:alert(1)' }, 'site.config.json: baseUrl: expected an http(s) URL'],
    [{ taxonomy: { Iraq: 'Iraqi' } }, 'site.config.json: taxonomy.Iraq: Invalid input: expected array, received string'],
    [{ taxonomyMinMentions: 0 }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ taxonomyMinMentions: 1.5 }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ taxonomyMinMentions: '3' }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ titel: 'x' }, 'site.config.json: unknown key "titel" (did you mean "title"?)'],
    [{ colour: 'x' }, 'site.config.json: unknown key "colour"'],
    [{ taxonomy: { ' ': [] } }, 'site.config.json: taxonomy. : expected a non-empty tag name'],
    [[], 'site.config.json: (top level): Invalid input: expected object, received array'],
    [{ language: 'en-x1' }, 'site.config.json: language: expected a language tag such as en or en-GB'],
    [{ language: 'english' }, 'site.config.json: language: expected a language tag such as en or en-GB'],
    [{ baseUrl: 'https://example.org/my archive/' }, 'site.config.json: baseUrl: expected a URL without spaces or line breaks (write a space as %20)'],
    [{ baseUrl: 'https://example.org/\narchive/' }, 'site.config.json: baseUrl: expected a URL without spaces or line breaks (write a space as %20)'],
    [{ title: 'Broad\u0007sheet' }, `site.config.json: title: ${CONTROL_PROBLEM}`],
    [{ description: 'An archive\u007f' }, `site.config.json: description: ${CONTROL_PROBLEM}`],
    [{ taxonomy: { Iraq: ['Iraqi\ufffe'] } }, `site.config.json: taxonomy.Iraq.0: ${CONTROL_PROBLEM}`],
  ])('rejects %j with %j', (value, message) => {
    expect(() => parseConfig(value, 'site.config.json')).toThrow(message);
  });
});

/** The error loadConfig throws for a config file with `text`, as the CLI prints it. */
async function configError(text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'broadsheet-config-')), 'site.config.json');
  await writeFile(file, text);
  const error = await loadConfig(file, true).then(
    () => undefined,
    (e: Error) => e,
  );
  if (error === undefined) throw new Error('the config was accepted');
  return error.message.replaceAll(file, 'site.config.json');
}

describe('loadConfig names the line of each problem', () => {
  it('gives each bad value its line, every problem at once', async () => {
    const text = ['{', '  "title": "Archive",', '  "pageSize": "twenty",', '  "taxonomy": {', '    "Iraq": ["Iraqi", ""],', '    "  ": []', '  },', '  "feedSize": 0', '}'].join('\n');
    expect(await configError(text)).toBe(
      [
        'site.config.json:3: pageSize: expected a positive integer',
        'site.config.json:5: taxonomy.Iraq.1: expected a non-empty alias',
        'site.config.json:6: taxonomy.  : expected a non-empty tag name',
        'site.config.json:8: feedSize: expected a positive integer',
      ].join('\n'),
    );
  });

  it('refuses control characters in every string, once per value, and shows a key that has one as a JSON string', async () => {
    // JSON writes them with \u escapes; from a title, URL or tag they would reach every feed and the sitemap, which XML forbids them in.
    const text = ['{', '  "title": "Broad\\u0007sheet",', '  "baseUrl": "https://exa\\u0001mple.org/",', '  "taxonomy": {', '    "Ir\\u001bq": []', '  },', '  "publisher": "\\uffff",', '  "description": "tabs\\tand\\nline ends are text"', '}'].join('\n');
    expect(await configError(text)).toBe(
      [
        `site.config.json:2: title: ${CONTROL_PROBLEM}`,
        `site.config.json:3: baseUrl: ${CONTROL_PROBLEM}`,
        `site.config.json:5: taxonomy."Ir\\u001bq": ${CONTROL_PROBLEM}`,
        `site.config.json:7: publisher: ${CONTROL_PROBLEM}`,
      ].join('\n'),
    );
  });

  it('gives each unknown key its line and the known key it looks like (another case, a letter or two off)', async () => {
    const text = ['{', '  "titel": "Archive",', '  "baseURL": "https://example.org/",', '  "page_size": 10,', '  "colour": "red"', '}'].join('\n');
    expect(await configError(text)).toBe(
      [
        'site.config.json:2: unknown key "titel" (did you mean "title"?)',
        'site.config.json:3: unknown key "baseURL" (did you mean "baseUrl"?)',
        'site.config.json:4: unknown key "page_size" (did you mean "pageSize"?)',
        'site.config.json:5: unknown key "colour"',
      ].join('\n'),
    );
  });

  it('reports a key written twice at its second line, naming the first, together with what is wrong with the value JSON.parse keeps', async () => {
    const text = ['{', '  "pageSize": 3,', '  "taxonomy": { "A": ["x"],', '    "A": "oops" },', '  "pageSize": -3', '}'].join('\n');
    expect(await configError(text)).toBe(
      [
        'site.config.json:4: taxonomy.A: Invalid input: expected array, received string',
        'site.config.json:4: taxonomy: key "A" written twice, first at line 3 (hint: JSON keeps only the last; merge the two)',
        'site.config.json:5: pageSize: expected a positive integer',
        'site.config.json:5: key "pageSize" written twice, first at line 2 (hint: JSON keeps only the last; merge the two)',
      ].join('\n'),
    );
  });

  it('refuses a taxonomy entry written twice, whose first aliases JSON.parse dropped without a word, wherever the object is', async () => {
    const text = ['{', '  "title": "A",', '  "taxonomy": {', '    "Iraq": ["Iraqi"],', '    "Iran": [],', '    "Iraq": ["Baghdad"]', '  },', '  "title": "B"', '}'].join('\n');
    expect(await configError(text)).toBe(
      [
        'site.config.json:6: taxonomy: key "Iraq" written twice, first at line 4 (hint: JSON keeps only the last; merge the two)',
        'site.config.json:8: key "title" written twice, first at line 2 (hint: JSON keeps only the last; merge the two)',
      ].join('\n'),
    );
    expect(await configError('{"taxonomy": {"I\\"q": [], "I\\"q": []}}')).toBe('site.config.json:1: taxonomy: key "I\\"q" written twice, first at line 1 (hint: JSON keeps only the last; merge the two)');
  });

  it('counts keys exactly whatever the text around them holds: no false alarm, no duplicate missed (quotes, backslashes, colons and braces in keys and strings)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const once = JSON.stringify({ a: value, b: 1 }, null, indent);
        expect(hasDuplicateKeys(once, JSON.parse(once))).toBe(false);
        const twice = `${once.slice(0, -1)}, "a" :\n0}`;
        expect(hasDuplicateKeys(twice, JSON.parse(twice))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a taxonomy tag named "__proto__", which the schema left out without a word', async () => {
    expect(await configError('{\n  "taxonomy": {\n    "Iraq": [],\n    "__proto__": ["Baghdad"]\n  }\n}')).toBe(
      'site.config.json:4: taxonomy.__proto__: expected another tag name: "__proto__" cannot be one (hint: give it in a seed\'s tags instead)',
    );
  });

  it('counts lines ended by CR LF, LF or a lone CR alike', async () => {
    expect(await configError('{\r\n  "title": "a",\r\n  "pageSize": -1\r\n}\r\n')).toBe('site.config.json:3: pageSize: expected a positive integer');
    expect(await configError('{\r  "title": "a",\r  "pageSize": -1\r}\r')).toBe('site.config.json:3: pageSize: expected a positive integer');
  });

  it('refuses bytes that are not UTF-8, naming their line, instead of reading them as U+FFFD', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'broadsheet-config-')), 'site.config.json');
    await writeFile(file, Buffer.concat([Buffer.from('{\n  "description": "caf\u00e9",\n  "title": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n}\n')]));
    await expect(loadConfig(file, true)).rejects.toThrow(`${file}:3: not UTF-8 text (hint: save the file as UTF-8)`);
    await writeFile(file, '{ "title": "A real \ufffd replacement character" }');
    await expect(loadConfig(file, true)).resolves.toMatchObject({ title: 'A real \ufffd replacement character' });
  });

  it.each([
    ['{\n  "title": "X",\n  "pageSize": 20,\n}\n', 'site.config.json:4:1: invalid JSON: Expected double-quoted property name'],
    ['{\n  "title": "X"\n  "pageSize": 20\n}\n', 'site.config.json:3:3: invalid JSON: Expected \',\' or \'}\' after property value'],
    ['{ "title": ', 'site.config.json:1:12: invalid JSON: Unexpected end of JSON input'],
    ['\uFEFF{\n  "title": x\n}', "site.config.json:2:12: invalid JSON: Unexpected token 'x'"],
    [`{\n  "title": "A long enough title to make V8 shorten its quote of the text",\n  "pageSize": twenty,\n  "description": "and more text after the error"\n}`, "site.config.json:3:15: invalid JSON: Unexpected token 'w'"],
  ])('puts the line and column where %j stops being JSON', async (text, message) => {
    expect(await configError(text)).toBe(message);
  });
});
