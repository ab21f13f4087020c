/** YAML front matter: split off with gray-matter, validated with zod, errors located by line. */
// A namespace import lets the bundler keep only what is used; `{ z }` bundled all of zod with its 60-odd locales.
import * as z from 'zod';
import { ContentErrors, SeedError } from '../errors.js';
import { withoutControlCharacters } from './decode.js';

/** What front matter may say about an article; every key optional. */
export interface FrontMatter {
  readonly title?: string;
  readonly date?: string;
  readonly tags?: readonly string[];
  readonly slug?: string;
  readonly summary?: string;
  readonly author?: string;
  readonly source?: string;
  readonly draft?: boolean;
}

/**
 * A YAML timestamp (`2024-02-08T09:30:00Z`, `2024-02-08 23:30:00 -05:00`), as other generators' front
 * matter writes dates: its date is the calendar date as written, whatever the offset (never shifted to UTC).
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?$/;

/** A string value: control characters (a YAML escape can write them) dropped, then trimmed. */
const nonEmpty = z.string({ error: 'expected a string' }).overwrite(withoutControlCharacters).trim().min(1, 'expected a non-empty string');

const schema = z.object({
  title: nonEmpty.optional(),
  date: z
    .string({ error: 'expected a date as YYYY-MM-DD' })
    .transform((d) => (TIMESTAMP.test(d) ? d.slice(0, 10) : d))
    .optional(),
  tags: z
    .union([z.array(z.union([nonEmpty, z.number().transform(String)]), { error: 'expected a list of strings' }), nonEmpty.transform((t) => [t])], {
      error: 'expected a list of strings',
    })
    .optional(),
  slug: nonEmpty.optional(),
  summary: nonEmpty.optional(),
  author: nonEmpty.optional(),
  source: z
    .string({ error: 'expected a URL' })
    .url('expected an absolute http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'expected an absolute http(s) URL')
    .optional(),
  draft: z.boolean({ error: 'expected true or false' }).optional(),
});

const KNOWN_KEYS = new Set(Object.keys(schema.shape));

/** Reads a front matter block's YAML: readFrontMatterYaml, once loaded (see loadYamlReader). */
export type YamlReader = (head: string) => { data: unknown; content: string };

/** The YAML reader (gray-matter and js-yaml, ≈ 130 KB of code, loaded on first use: most raw-text seeds have no front matter). */
export async function loadYamlReader(): Promise<YamlReader> {
  return (await import('./yaml-reader.js')).readFrontMatterYaml;
}

/**
 * True when a seed may open with front matter, so parsing it needs the YAML reader: its first three
 * bytes are `-` once the characters decodeSeed removes (BOMs, control characters, U+FFFE/U+FFFF)
 * are passed over — wherever they stand, which may say yes where the text does not open with `---`,
 * never no where it does.
 */
export function mayOpenWithFrontMatter(bytes: Uint8Array): boolean {
  let dashes = 0;
  for (let i = 0; i < bytes.length && dashes < 3; ) {
    const b = bytes[i]!;
    if (b === 0x2d) {
      dashes++;
      i++;
    } else if ((b >= 0x01 && b <= 0x08) || b === 0x0b || b === 0x0c || (b >= 0x0e && b <= 0x1f) || b === 0x7f) {
      i++;
    } else if (b === 0xef && ((bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) || (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)))) {
      i += 3;
    } else {
      return false;
    }
  }
  return dashes === 3;
}

/** Front matter as Hugo also writes it: TOML between `+++` lines, or a JSON object opening the file. */
const TOML_OPENING = /^\+\+\+[ \t]*\n[\s\S]*?\n\+\+\+[ \t]*(?:\n|$)/;
const JSON_OPENING = /^\{[ \t]*\n[ \t]*"[^"\n]+"[ \t]*:/;

/** "TOML" or "JSON" when `text` opens with front matter in that form (read only as YAML between `---` lines), else undefined. */
export function foreignFrontMatter(text: string): 'TOML' | 'JSON' | undefined {
  if (text.startsWith('+++') && TOML_OPENING.test(text)) return 'TOML';
  if (text.startsWith('{') && JSON_OPENING.test(text)) return 'JSON';
  return undefined;
}

/** A seed split into its front matter and its body, with the body's first line number. */
export interface SplitSeed {
  readonly data: FrontMatter;
  readonly body: string;
  /** 1-based line of the file on which `body` starts. */
  readonly bodyLine: number;
  readonly warnings: readonly SeedError[];
  /** The line of each front-matter key, for later errors (e.g. an impossible date). */
  readonly keyLines: Readonly<Record<string, number>>;
}

