/** URL slugs for articles and tags: transliterated, lower-case, bounded, never empty. */
import slugify from '@sindresorhus/slugify';
import { createHash } from 'node:crypto';

/** Longest article slug, in characters. */
export const MAX_SLUG_LENGTH = 60;

const replacements: [string, string][] = [
  ["'", ''],
  ['\u2019', ''],
  ['&', ' and '],
  ['+', ' plus '],
  ['#', ' sharp '],
  ['@', ' at '],
  ['%', ' percent '],
];

/** Text that is a slug already: slugify would return it unchanged (most front-matter `slug:` values). */
const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text of ASCII characters only (most headlines in English). */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * What slugify makes of ASCII-only text, without its transliteration (≈ 75% of its time: a pattern of
 * 1,880 keys run over the text, none of them ASCII): the replacements above, the two ASCII characters
 * Unicode calls diacritics (`^` and a backquote) dropped as its transliteration drops them, lower
 * case, every other run of characters outside `[a-z0-9]` one `-`, none at either end. A property test
 * holds it to slugify for any ASCII text.
 */
function asciiSlug(text: string): string {
  let replaced = text;
  for (const [from, to] of replacements) if (replaced.includes(from)) replaced = replaced.replaceAll(from, to);
  return replaced
    .replace(/[\^`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Lower-case ASCII words joined by `-`: only `[a-z0-9-]`, so it can never name a path outside the output. */
export function baseSlug(text: string): string {
  if (ALREADY_SLUG.test(text)) return text;
  return ASCII_ONLY.test(text) ? asciiSlug(text) : slugify(text, { decamelize: false, customReplacements: replacements });
}

/** A stable fallback for text that slugifies to nothing: a short hash of the text. */
function fallbackSlug(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

/** Cuts a slug to at most `max` characters at a `-` boundary (never mid-word unless one word is longer). */
export function truncateSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.lastIndexOf('-', max);
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The slug of an article title (or front-matter slug): ≤ 60 characters, never empty. */
export function articleSlug(text: string): string {
  const slug = truncateSlug(baseSlug(text));
  return slug || fallbackSlug('article', text);
}

/** The slug of a tag name: `São Paulo` → `sao-paulo`, `C++` → `c-plus-plus`, never empty. */
export function tagSlug(name: string): string {
  const slug = truncateSlug(baseSlug(name), 80);
  return slug || fallbackSlug('tag', name);
}
