/** Sentence splitting with Intl.Segmenter, repaired after abbreviations like "U.S.", "Gen.", "Jan." and "p.m.". */

/** One segmenter for the module: building one per call costs more than segmenting a lead. */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Titles that come before a name and never end a sentence: "Mr. Smith", "Gen. Aoun", "St. Louis". */
const TITLES = new Set(
  'mr mrs ms mx dr prof gen col lt sgt capt maj cmdr adm brig gov sen rep rev fr st mt ft pres supt insp det cpl pvt vs'.split(' '),
);

/** Abbreviations that may end a sentence, so they join only a lower-case or numeric continuation ("Inc. rose", "Jan. 8", "No. 10"). */
const TRAILING = new Set(
  'jr sr inc ltd co corp bros no nos etc approx dept est fig al univ assn ave blvd rd jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Words that keep "a.m."/"p.m." in the same sentence even when capitalised: "10 a.m. Tuesday", "9 p.m. Eastern Time". */
const AFTER_TIME = new Set(
  'monday tuesday wednesday thursday friday saturday sunday eastern pacific central mountain local gmt utc et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest'.split(' '),
);

/** The word that ends `segment` just before its final period ("U.S" for "… the U.S."), or undefined. */
function abbreviationBefore(segment: string): string | undefined {
  const tail = segment.trimEnd().slice(-24);
  return /(?:^|[\s("'“‘[])([\p{L}.]+)\.$/u.exec(tail)?.[1];
}

/** True when a segment ending in `segment` continues into `next`: the segmenter broke after an abbreviation. */
function continues(segment: string, next: string): boolean {
  // '"No!" she said.' and "Why? he asked." are one sentence: the segmenter breaks after ! and ? whatever follows.
  if (/[!?]['"’”»)]*\s*$/u.test(segment.slice(-8)) && /^\p{Ll}/u.test(next)) return true;
  const word = abbreviationBefore(segment);
  if (word === undefined || next === '') return false;
  const lower = word.toLowerCase();
  const startsLower = /^\p{Ll}/u.test(next);
  const startsDigit = /^\p{N}/u.test(next);
  if (lower === 'a.m' || lower === 'p.m') {
    const nextWord = /^[\p{L}]+/u.exec(next)?.[0].toLowerCase() ?? '';
    return startsLower || AFTER_TIME.has(nextWord);
  }
  // Initials and dotted abbreviations: "J. Smith", "U.S. Central Command", "D.C. police".
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return startsLower || /^\p{Lu}/u.test(word) || word.includes('.');
  if (TITLES.has(lower)) return true;
  if (TRAILING.has(lower)) return startsLower || startsDigit;
  return false;
}

/**
 * Texts longer than this are segmented a window at a time: V8's segment iterator takes time in
 * proportion to the whole text at every step, so segmenting one long paragraph was quadratic
 * (1 MB of "A. " or of one-word lines took minutes). Shorter texts, every real paragraph among them,
 * are segmented whole.
 */
const WHOLE_TEXT_LIMIT = 8192;

/** How much text one window holds. */
const WINDOW = 4096;

/**
 * The segmenter's sentence segments of `text`, with their offsets, exactly as segmenting it whole
 * gives them. A long text goes a window at a time; the window's last two segments are segmented
 * again with the next window, so every boundary kept was decided with at least a whole segment of
 * text after it.
 */
export function* sentenceSegments(text: string): Generator<{ segment: string; index: number }> {
  if (text.length <= WHOLE_TEXT_LIMIT) {
    yield* segmenter.segment(text);
    return;
  }
  let from = 0;
  let size = WINDOW;
  while (from + size < text.length) {
    const parts = Array.from(segmenter.segment(text.slice(from, from + size)));
    if (parts.length < 3) {
      size *= 2; // a window that holds fewer than three segments grows until it does (or reaches the end)
      continue;
    }
    for (const { segment, index } of parts.slice(0, -2)) yield { segment, index: from + index };
    from += parts[parts.length - 2]!.index;
    size = WINDOW;
  }
  for (const { segment, index } of segmenter.segment(text.slice(from))) yield { segment, index: from + index };
}

/**
 * Start and end offsets (end exclusive) of each sentence of `text`, trimmed, none empty; never split
 * after a known abbreviation. Lazy: a caller that needs the first sentences stops the segmenter early.
 */
export function* sentenceSpansOf(text: string): Generator<{ start: number; end: number }> {
  const segments = sentenceSegments(text);
  let current = segments.next();
  let start = -1;
  while (!current.done) {
    const { segment, index } = current.value;
    const following = segments.next();
    if (start < 0) start = index;
    const end = index + segment.length;
    const next = following.done ? '' : following.value.segment.trimStart();
    if (next === '' || !continues(text.slice(start, end), next)) {
      const span = trimmed(text, start, end);
      if (span) yield span;
      start = -1;
    }
    current = following;
  }
  if (start >= 0) {
    const span = trimmed(text, start, text.length);
    if (span) yield span;
  }
}

/** Every sentence span of `text` (see sentenceSpansOf). */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  return Array.from(sentenceSpansOf(text));
}

/** `text[start, end)` without its surrounding white space, or undefined when nothing is left. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const piece = text.slice(start, end);
  const lead = piece.length - piece.trimStart().length;
  const trail = piece.length - piece.trimEnd().length;
  return lead + trail >= piece.length ? undefined : { start: start + lead, end: end - trail };
}

/** The sentences of `text`, trimmed, none empty; never splits after a known abbreviation. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
}

/** How much of a text its lead is: a headline's first sentence and a summary's two always start well inside it. */
const LEAD_WINDOW = 1500;

/**
 * The lead of `text` for deriving a headline or summary: its first 1,500 characters from the first that
 * is not white space, each run of white space made one space, trimmed. Only runs that are not already a
 * single space are replaced: replacing every space (`/\s+/g`) cost ≈ 20 µs per seed.
 */
export function leadOf(text: string): string {
  return text.trimStart().slice(0, LEAD_WINDOW).replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** The first `count` sentences of `text` that `keep` accepts, segmenting no further than needed. */
export function firstSentences(text: string, count: number, keep: (sentence: string) => boolean): string[] {
  const found: string[] = [];
  if (count <= 0) return found;
  for (const { start, end } of sentenceSpansOf(text)) {
    const sentence = text.slice(start, end);
    if (!keep(sentence)) continue;
    found.push(sentence);
    if (found.length === count) break;
  }
  return found;
}
