/** Front matter (YAML, TOML or JSON, as Hugo reads it): split off by its form's reader, validated with zod, errors located by line. */
// A namespace import lets the bundler keep only what is used; `{ z }` bundled all of zod with its 60-odd locales.
import * as z from 'zod';
import { ContentErrors, SeedError } from '../errors.js';
import { withoutControlCharacters } from './decode.js';
import { opensWithJson, readJsonFrontMatter } from './json-front-matter.js';
import type { TomlReading } from './toml-reader.js';
import { readTomlFrontMatter } from './toml-front-matter.js';
import { readYamlBlock } from './yaml-front-matter.js';

/** What front matter may say about an article; every key optional. */
export interface FrontMatter {
  readonly title?: string;
  readonly date?: string;
  readonly updated?: string;
  readonly tags?: readonly string[];
  readonly slug?: string;
  readonly summary?: string;
  readonly author?: string;
  readonly source?: string;
  readonly draft?: boolean;
  readonly aliases?: readonly string[];
}

/**
 * A YAML timestamp (`2024-02-08T09:30:00Z`, `2024-02-08 23:30:00 -05:00`), as other generators' front
 * matter writes dates: its date is the calendar date as written, whatever the offset (never shifted to UTC).
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?$/;

/** A string value: control characters (a YAML escape can write them) dropped, then trimmed. */
const nonEmpty = z.string({ error: 'expected a string' }).overwrite(withoutControlCharacters).trim().min(1, 'expected a non-empty string');

/** A list of strings, or one string as a list of one (`tags: Iraq`). */
const terms = z
  .union([z.array(z.union([nonEmpty, z.number().transform(String)]), { error: 'expected a list of strings' }), nonEmpty.transform((t) => [t])], {
    error: 'expected a list of strings',
  })
  .optional();

/** A date as written (a timestamp's calendar date, see TIMESTAMP), checked to be a calendar date later (with a hint). */
const writtenDate = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .transform((d) => (TIMESTAMP.test(d) ? d.slice(0, 10) : d))
  .optional();

const schema = z.object({
  title: nonEmpty.optional(),
  date: writtenDate,
  updated: writtenDate,
  tags: terms,
  slug: nonEmpty.optional(),
  summary: nonEmpty.optional(),
  author: nonEmpty.optional(),
  source: z
    .string({ error: 'expected a URL' })
    .url('expected an absolute http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'expected an absolute http(s) URL')
    .optional(),
  draft: z.boolean({ error: 'expected true or false' }).optional(),
  aliases: terms,
});

/**
 * The keys Hugo and Jekyll write for what broadsheet's keys say, read as those so an archive moved
 * from either keeps its data without a warning on every post: `categories`/`category` are tags too,
 * `description` or `excerpt` is the summary, `authors` (Hugo's list) the author, `published: false`
 * (Jekyll) a draft, `lastmod`/`modified` (Hugo) or `last_modified_at` (Jekyll) the update's date,
 * `redirect_from` (Jekyll's plugin) more aliases.
 * broadsheet's own key wins where both are given.
 */
const otherGenerators = z.object({
  categories: terms,
  category: terms,
  description: nonEmpty.optional(),
  excerpt: nonEmpty.optional(),
  authors: terms,
  published: z.boolean({ error: 'expected true or false' }).optional(),
  lastmod: writtenDate,
  modified: writtenDate,
  last_modified_at: writtenDate,
  redirect_from: terms,
});

/** The keys aliases may be given by (the first given is where a clash is reported). */
export const ALIASES_KEYS = ['aliases', 'redirect_from'] as const;

/** The keys an update's date may be given by, the first given winning (its line is where an invalid one is reported). */
export const UPDATED_KEYS = ['updated', 'lastmod', 'modified', 'last_modified_at'] as const;

const KNOWN_KEYS = new Set(Object.keys(schema.shape));
const READ_KEYS = new Set([...KNOWN_KEYS, ...Object.keys(otherGenerators.shape)]);
const fullSchema = schema.extend(otherGenerators.shape);

/** broadsheet's front matter from what was validated: other generators' keys folded into broadsheet's own. */
function folded(data: z.infer<typeof fullSchema>): FrontMatter {
  const { categories, category, description, excerpt, authors, published, lastmod, modified, last_modified_at: lastModifiedAt, redirect_from: redirectFrom, aliases: ownAliases, ...own } = data;
  const tags = [...(own.tags ?? []), ...(categories ?? []), ...(category ?? [])];
  const summary = own.summary ?? description ?? excerpt;
  const author = own.author ?? (authors && authors.length > 0 ? authors.join(', ') : undefined);
  const draft = own.draft ?? (published === false ? true : undefined);
  const updated = own.updated ?? lastmod ?? modified ?? lastModifiedAt;
  const aliases = [...(ownAliases ?? []), ...(redirectFrom ?? [])];
  return {
    ...own,
    ...(tags.length > 0 && { tags }),
    ...(summary !== undefined && { summary }),
    ...(author !== undefined && { author }),
    ...(draft !== undefined && { draft }),
    ...(updated !== undefined && { updated }),
    ...(aliases.length > 0 && { aliases }),
  };
}

/** Reads a front matter block's YAML: readFrontMatterYaml, once loaded (see loadYamlReader). */
export type YamlReader = (head: string) => { data: unknown; content: string };

/** The YAML reader (gray-matter and js-yaml, ≈ 130 KB of code, loaded on first use: most raw-text seeds have no front matter). */
export async function loadYamlReader(): Promise<YamlReader> {
  return (await import('./yaml-reader.js')).readFrontMatterYaml;
}

/** Reads a block of TOML: readTomlBlock, once loaded (see loadTomlReader). */
export type TomlReader = (block: string) => TomlReading;

/** The TOML reader (smol-toml, loaded on first use: only seeds opening with `+++` need it). */
export async function loadTomlReader(): Promise<TomlReader> {
  return (await import('./toml-reader.js')).readTomlBlock;
}

/** The readers a seed's front matter may need, each loaded only when some seed does (see openingFence). */
export interface FrontMatterReaders {
  readonly readYaml?: YamlReader | undefined;
  readonly readToml?: TomlReader | undefined;
}

/**
 * The fence a seed may open with, `---` (YAML) or `+++` (TOML), so parsing it needs that form's reader:
 * its first three bytes are that character once the characters decodeSeed removes (BOMs, control
 * characters, U+FFFE/U+FFFF) are passed over — wherever they stand, which may say yes where the text
 * does not open with a fence, never no where it does.
 */
export function openingFence(bytes: Uint8Array): '-' | '+' | undefined {
  let fence = 0;
  let count = 0;
  for (let i = 0; i < bytes.length && count < 3; ) {
    const b = bytes[i]!;
    if ((b === 0x2d || b === 0x2b) && (fence === 0 || b === fence)) {
      fence = b;
      count++;
      i++;
    } else if ((b >= 0x01 && b <= 0x08) || b === 0x0b || b === 0x0c || (b >= 0x0e && b <= 0x1f) || b === 0x7f) {
      i++;
    } else if (b === 0xef && ((bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) || (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)))) {
      i += 3;
    } else {
      return undefined;
    }
  }
  if (count < 3) return undefined;
  return fence === 0x2d ? '-' : '+';
}

