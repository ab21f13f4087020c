/** Small string helpers for assembling corpus text: capitals, plurals, handles, slugs, dates. */
import { MONTHS } from './words.js';

/** Upper-cases the first character. */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const SMALL_WORDS = new Set(['and', 'of', 'in', 'for', 'to', 'on']);
/** Headline case: every word capitalised except a few short function words. */
export const titleCase = (s: string): string =>
  s
    .split(' ')
    .map((w) => (SMALL_WORDS.has(w) ? w : cap(w)))
    .join(' ');

/** Word count as the generator counts it: single-space separated tokens. */
export const wordCount = (s: string): number => s.split(' ').length;

/** English plural of a regular noun. */
export const plural = (w: string): string => (/[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : /(s|x|ch|sh)$/.test(w) ? w + 'es' : w + 's');

/** The word with its indefinite article ("a", "an"). */
export const withArticle = (w: string): string => (/^[aeiouAEIOU]/.test(w) ? 'an ' + w : 'a ' + w);

/** Two-digit zero-padded number. */
export const pad2 = (n: number): string => (n < 10 ? '0' + n : '' + n);

/** A calendar day in UTC. */
export interface CalendarDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** "February 8, 2024". */
export const longDate = (day: CalendarDay): string => `${MONTHS[day.m - 1] ?? ''} ${day.d}, ${day.y}`;

/** A social-media handle from a name: ASCII letters only, at most 15. */
export function handleOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 15);
}

const TRANSLIT: Readonly<Record<string, string>> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', ß: 'ss', æ: 'ae', Æ: 'ae', đ: 'd', ı: 'i', œ: 'oe' };
/** The corpus's own URL slug of a title (ASCII, ≤ 80 characters), matching make-corpus.mjs. */
export function corpusSlug(s: string): string {
  return s
    .replace(/[øØłŁßæÆđıœ]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
