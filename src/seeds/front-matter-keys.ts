/**
 * What front matter keys mean: broadsheet's own, and the keys Hugo and Jekyll write for the same things;
 * each value validated with zod, errors at their key's line with a fix written in the block's form.
 */
// A namespace import lets the bundler keep only what is used; `{ z }` bundled all of zod with its 60-odd locales.
import * as z from 'zod';
import { ContentErrors, SeedError } from '../errors.js';
import { canonicalLanguageTag, isLanguageTag } from '../language-tag.js';
import { withoutControlCharacters } from './decode.js';

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
  readonly lang?: string;
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
  lang: z
    .string({ error: 'expected a language tag such as fr or pt-BR' })
    .trim()
    .refine(isLanguageTag, 'expected a language tag such as fr or pt-BR')
    .transform(canonicalLanguageTag)
    .optional(),
});

/**
 * The keys Hugo and Jekyll write for what broadsheet's keys say, read as those so an archive moved
 * from either keeps its data without a warning on every post: `categories`/`category` are tags too,
 * `description` or `excerpt` is the summary, `authors` (Hugo's list) the author, `published: false`
 * (Jekyll) a draft, `lastmod`/`modified` (Hugo) or `last_modified_at` (Jekyll) the update's date,
 * `redirect_from` (Jekyll's plugin) more aliases, and the address a post had there — Hugo's `url`,
 * Jekyll's `permalink` — one more: its old address, which now leads to it.
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
  url: nonEmpty.optional(),
  permalink: nonEmpty.optional(),
});

/** The keys aliases may be given by (the first given is where a clash is reported). */
export const ALIASES_KEYS = ['aliases', 'redirect_from', 'url', 'permalink'] as const;

/** The keys an update's date may be given by, the first given winning (its line is where an invalid one is reported). */
export const UPDATED_KEYS = ['updated', 'lastmod', 'modified', 'last_modified_at'] as const;

/** The line of the first of `keys` the block gives (`keyLines`), else the block's first line. */
export function firstKeyLine(keyLines: Readonly<Record<string, number>>, keys: readonly string[]): number {
  return keys.map((key) => keyLines[key]).find((line) => line !== undefined) ?? 2;
}

const KNOWN_KEYS = new Set(Object.keys(schema.shape));
const READ_KEYS = new Set([...KNOWN_KEYS, ...Object.keys(otherGenerators.shape)]);
const fullSchema = schema.extend(otherGenerators.shape);

/** broadsheet's front matter from what was validated: other generators' keys folded into broadsheet's own. */
function folded(data: z.infer<typeof fullSchema>): FrontMatter {
  const { categories, category, description, excerpt, authors, published, lastmod, modified, last_modified_at: lastModifiedAt, redirect_from: redirectFrom, url, permalink, aliases: ownAliases, ...own } = data;
  const tags = [...(own.tags ?? []), ...(categories ?? []), ...(category ?? [])];
  const summary = own.summary ?? description ?? excerpt;
  const author = own.author ?? (authors && authors.length > 0 ? authors.join(', ') : undefined);
  const draft = own.draft ?? (published === false ? true : undefined);
  const updated = own.updated ?? lastmod ?? modified ?? lastModifiedAt;
  const aliases = [...(ownAliases ?? []), ...(redirectFrom ?? []), ...(url === undefined ? [] : [url]), ...(permalink === undefined ? [] : [permalink])];
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

/** How a value of the wrong type is written as text in each form: `title: "…"`, `title = "…"`, `"title": "…"`. */
const QUOTED_VALUE = {
  YAML: (key: string) => `${key}: "…"`,
  TOML: (key: string) => `${key} = "…"`,
  JSON: (key: string) => `"${key}": "…"`,
} as const;

/** The form a front matter block is written in. */
export type FrontMatterForm = keyof typeof QUOTED_VALUE;

/**
 * The front matter a block's top-level `data` gives (in `form`, its keys on `keyLines`), with a
 * warning for each key not read; throws every wrong value at once, each at its key's line.
 */
export function frontMatterOf(path: string, data: Readonly<Record<string, unknown>>, keyLines: Readonly<Record<string, number>>, form: FrontMatterForm): { data: FrontMatter; warnings: SeedError[] } {
  // A JSON object's keys may start on its first line; YAML's and TOML's come after their fence.
  const firstLine = form === 'JSON' ? 1 : 2;
  const warnings: SeedError[] = [];
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
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
  return { data: folded(result.data), warnings };
}
