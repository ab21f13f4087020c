/** Writes a whole synthetic corpus with the built-in generator: seed files, manifest.json, entities.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeArticle } from './article.js';
import { ENTITIES } from './entities.js';
import { toMarkdown, toRawText } from './format.js';
import { makeRng } from './rng.js';
import { wordCount } from './text.js';

/** The two seed formats of the corpus. */
export type CorpusFormat = 'txt' | 'md';

/** What to generate and where: seeds go to `seedsDir`, manifest.json and entities.json to `metaDir`. */
export interface CorpusPlan {
  readonly count: number;
  readonly seed: string;
  readonly format: CorpusFormat;
  readonly seedsDir: string;
  readonly metaDir: string;
}

/** The seed file name of article `index` (1-based): `000042.md`. */
export function seedFileName(index: number, format: CorpusFormat): string {
  return `${String(index).padStart(6, '0')}.${format}`;
}

/** Generates the corpus byte-for-byte as `make-corpus.mjs --format <txt|md>` does. */
export function writeCorpusFiles(plan: CorpusPlan): void {
  const r = makeRng(`corpus:${plan.seed}`);
  mkdirSync(plan.seedsDir, { recursive: true });
  mkdirSync(plan.metaDir, { recursive: true });
  const used = new Set<string>();
  let words = 0;
  let bytes = 0;
  let tweets = 0;
  const tagCounts: Record<string, number> = {};
  const years: Record<string, number> = {};
  for (let i = 1; i <= plan.count; i++) {
    const art = makeArticle(r, i, used);
    const text = plan.format === 'txt' ? toRawText(art) : toMarkdown(art);
    writeFileSync(path.join(plan.seedsDir, seedFileName(i, plan.format)), text);
    bytes += Buffer.byteLength(text);
    for (const p of art.paras) words += wordCount(p);
    if (art.hasTweet) tweets++;
    for (const t of art.tags) tagCounts[t] = (tagCounts[t] ?? 0) + 1;
    const y = art.iso.slice(0, 4);
    years[y] = (years[y] ?? 0) + 1;
  }
  const manifest = {
    count: plan.count,
    seed: plan.seed,
    format: plan.format,
    words,
    bytesTxt: plan.format === 'txt' ? bytes : 0,
    bytesMd: plan.format === 'md' ? bytes : 0,
    withTweet: tweets,
    distinctTags: Object.keys(tagCounts).length,
    topTags: Object.entries(tagCounts)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 10),
    years,
  };
  writeFileSync(path.join(plan.metaDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(path.join(plan.metaDir, 'entities.json'), JSON.stringify(ENTITIES.map((e) => ({ name: e.name, kind: e.kind })), null, 1) + '\n');
}
