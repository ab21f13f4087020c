/** A headline derived from the lead when a seed gives none: whole first sentence, or cut at a clause or word boundary. */
import { firstSentences, leadOf } from './sentences.js';
import { hasWord } from './words.js';

/** Longest derived headline before it is cut. */
export const MAX_TITLE_LENGTH = 140;

/** Shortest part a clause cut may keep; shorter cuts fall back to a word cut. */
const MIN_CLAUSE_CUT = 40;

/** Marks a cut part may not end in: they would dangle before the "…" or the end of the title. */
const DANGLING = /[\s,;:—–-]+$/u;

/** Clause boundaries, as the index where the kept part ends: after , ; : and before a spaced dash or "which", "who", "after", "as"… */
function clauseCuts(sentence: string): number[] {
  const cuts: number[] = [];
  for (const m of sentence.matchAll(/[,;:](?=\s)|\s[—–]\s|\s(?=(?:which|who|after|as|while|because|although|when|where|but)\s)/g)) cuts.push(m.index);
  return cuts;
}

/** True when a cut part leaves a bracket or a quotation open: "(CENTCOM" or "“We will". */
function leavesOpen(part: string): boolean {
  const count = (re: RegExp) => part.match(re)?.length ?? 0;
  return count(/\(/g) > count(/\)/g) || count(/\[/g) > count(/]/g) || count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function hardCut(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** The first sentence of `text` with a letter or digit in it; `undefined` when there is none. */
function firstSentence(text: string): string | undefined {
  return firstSentences(text, 1, hasWord)[0];
}

/** True when `text` ends with a full stop, a question or exclamation mark or an ellipsis, maybe inside quotes or brackets. */
export function endsAsSentence(text: string): boolean {
  return /[.!?…]['"’”»)\]]*$/u.test(text);
}

/** True for a paragraph that is one short sentence without a full stop: a headline a scraper kept above the story. */
export function isHeadlineLine(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length <= MAX_TITLE_LENGTH && !text.includes('\n') && hasWord(text) && !endsAsSentence(text) && !/[,;:—–-]$/u.test(text) && firstSentences(text, 2, hasWord).length === 1;
}

/** Derives a headline from lead text (dateline already removed); never empty, never cut mid-word, at most 140 characters. */
export function deriveTitle(lead: string): string {
  const text = leadOf(lead);
  const first = firstSentence(text);
  if (first === undefined) return 'Untitled';
  // A final period goes, except the one of an abbreviation the sentence ends in ("… talks with the U.S.").
  const sentence = /(?:^|\s)(?:\p{L}\.)+$/u.test(first) ? first : first.replace(/\.$/, '').trimEnd();
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const clause = clauseCuts(sentence)
    .filter((i) => i <= MAX_TITLE_LENGTH)
    .map((i) => sentence.slice(0, i).replace(DANGLING, ''))
    .filter((part) => part.length >= MIN_CLAUSE_CUT && !leavesOpen(part))
    .pop();
  if (clause !== undefined) return clause;
  const space = sentence.lastIndexOf(' ', MAX_TITLE_LENGTH - 1);
  const byWord = space > 0 ? sentence.slice(0, space).replace(DANGLING, '') : '';
  // One giant token (a URL, a run of letters) has no word boundary to cut at: cut it, never return a bare "…".
  const hard = hardCut(sentence, MAX_TITLE_LENGTH - 1);
  const cut = hasWord(byWord) ? byWord : hard.replace(DANGLING, '') || hard;
  return `${cut}…`;
}
