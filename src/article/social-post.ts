/** An embedded social post: a paragraph ending `… pic.twitter.com/ID — Name (@handle) Month D, YYYY`. */
import type { SocialPost } from './article.js';
import { isCalendarDate } from './date.js';

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');

/** Month number by lower-case name: full names, three-letter abbreviations and "sept". */
const MONTHS = new Map<string, number>([...MONTH_NAMES.map((m, i) => [m, i + 1] as const), ...MONTH_NAMES.map((m, i) => [m.slice(0, 3), i + 1] as const), ['sept', 9]]);

/** The attribution at the very end: dash, name, (@handle), date. The body before it is greedy, so the last dash wins. */
const ATTRIBUTION =
  /^(?<body>[\s\S]*\S)\s+(?:—|–|--|-)\s*(?<name>[^()\n—–]{1,80}?)\s*\(@(?<handle>[A-Za-z0-9_]{1,15})\)\s*(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),\s*(?<year>\d{4})\s*$/;

const PIC = /\s*(?:https?:\/\/)?(?<pic>pic\.twitter\.com\/[A-Za-z0-9]+)\s*$/;


/** Reads an embedded post from a whole paragraph; `undefined` when the paragraph does not end in an attribution. */
export function parseSocialPost(paragraph: string): SocialPost | undefined {
  if (!paragraph.includes('(@')) return undefined;
  const m = ATTRIBUTION.exec(paragraph.trim());
  if (!m?.groups) return undefined;
  const { body, name, handle, month, day, year } = m.groups as Record<string, string>;
  const monthNo = MONTHS.get(month!.toLowerCase());
  if (monthNo === undefined) return undefined;
  const date = `${year}-${String(monthNo).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isCalendarDate(date)) return undefined;
  const authorName = name!.trim();
  if (authorName === '' || /[.!?]\s/.test(authorName)) return undefined;
  const pic = PIC.exec(body!);
  const text = (pic ? body!.slice(0, pic.index) : body!).trim();
  if (text === '' && !pic) return undefined;
  return { text, ...(pic?.groups && { picUrl: `https://${pic.groups['pic']}` }), authorName, handle: handle!, date };
}
