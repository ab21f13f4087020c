/** Filler sentences and paragraphs of a corpus article, some with Markdown-looking characters. */
import { ORGS, PERSONS } from './entities.js';
import type { Rng } from './rng.js';
import { cap, handleOf, pad2, plural, wordCount, withArticle } from './text.js';
import { ADJS, CONNECT, NOUNS, PLACES, PLURALS, QUOTE_BITS, ROLES, TIMES, VERBS_INF, VERBS_PAST, WEEKDAYS } from './words.js';

/** The entities one article is about, so they recur in its sentences. */
export interface ArticleCast {
  readonly tags: readonly string[];
  readonly persons: readonly string[];
  readonly orgs: readonly string[];
  readonly places: readonly string[];
  readonly topic: string;
  /** Share of sentences carrying Markdown-looking characters (0 for most articles). */
  readonly mdRate: number;
}

/** One plain filler sentence. */
export function sentence(r: Rng, a: ArticleCast): string {
  const who = (): string => (r.chance(0.6) ? r.pick(a.persons) : r.pick(PERSONS));
  const org = (): string => (r.chance(0.6) ? r.pick(a.orgs) : r.pick(ORGS));
  const place = (): string => (r.chance(0.6) ? r.pick(a.places) : r.pick(PLACES));
  switch (r.int(0, 13)) {
    case 0:
      return `${who()}, the ${r.pick(ROLES)} of ${org()}, said the ${r.pick(NOUNS)} would ${r.pick(VERBS_INF)} the ${r.pick(ADJS)} ${r.pick(NOUNS)} ${r.pick(TIMES)}.`;
    case 1:
      return `"${cap(r.pick(QUOTE_BITS))}," ${who()} told reporters in ${place()}.`;
    case 2:
      return `${cap(r.pick(PLURALS))} in ${place()} ${r.pick(VERBS_PAST)} the ${r.pick(ADJS)} ${r.pick(NOUNS)} on ${r.pick(WEEKDAYS)}, according to ${org()}.`;
    case 3:
      return `${r.pick(CONNECT)} the ${r.pick(NOUNS)} was ${r.pick(VERBS_PAST)} after ${r.int(2, 95)} ${r.pick(PLURALS)} raised concerns about the ${r.pick(NOUNS)}.`;
    case 4:
      return `The ${r.pick(ADJS)} ${r.pick(NOUNS)} took place around ${r.int(1, 12)}:${pad2(r.int(0, 59))} ${r.chance(0.5) ? 'a.m.' : 'p.m.'} local time, ${org()} said in a statement.`;
    case 5:
      return `“${cap(r.pick(QUOTE_BITS))},” said ${who()}, who has ${r.pick(VERBS_PAST)} the ${r.pick(NOUNS)} since ${r.int(1990, 2023)}.`;
    case 6:
      return `${org()} ${r.pick(VERBS_PAST)} ${withArticle(r.pick(ADJS))} ${r.pick(NOUNS)} worth ${r.int(2, 900)} million ${r.pick(['dollars', 'euros', 'pounds', 'rupees'])} for ${r.pick(PLURALS)} in ${place()}.`;
    case 7:
      return `It wasn’t clear whether the ${r.pick(NOUNS)} would affect ${r.pick(PLURALS)} in ${place()}, and ${who()}’s office declined to comment.`;
    case 8:
      return `${a.topic} has become ${withArticle(r.pick(ADJS))} issue for ${r.pick(PLURALS)} across ${place()} and the wider region.`;
    case 9:
      return `Nearly ${r.int(3, 97)}% of ${r.pick(PLURALS)} surveyed by ${org()} said they ${r.pick(['supported', 'opposed', 'were unsure about'])} the ${r.pick(NOUNS)}.`;
    case 10:
      return `${who()} said the ${r.pick(NOUNS)} was "${r.pick(ADJS)} but necessary" and promised ${withArticle(r.pick(ADJS))} ${r.pick(NOUNS)} ${r.pick(TIMES)}.`;
    case 11:
      return `The café owners' association in ${place()} said ${r.pick(PLURALS)} had ${r.pick(VERBS_PAST)} the ${r.pick(NOUNS)}, calling it "${withArticle(r.pick(ADJS))} ${r.pick(NOUNS)}".`;
    case 12:
      return `${r.pick(CONNECT)} ${r.pick(PLURALS)} ${r.pick(VERBS_PAST)} the ${r.pick(NOUNS)} in ${place()} & ${place()}.`;
    default:
      return `${cap(r.pick(ADJS))} ${plural(r.pick(NOUNS))} have been ${r.pick(VERBS_PAST)} ${r.int(2, 40)} times since ${r.int(2000, 2024)}, ${org()} figures show.`;
  }
}

/** A sentence carrying characters Markdown would otherwise interpret (`*`, `_`, `<`, `&`, backticks, links). */
export function markdownish(r: Rng, a: ArticleCast): string {
  switch (r.int(0, 6)) {
    case 0:
      return `Turnout was <${r.int(20, 60)}% in ${r.pick(a.places)}, below the <threshold> set by ${r.pick(a.orgs)}.`;
    case 1:
      return `The file was named report_${r.int(2000, 2025)}_final_v${r.int(2, 9)}.pdf, officials said.`;
    case 2:
      return `Signs read *${r.pick(['no entry', 'closed', 'strike today', 'sold out'])}* and **${r.pick(['keep out', 'open late', 'vote'])}** outside the ${r.pick(NOUNS)}.`;
    case 3:
      return `The post used the hashtag #${handleOf(r.pick(a.places))}${r.int(1, 99)} and the phrase [read more](${r.pick(NOUNS)}).`;
    case 4:
      return `A placard said 2 * 3 = 6 and \`${r.pick(NOUNS)}\` was misspelled as __${r.pick(NOUNS)}__.`;
    case 5:
      return `The code A&B > C < D appeared in the ${r.pick(NOUNS)} &amp; the ${r.pick(NOUNS)}.`;
    default:
      return `Prices rose 5-10% (about ${r.int(2, 90)} cents) while the index stood at ${r.int(100, 999)}.${r.int(0, 9)}.`;
  }
}

/** A paragraph of at least `words` words (and at least one sentence). */
export function paragraph(r: Rng, a: ArticleCast, words: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < words || out.length === 0) {
    const s = r.chance(a.mdRate) ? markdownish(r, a) : sentence(r, a);
    out.push(s);
    n += wordCount(s);
  }
  return out.join(' ');
}
