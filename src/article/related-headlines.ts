/** Title-Case headlines glued onto the end of a paragraph by a scraper ("… in a statement. Iran Begins Building …"). */
import { splitSentences } from './sentences.js';

/** Words a Title-Case headline leaves in lower case. */
const SMALL_WORDS = new Set('a an the and or nor but for of in on at to by from as with into onto upon over per via vs v is are be amid after before than so yet off out up down near de da do del della la le les van von der den al el bin ibn du des di y e'.split(' '));

/** Fewest words a glued headline has. */
const MIN_WORDS = 6;

/** True when `sentence` reads as a Title-Case headline rather than prose. */
export function isHeadline(sentence: string): boolean {
  const text = sentence.replace(/\.$/, '');
  // Questions, exclamations, quotations and trailing-off text are prose, not headlines.
  if (/[?!:;,]$|["“”«»]|(?:^|\s)['‘]|\.\.\.|…/u.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < MIN_WORDS) return false;
  let titleCased = 0;
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/^[(\[{'"“‘$£€]+|[)\]}'"”’,.:;]+$/gu, '');
    if (word === '') continue;
    if (i > 0 && SMALL_WORDS.has(word)) continue;
    if (/^\p{N}/u.test(word)) continue;
    if (!/^\p{Lu}/u.test(word)) return false;
    if (/\p{Ll}/u.test(word)) titleCased++;
  }
  // At least three capitalised words in mixed case ("Begins", "Nuclear"): an ALL-CAPS shout is not a headline.
  return titleCased >= 3;
}

/** True when the paragraph's last words could end a Title-Case headline (a cheap test before sentence splitting). */
function mayEndInHeadline(paragraph: string): boolean {
  const tail = paragraph.slice(-120).split(/\s+/).slice(-4);
  return tail.length === 4 && tail.every((w) => !/^\p{Ll}/u.test(w) || SMALL_WORDS.has(w.replace(/[^\p{L}]/gu, '')));
}

/** Moves trailing Title-Case headlines out of a paragraph; at least one sentence of prose always stays. */
export function splitRelatedHeadlines(paragraph: string): { text: string; headlines: string[] } {
  if (!mayEndInHeadline(paragraph)) return { text: paragraph, headlines: [] };
  const sentences = splitSentences(paragraph);
  const headlines: string[] = [];
  while (sentences.length > 1 && isHeadline(sentences[sentences.length - 1]!)) {
    headlines.unshift(sentences.pop()!.replace(/\.$/, ''));
  }
  if (headlines.length === 0) return { text: paragraph, headlines };
  // The prose before the headlines is kept exactly as written.
  const firstHeadline = headlines[0]!;
  const cut = paragraph.lastIndexOf(firstHeadline, paragraph.length - headlines.slice(1).reduce((n, h) => n + h.length, 0) - firstHeadline.length);
  const text = (cut >= 0 ? paragraph.slice(0, cut) : sentences.join(' ')).trim();
  return { text, headlines };
}
