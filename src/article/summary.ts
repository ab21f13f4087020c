/** A summary for cards, meta descriptions and feeds: the first one or two sentences, at most 300 characters. */
import { firstSentences, leadOf } from './sentences.js';
import { hasWord } from './words.js';

/** Longest summary, in characters. */
export const MAX_SUMMARY_LENGTH = 300;

/** Derives a summary from body text; cut at a word boundary with "…" when the first sentence alone is too long. */
export function deriveSummary(text: string): string {
  // Only the lead matters: never segment a whole long article.
  const lead = leadOf(text);
  // Sentences without a letter or digit ("…", "—") say nothing on a card.
  const [first, second] = firstSentences(lead, 2, hasWord);
  if (first === undefined) return '';
  if (first.length > MAX_SUMMARY_LENGTH) {
    const space = first.lastIndexOf(' ', MAX_SUMMARY_LENGTH - 1);
    const byWord = space > 0 ? first.slice(0, space).replace(/[\s,;:—–-]+$/u, '') : '';
    // One giant token has no word boundary: cut it without splitting a surrogate pair.
    const hardEnd = /[\uD800-\uDBFF]/.test(first.charAt(MAX_SUMMARY_LENGTH - 2)) ? MAX_SUMMARY_LENGTH - 2 : MAX_SUMMARY_LENGTH - 1;
    return `${hasWord(byWord) ? byWord : first.slice(0, hardEnd)}…`;
  }
  return second !== undefined && first.length + 1 + second.length <= MAX_SUMMARY_LENGTH ? `${first} ${second}` : first;
}