/** A front matter block as its form's reader found it, before validation. */
export interface FrontMatterBlock {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the file on which `body` starts. */
  readonly bodyLine: number;
  /** The line of each top-level key. */
  readonly keyLines: Readonly<Record<string, number>>;
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

/** How a value of the wrong type is written as text in each form: `title: "…"`, `title = "…"`, `"title": "…"`. */
const QUOTED_VALUE = {
  YAML: (key: string) => `${key}: "…"`,
  TOML: (key: string) => `${key} = "…"`,
  JSON: (key: string) => `"${key}": "…"`,
} as const;

/**
 * Splits and validates the front matter the text opens with: YAML between `---` lines, TOML between
 * `+++` lines, or a JSON object (each read with the reader the seed cannot do without: see
 * openingFence); a text opening otherwise is returned whole.
 */
export function splitFrontMatter(path: string, text: string, readers: FrontMatterReaders): SplitSeed {
  let form: keyof typeof QUOTED_VALUE;
  let block: FrontMatterBlock;
  if (/^---[ \t]*\n/.test(text)) {
    if (!readers.readYaml) throw new Error(`${path}: the YAML reader was not loaded for this seed (see prepareParseContext)`);
    form = 'YAML';
    block = readYamlBlock(path, text, readers.readYaml);
  } else if (/^\+\+\+[ \t]*\n/.test(text)) {
    if (!readers.readToml) throw new Error(`${path}: the TOML reader was not loaded for this seed (see prepareParseContext)`);
    form = 'TOML';
    block = readTomlFrontMatter(path, text, readers.readToml);
  } else if (opensWithJson(text)) {
    form = 'JSON';
    block = readJsonFrontMatter(path, text);
  } else {
    return { data: {}, body: text, bodyLine: 1, warnings: [], keyLines: {} };
  }
  const { keyLines } = block;
  const firstLine = form === 'JSON' ? 1 : 2;
  const warnings: SeedError[] = [];
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block.data)) {
    if (READ_KEYS.has(key)) known[key] = value;
    else warnings.push(new SeedError(path, keyLines[key] ?? firstLine, `unknown front matter key "${key}" (ignored)`, `known keys: ${[...KNOWN_KEYS].join(', ')}`));
  }
  const result = fullSchema.safeParse(known);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      // `title: 2024` or `author: yes` is a number or a yes/no to YAML (TOML, JSON: `title = 2024`); quotes make it text.
      const value = known[key];
      const quote = issue.path.length === 1 && (typeof value === 'number' || typeof value === 'boolean') && issue.message === 'expected a string' ? `write it in quotes (${QUOTED_VALUE[form](key)}) so ${form} reads it as text` : undefined;
      return new SeedError(path, keyLines[key] ?? firstLine, `front matter ${key}: ${issue.message}`, quote);
    });
    errors.sort((a, b) => a.line - b.line);
    throw errors.length === 1 ? errors[0]! : new ContentErrors(errors);
  }
  return { data: folded(result.data), body: block.body, bodyLine: block.bodyLine, warnings, keyLines };
}
