/**
 * Front matter in its everyday shape, read without js-yaml: `key: value` lines and lists of values
 * under a key, each value a quoted string (escaping at most `"` and `\`), a plain string that starts
 * with a letter, a date or true/false. That is most seeds' front matter, and js-yaml spent ≈ 35 µs on
 * each (≈ 3% of a 10k Markdown build's CPU). Anything outside that shape (comments, numbers, nulls, nested maps, flow
 * lists, other escapes, multi-line values, tabs, repeated keys …) gets undefined here and is read by
 * js-yaml, which also reports every error. What is read here is what js-yaml's JSON schema reads
 * (tests/seeds/simple-yaml.test.ts compares them on generated front matter, near misses included).
 */

/** A top-level key and what follows its colon. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** An item of a list: its indentation and value. */
const ITEM_LINE = /^( *)- +(.*)$/;
/** A double-quoted string whose only escapes are `\"` and `\\`, then nothing but spaces. */
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\["\\])*)" *$/;
/** Those two escapes. */
const QUOTE_ESCAPE = /\\(["\\])/g;
/** A single-quoted string with no quote doubled, then nothing but spaces. */
const SINGLE_QUOTED = /^'([^']*)' *$/;
/**
 * A plain string js-yaml reads as that string: it starts with a letter, and holds no `#` (a comment
 * may start there), no colon that ends a word (a key may end there) and nothing it would fold.
 */
const PLAIN_STRING = /^\p{L}(?:[^#:]|:(?=[^ ]))*$/u;
/** A date as written in front matter (a string under the JSON schema: it has no timestamps). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Plain words the JSON schema reads as null or a boolean. */
const NULL_WORDS = new Set(['null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
/** Characters js-yaml refuses or reads specially: control characters, tabs, carriage returns, lone surrogates, a byte order mark. */
const SPECIAL_CHARACTERS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** A scalar this reader knows, or undefined. */
function scalar(text: string): string | boolean | undefined {
  const value = text.trimEnd();
  const double = DOUBLE_QUOTED.exec(value);
  if (double) return double[1]!.includes('\\') ? double[1]!.replace(QUOTE_ESCAPE, '$1') : double[1];
  const single = SINGLE_QUOTED.exec(value);
  if (single) return single[1];
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  if (NULL_WORDS.has(value)) return undefined;
  return DATE.test(value) || PLAIN_STRING.test(value) ? value : undefined;
}

/** The front matter's data when it has the everyday shape above; undefined for js-yaml to read. */
export function readSimpleYaml(text: string): Record<string, string | boolean | (string | boolean)[]> | undefined {
  if (SPECIAL_CHARACTERS.test(text)) return undefined;
  const data: Record<string, string | boolean | (string | boolean)[]> = {};
  /** The key whose list is being read, and the indentation of its items. */
  let list: { items: (string | boolean)[]; indent: number | undefined } | undefined;
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const item = ITEM_LINE.exec(line);
    if (item) {
      if (list === undefined || (list.indent !== undefined && list.indent !== item[1]!.length)) return undefined;
      const value = scalar(item[2]!);
      if (value === undefined) return undefined;
      list.indent = item[1]!.length;
      list.items.push(value);
      continue;
    }
    if (list !== undefined && list.indent === undefined) return undefined;
    list = undefined;
    const key = KEY_LINE.exec(line);
    if (!key || key[1] === '__proto__' || Object.hasOwn(data, key[1]!)) return undefined;
    keys++;
    if (key[2] === undefined || key[2].trim() === '') {
      const items: (string | boolean)[] = [];
      data[key[1]!] = items;
      list = { items, indent: undefined };
      continue;
    }
    const value = scalar(key[2]);
    if (value === undefined) return undefined;
    data[key[1]!] = value;
  }
  // A key with nothing after it and no items is null to js-yaml.
  if (list !== undefined && list.indent === undefined) return undefined;
  return keys > 0 ? data : undefined;
}
