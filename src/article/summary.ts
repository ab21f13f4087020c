/** A summary for cards, meta descriptions and feeds: the first one or two sentences, at most 300 characters. */
import { firstSentences, leadOf } from './sentences.js';
import { endsAsSentence, isHeadlineLine } from './title.js';
import { hasWord } from './words.js';

/** Longest summary, in characters. */
export const MAX_SUMMARY_LENGTH = 300;

/** How many of a story's paragraphs the summary looks through for its two sentences. */
const SUMMARY_PARAGRAPHS = 4;

/** Derives a summary from body text; cut at a word boundary with "…" when the first sentence alone is too long. */
export function deriveSummary(text: string): string {
  // Only the lead matters: never segment a whole long article.
  // Sentences without a letter or digit ("…", "—") say nothing on a card.
  return summaryOf(firstSentences(leadOf(text), 2, hasWord));
}

/**
 * Derives a summary from a story's paragraphs (see deriveSummary). A sentence never runs on into the
 * next paragraph, and a headline line opening the story ("Tesla shareholders approve Musk pay deal",
 * no full stop, a paragraph after it) is left to the headline: the summary starts after it.
 */
export function summaryOfStory(paragraphs: readonly string[]): string {
  const from = paragraphs.length > 1 && isHeadlineLine(paragraphs[0]!) && paragraphs.slice(1).some(hasWord) ? 1 : 0;
  const sentences: string[] = [];
  for (const paragraph of paragraphs.slice(from, from + SUMMARY_PARAGRAPHS)) {
    const found = firstSentences(leadOf(paragraph), 2 - sentences.length, hasWord);
    // A later paragraph's sentence must end as one does: a subheading ("What happens next") is no second sentence.
    sentences.push(...(sentences.length === 0 ? found : found.filter(endsAsSentence)));
    if (sentences.length >= 2 || (sentences.length === 1 && !endsAsSentence(sentences[0]!))) break;
  }
  return summaryOf(sentences);
}

/** The summary made of a text's first sentence and, when both fit, its second. */
function summaryOf([first, second]: readonly string[]): string {
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
