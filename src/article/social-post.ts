/** An embedded social post: a paragraph ending `… pic.twitter.com/ID — Name (@handle) Month D, YYYY`. */
import type { SocialPost } from './article.js';
import { isCalendarDate } from './date.js';

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');

/** Month number by lower-case name: full names, three-letter abbreviations and "sept". */
const MONTHS = new Map<string, number>([...MONTH_NAMES.map((m, i) => [m, i + 1] as const), ...MONTH_NAMES.map((m, i) => [m.slice(0, 3), i + 1] as const), ['sept', 9]]);

/**
 * The attribution at the very end: dash, name, (@handle), date. An em or en dash may touch the text; a hyphen or "--"
 * needs a space before it ("Iran-aligned" is not a dash), and a name never holds a spaced dash, so the last dash wins.
 */
const ATTRIBUTION =
  /(?:\s*[—–]|\s+--?)\s*(?<name>(?:(?!\s--?\s)[^()\n—–]){1,80}?)\s*\(@(?<handle>[A-Za-z0-9_]{1,15})\)\s*(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})\s*$/;

/** How much of a paragraph's end the attribution is looked for in: a name, a handle, a date and some space. */
const TAIL_LENGTH = 400;

/** The pic link that ends the post's text, glued on or after a space. */
const PIC = /\s*(?:https?:\/\/)?(?<pic>pic\.(?:twitter|x)\.com\/[A-Za-z0-9]+)\s*$/;

/** Reads an embedded post from a whole paragraph; `undefined` when the paragraph does not end in an attribution. */
export function parseSocialPost(paragraph: string): SocialPost | undefined {
  // Cheap guards first: this runs on every paragraph of every article.
  if (!paragraph.includes('(@')) return undefined;
  const trimmed = paragraph.trim();
  if (!/\d{4}$/.test(trimmed)) return undefined;
  // Only the tail is searched, so a long run of spaces can never make the match quadratic in the paragraph.
  const tailStart = Math.max(0, trimmed.length - TAIL_LENGTH);
  const m = ATTRIBUTION.exec(trimmed.slice(tailStart));
  if (!m?.groups) return undefined;
  const { name, handle, month, day, year } = m.groups as Record<string, string>;
  const body = trimmed.slice(0, tailStart + m.index);
  const monthNo = MONTHS.get(month!.toLowerCase());
  if (monthNo === undefined) return undefined;
  const date = `${year}-${String(monthNo).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isCalendarDate(date)) return undefined;
  const authorName = name!.trim();
  // A name is a few words with a letter in it, not the end of a sentence ("It was said. By him").
  if (!/\p{L}/u.test(authorName) || /[.!?]\s/.test(authorName)) return undefined;
  // The pic link is short: look for it only at the end of the text, for the same reason as the tail above.
  const picStart = Math.max(0, body.length - 120);
  const pic = PIC.exec(body.slice(picStart));
  const text = (pic ? body.slice(0, picStart + pic.index) : body).trim();
  if (text === '' && !pic) return undefined;
  return { text, ...(pic?.groups && { picUrl: `https://${pic.groups['pic']}` }), authorName, handle: handle!, date };
}