/** A top-level key quoted at the start of a line: double (with escapes) or single quotes. */
const QUOTED_KEY = /^(?:"(?<double>(?:[^"\\]|\\.)*)"|'(?<single>(?:[^']|'')*)')[ \t]*:(?:[ \t]|$)/;

/** What may start a plain key (not a comment, a quote, a flow or block indicator, or white space). */
const PLAIN_KEY_START = /^[^\s#'"{}[\],&*!|>%@`?-]/;

/**
 * The key a line starts with, as YAML reads it: plain (any letters: `título:`) up to the first colon
 * followed by white space or the line's end, or quoted (a double-quoted key with escapes JSON does not
 * know is left out). Found with indexOf, not a regular expression: a lazy match before optional
 * blanks went back over a long run of spaces from each of its positions.
 */
function keyOf(line: string): string | undefined {
  const quoted = QUOTED_KEY.exec(line)?.groups;
  if (quoted?.['single'] !== undefined) return quoted['single'].replaceAll("''", "'");
  if (quoted?.['double'] !== undefined) {
    try {
      return JSON.parse(`"${quoted['double']}"`) as string;
    } catch {
      return undefined;
    }
  }
  if (!PLAIN_KEY_START.test(line)) return undefined;
  for (let colon = line.indexOf(':'); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    const after = line.charCodeAt(colon + 1);
    if (Number.isNaN(after) || after === 32 || after === 9) return line.slice(0, colon).trimEnd();
  }
  return undefined;
}

/** The 1-based file line of each top-level key of the front matter block. */
function keyLinesOf(block: string): Record<string, number> {
  // No prototype: a key named "toString" or "constructor" must not find Object's.
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  block.split('\n').forEach((line, i) => {
    const key = keyOf(line);
    if (key !== undefined && lines[key] === undefined) lines[key] = i + 2;
  });
  return lines;
}

/**
 * Splits and validates front matter if the text starts with `---` (read by `readYaml`, which such a
 * text cannot do without: see loadYamlReader); otherwise returns it whole.
 */
export function splitFrontMatter(path: string, text: string, readYaml: YamlReader | undefined): SplitSeed {
  if (!/^---[ \t]*\n/.test(text)) return { data: {}, body: text, bodyLine: 1, warnings: [], keyLines: {} };
  if (!readYaml) throw new Error(`${path}: the YAML reader was not loaded for this seed (see prepareParseContext)`);
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) throw new SeedError(path, 1, 'front matter is not closed', 'end it with a line of three dashes: ---');
  const block = text.slice(4, 3 + close.index);
  const keyLines = keyLinesOf(block);
  // gray-matter gets the front matter and its closing line only, the body is added back to what it
  // returns: given the whole seed, it looked the seed's text up in its cache (hashing all of it) and
  // copied it into a Buffer, ≈ 55 µs a seed. Its closing delimiter is the first "\n---", at or before
  // ours, so what it returns plus the rest is what it returned for the whole text.
  const head = text.slice(0, 3 + close.index + close[0].length);
  let parsed: { data: unknown; content: string };
  try {
    parsed = readYaml(head);
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    const lastLine = block === '' ? 2 : block.split('\n').length + 1;
    throw new SeedError(path, Math.min((mark?.line ?? 0) + 2, lastLine), `invalid YAML front matter: ${reason}`);
  }
  const bodyLine = (block === '' ? 0 : block.split('\n').length) + 3;
  const raw = parsed.data as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SeedError(path, 2, 'front matter must be a set of key: value pairs');
  }
  const warnings: SeedError[] = [];
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.has(key)) known[key] = value;
    else warnings.push(new SeedError(path, keyLines[key] ?? 2, `unknown front matter key "${key}" (ignored)`, `known keys: ${[...KNOWN_KEYS].join(', ')}`));
  }
  const result = schema.safeParse(known);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      // `title: 2024` or `author: yes` is a number or a yes/no to YAML; quotes make it text.
      const value = known[key];
      const quote = issue.path.length === 1 && (typeof value === 'number' || typeof value === 'boolean') && issue.message === 'expected a string' ? `write it in quotes (${key}: "…") so YAML reads it as text` : undefined;
      return new SeedError(path, keyLines[key] ?? 2, `front matter ${key}: ${issue.message}`, quote);
    });
    errors.sort((a, b) => a.line - b.line);
    throw errors.length === 1 ? errors[0]! : new ContentErrors(errors);
  }
  return { data: result.data, body: parsed.content + text.slice(head.length), bodyLine, warnings, keyLines };
}
