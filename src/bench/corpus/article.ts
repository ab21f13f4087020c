/** One synthetic news article: date, tags, title, slug and paragraphs (tweet, related headline, dateline). */
import { ENTITIES, ORGS, PERSONS, PLACE_SET, type Entity, zipfPick } from './entities.js';
import { articleTitle, relatedHeadline } from './headlines.js';
import type { Rng } from './rng.js';
import { paragraph, type ArticleCast } from './sentences.js';
import { type CalendarDay, corpusSlug, handleOf, longDate, pad2 } from './text.js';
import { FIRST, LAST, MONTHS, NOUNS, PLACES, PLURALS, TOPICS, TWEET_LEADS, VERBS_PAST } from './words.js';

/** A generated article, before it is written as `.txt` or `.md`. */
export interface CorpusArticle {
  /** Publication date, `YYYY-MM-DD`. */
  readonly iso: string;
  readonly title: string;
  readonly slug: string;
  readonly tags: readonly string[];
  readonly paras: readonly string[];
  readonly hasTweet: boolean;
}

const DAY0 = Date.UTC(2000, 0, 1);
const DAYS = Math.floor((Date.UTC(2026, 11, 31) - DAY0) / 86400000) + 1;

/** A date in 2000–2026, denser in recent years (archives grow). */
function publicationDay(r: Rng): CalendarDay & { ts: number } {
  const u = Math.sqrt(r.next());
  const t = new Date(DAY0 + Math.floor(u * DAYS) * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), ts: t.getTime() };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function tweetId(r: Rng): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALNUM[Math.floor(r.next() * 62)];
  return s;
}

function castOf(r: Rng, tags: readonly string[]): ArticleCast {
  const entities = tags.map((t) => ENTITIES.find((e) => e.name === t) as Entity);
  const named = (kind: Entity['kind']): string[] => entities.filter((e) => e.kind === kind).map((e) => e.name);
  const persons = named('person');
  const orgs = named('org');
  const places = named('place');
  const topics = named('topic');
  return {
    tags,
    persons: persons.length ? persons : [r.pick(PERSONS)],
    orgs: orgs.length ? orgs : [r.pick(ORGS)],
    places: places.length ? places : [r.pick(PLACES)],
    topic: topics[0] ?? r.pick(TOPICS),
    mdRate: r.chance(0.25) ? 0.08 : 0,
  };
}

function tweetParagraph(r: Rng, a: ArticleCast, ts: number): string {
  const who = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const td = new Date(ts - r.int(0, 1) * 86400000);
  const day = { y: td.getUTCFullYear(), m: td.getUTCMonth() + 1, d: td.getUTCDate() };
  return `${r.pick(TWEET_LEADS)} ${r.pick(a.places)} suggests the ${r.pick(NOUNS)} ${r.pick(VERBS_PAST)} the ${r.pick(NOUNS)} and caused no other damage. ${r.pick(a.orgs)} says no ${r.pick(NOUNS)} or ${r.pick(PLURALS)} affected pic.twitter.com/${tweetId(r)} — ${who} (@${handleOf(who)}) ${longDate(day)}`;
}

/** Generates article number `index` (1-based); `usedSlugs` keeps slugs unique across the corpus. */
export function makeArticle(r: Rng, index: number, usedSlugs: Set<string>): CorpusArticle {
  const date = publicationDay(r);
  const ntags = r.int(2, 6);
  const tags: string[] = [];
  while (tags.length < ntags) {
    const e = zipfPick(r);
    if (!tags.includes(e.name)) tags.push(e.name);
  }
  const a = castOf(r, tags);
  const title = articleTitle(r, a);
  let slug = corpusSlug(title) || `article-${index}`;
  if (usedSlugs.has(slug)) slug = `${slug}-${index}`;
  usedSlugs.add(slug);

  const totalWords = Math.round(250 + 1250 * Math.pow(r.next(), 1.6));
  const npara = Math.min(12, Math.max(3, Math.round(totalWords / 90) + r.int(-2, 2)));
  const per = Math.max(15, Math.floor(totalWords / npara));
  // Every tag is mentioned in the text at least once.
  const mentions = tags.map((t) =>
    PLACE_SET.has(t) ? `Reports from ${t} were confirmed later.` : a.topic === t ? `${t} remains high on the agenda.` : `${t} was named in the ${r.pick(NOUNS)}.`,
  );
  const paras: string[] = [];
  for (let i = 0; i < npara; i++) paras.push(paragraph(r, a, per));
  for (const m of mentions) {
    const k = r.int(0, npara - 1);
    paras[k] = `${paras[k]} ${m}`;
  }
  const hasTweet = r.chance(0.3);
  if (hasTweet) {
    const tweet = tweetParagraph(r, a, date.ts); // drawn before its position, as make-corpus.mjs does
    paras.splice(r.int(1, paras.length), 0, tweet);
  }
  if (r.chance(0.3)) {
    const k = r.int(0, Math.min(paras.length - 1, 3));
    if (!(paras[k] as string).includes('pic.twitter.com/')) paras[k] = `${paras[k]} ${relatedHeadline(r, a)}`;
  }
  if (a.mdRate > 0 && r.chance(0.5)) {
    // A paragraph that starts with '#' (would be a heading in Markdown).
    const k = r.int(1, paras.length - 1);
    paras[k] = `#${r.pick(['1 priority', ' of votes counted', handleOf(a.places[0] ?? ''), ' BREAKING'])}: ${paras[k]}`;
  }
  // Dateline on the first paragraph.
  if (r.chance(0.75)) paras[0] = `${r.pick(a.places)}, ${MONTHS[date.m - 1]} ${date.d}: ${paras[0]}`;
  const iso = `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
  return { iso, title, slug, tags, paras, hasTweet };
}
