/** Sentence splitting with Intl.Segmenter, repaired after abbreviations like "U.S.", "Gen." and "p.m.". */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words that end in a period without ending a sentence (when more text follows in lower case or a name). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep rev st mt ft jr sr inc ltd co corp no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** True when `segment` ends in an abbreviation, so the next segment continues the same sentence. */
function endsInAbbreviation(segment: string, next: string): boolean {
  const trimmed = segment.trimEnd();
  const word = /(?:^|[\s("'“‘])([\p{L}.]+)\.$/u.exec(trimmed)?.[1];
  if (!word) return false;
  const lower = word.toLowerCase();
  // Initials and dotted abbreviations: "U.S.", "J.", "a.m.", "p.m." — a lower-case continuation means no break.
  if (/^(\p{L}\.)*\p{L}$/u.test(word)) {
    if (/^\p{Ll}/u.test(next)) return true;
    if (lower === 'a.m' || lower === 'p.m') return false;
    // "U.S. forces" / "J. Smith": a dotted abbreviation followed by a capitalised word stays together
    return word.length <= 3 || word.includes('.');
  }
  return ABBREVIATIONS.has(lower);
}

/** The sentences of `text`, trimmed, none empty; never splits after a known abbreviation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let carry = '';
  const segments = Array.from(segmenter.segment(text), (s) => s.segment);
  segments.forEach((segment, i) => {
    const next = segments[i + 1]?.trimStart() ?? '';
    carry += segment;
    if (next !== '' && endsInAbbreviation(carry, next)) return;
    const sentence = carry.trim();
    if (sentence !== '') sentences.push(sentence);
    carry = '';
  });
  const rest = carry.trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}
