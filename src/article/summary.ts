/** A summary for cards, meta descriptions and feeds: the first one or two sentences, at most 300 characters. */
import { splitSentences } from './sentences.js';

/** Longest summary, in characters. */
export const MAX_SUMMARY_LENGTH = 300;

/** Derives a summary from body text; cut at a word boundary with "…" when the first sentence alone is too long. */
export function deriveSummary(text: string): string {
  // Only the lead matters: never segment a whole long article.
  const lead = text.slice(0, 1500).replace(/\s+/g, ' ').trim();
  const sentences = splitSentences(lead);
  const first = sentences[0] ?? '';
  if (first.length > MAX_SUMMARY_LENGTH) {
    const cut = first.lastIndexOf(' ', MAX_SUMMARY_LENGTH - 1);
    return `${(cut > 0 ? first.slice(0, cut) : first.slice(0, MAX_SUMMARY_LENGTH - 1)).replace(/[\s,;:—–-]+$/, '')}…`;
  }
  const second = sentences[1];
  return second !== undefined && first.length + 1 + second.length <= MAX_SUMMARY_LENGTH ? `${first} ${second}` : first;
}
