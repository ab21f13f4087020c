/** Title-Case headlines: an article's own title and the related headline glued to a paragraph. */
import { ORGS, PERSONS } from './entities.js';
import type { Rng } from './rng.js';
import type { ArticleCast } from './sentences.js';
import { cap, plural, titleCase } from './text.js';
import { ADJS, NOUNS, NUM_WORDS, PLACES, PLURALS, VERBS_INF, VERBS_PAST, VERBS_PRES } from './words.js';

/** A Title-Case sentence about another story ("Iran Begins Building Four More …, Says Report."). */
export function relatedHeadline(r: Rng, a: ArticleCast): string {
  const ent = r.chance(0.5) ? r.pick(PLACES) : r.pick(ORGS);
  switch (r.int(0, 3)) {
    case 0:
      return titleCase(`${ent} ${r.pick(VERBS_PRES)} ${r.pick(NUM_WORDS)} More ${cap(r.pick(ADJS))} ${cap(plural(r.pick(NOUNS)))}, Says Report.`);
    case 1:
      return titleCase(`${r.pick(PERSONS)} ${r.pick(VERBS_PRES)} ${cap(r.pick(NOUNS))} ${cap(r.pick(NOUNS))} Amid ${a.topic} Row.`);
    case 2:
      return titleCase(`${r.pick(NUM_WORDS)} ${cap(r.pick(PLURALS))} Injured in ${ent} ${cap(r.pick(NOUNS))} Blast.`);
    default:
      return titleCase(`${ent} To ${cap(r.pick(VERBS_INF))} ${cap(r.pick(ADJS))} ${cap(r.pick(NOUNS))} by ${r.int(2001, 2030)}.`);
  }
}

/** The article's front-matter title: 6–14 words led by its first tag, sometimes quoted or suffixed ": Report". */
export function articleTitle(r: Rng, a: ArticleCast): string {
  const target = r.int(6, 14);
  const lead = a.tags[0] ?? '';
  const words = [...lead.split(' '), ...r.pick(VERBS_PRES).split(' '), cap(r.pick(ADJS)), cap(r.pick(NOUNS))];
  const tails: ReadonlyArray<() => string[]> = [
    () => ['in', r.pick(a.places)],
    () => ['as', cap(r.pick(PLURALS)), cap(r.pick(VERBS_PAST))],
    () => ['After', cap(r.pick(NOUNS)), 'Talks'],
    () => ['Amid', a.topic],
    () => ['&', cap(r.pick(NOUNS))],
    () => ['Over', `'${cap(r.pick(ADJS))}'`, cap(r.pick(NOUNS))],
    () => ['for', r.int(2, 90) + '', cap(r.pick(PLURALS))],
  ];
  while (words.length < target) words.push(...r.pick(tails)());
  let t = words.slice(0, target).join(' ');
  if (t.endsWith(' &') || t.endsWith(' in') || t.endsWith(' as') || t.endsWith(' for')) t = t.replace(/ \S+$/, '');
  if (r.chance(0.1)) t = `"${t}"`;
  else if (r.chance(0.08)) t = `${t}: Report`;
  return t;
}
