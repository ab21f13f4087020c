/** A headline derived from the lead when a seed gives none: whole first sentence, or cut at a clause or word boundary. */
import { splitSentences } from './sentences.js';

/** Longest derived headline before it is cut. */
export const MAX_TITLE_LENGTH = 140;

/** Shortest part a clause cut may keep; shorter cuts fall back to a word cut. */
const MIN_CLAUSE_CUT = 40;

/** Clause boundaries, as the index where the kept part ends. */
function clauseCuts(sentence: string): number[] {
  const cuts: number[] = [];
  for (const m of sentence.matchAll(/[,;:](?=\s)|\s[—–]\s|\s(?=(?:which|who|after|as|while|because|although|when|where|but)\s)/g)) cuts.push(m.index);
  return cuts;
}

/** Derives a headline from lead text (dateline already removed); never empty, never cut mid-word. */
export function deriveTitle(lead: string): string {
  // The first sentence is all that matters: never segment a whole long paragraph.
  const text = lead.slice(0, 1500).replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return 'Untitled';
  const first = splitSentences(text)[0] ?? text;
  const sentence = first.replace(/[.]$/, '').trim();
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence;
  const clause = clauseCuts(sentence)
    .filter((i) => i >= MIN_CLAUSE_CUT && i <= MAX_TITLE_LENGTH)
    .pop();
  if (clause !== undefined) return sentence.slice(0, clause).replace(/[\s,;:—–-]+$/, '');
  const word = sentence.lastIndexOf(' ', MAX_TITLE_LENGTH - 1);
  const cut = word > 0 ? sentence.slice(0, word) : sentence.slice(0, MAX_TITLE_LENGTH - 1);
  return `${cut.replace(/[\s,;:—–-]+$/, '')}…`;
}
