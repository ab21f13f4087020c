/** The ~400 tag entities of the corpus and their Zipf-weighted draw; the vocabulary is fixed whatever the corpus seed. */
import { makeRng, type Rng } from './rng.js';
import { FIRST, LAST, ORG_HEAD, ORG_TAIL, PLACES, TOPICS } from './words.js';

/** What an entity names; decides how the article text mentions it. */
export type EntityKind = 'place' | 'topic' | 'person' | 'org';

/** One tag entity: a canonical tag name the article text can mention. */
export interface Entity {
  readonly name: string;
  readonly kind: EntityKind;
}

function buildEntities(): Entity[] {
  const r = makeRng('entities-v1');
  const entities: Entity[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: EntityKind): void => {
    if (seen.has(name)) return;
    seen.add(name);
    entities.push({ name, kind });
  };
  for (const p of PLACES) add(p, 'place');
  for (const t of TOPICS) add(t, 'topic');
  while (entities.length < 260) add(`${r.pick(FIRST)} ${r.pick(LAST)}`, 'person');
  while (entities.length < 400) add(`${r.pick(ORG_HEAD)} ${r.pick(ORG_TAIL)}`, 'org');
  // Shuffle so Zipf ranks mix the kinds.
  for (let i = entities.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [entities[i], entities[j]] = [entities[j] as Entity, entities[i] as Entity];
  }
  return entities;
}

/** Every tag entity, in Zipf rank order (most frequent first). */
export const ENTITIES: readonly Entity[] = buildEntities();
/** The invented people among the entities. */
export const PERSONS: readonly string[] = ENTITIES.filter((e) => e.kind === 'person').map((e) => e.name);
/** The invented organisations among the entities. */
export const ORGS: readonly string[] = ENTITIES.filter((e) => e.kind === 'org').map((e) => e.name);
/** Place names, for "is this tag a place" checks. */
export const PLACE_SET: ReadonlySet<string> = new Set(PLACES);

const ZIPF_CDF: readonly number[] = (() => {
  const weights = ENTITIES.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
})();

/** Draws one entity with Zipf (s = 1) weights over the ranks. */
export function zipfPick(r: Rng): Entity {
  const u = r.next();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ZIPF_CDF[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return ENTITIES[lo] as Entity;
}
