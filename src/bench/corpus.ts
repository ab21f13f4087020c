/** The project's deterministic benchmark corpus: seeds plus a matching `site.config.json`, from the shared or built-in generator. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeCorpusFiles, type CorpusFormat } from './corpus/write.js';
import { sharedCorpusScript } from './paths.js';

export type { CorpusFormat } from './corpus/write.js';

/** Which generator wrote the seeds: `make-corpus.mjs` from `../shared/bench`, or the TypeScript port here. */
export type CorpusGenerator = 'shared' | 'builtin';

/** A written corpus: where its seeds and config are, and what produced them (also saved as `<out>/corpus.json`). */
export interface CorpusInfo {
  readonly count: number;
  readonly format: CorpusFormat;
  readonly seed: string;
  readonly generator: CorpusGenerator;
  /** The folder to pass as `--seeds`: `<out>/seeds`, holding `NNNNNN.txt` or `NNNNNN.md`. */
  readonly seedsDir: string;
  /** The folder to pass as `--config`: taxonomy of every entity for txt, empty for md. */
  readonly configFile: string;
  /** `<out>/entities.json`: every tag entity the text can mention. */
  readonly entitiesFile: string;
  /** `<out>/manifest.json`: counts, top tags, articles per year. */
  readonly manifestFile: string;
}

/** Options of {@link writeCorpus}; `generator` defaults to `shared` when the shared script exists. */
export interface CorpusOptions {
  count: number;
  out: string;
  format: CorpusFormat;
  seed?: string;
  generator?: CorpusGenerator;
}

const INFO_FILE = 'corpus.json';

/**
 * Mentions that make a raw-text article's taxonomy tag: its own entities recur, incidental ones are named once or twice.
 * 3 brings its tags closest to the same article's Markdown front-matter tags (docs/performance.md, "Raw-text tags").
 */
export const BENCH_TAXONOMY_MIN_MENTIONS = 3;

/** Builds the site config for a corpus: for raw text, a taxonomy naming every entity so it gets about the tag pages Markdown gets. */
export function benchSiteConfig(format: CorpusFormat, entityNames: readonly string[]): { taxonomy?: Record<string, string[]>; taxonomyMinMentions?: number } {
  if (format === 'md') return {};
  return { taxonomy: Object.fromEntries(entityNames.map((name) => [name, []])), taxonomyMinMentions: BENCH_TAXONOMY_MIN_MENTIONS };
}

async function runSharedGenerator(opts: { count: number; seed: string; format: CorpusFormat; seedsDir: string; metaDir: string }): Promise<void> {
  const args = [sharedCorpusScript, '--count', String(opts.count), '--out', opts.seedsDir, '--seed', opts.seed, '--format', opts.format];
  await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  // The shared script writes its manifest and entity list beside the seeds; keep the seed folder to seeds only.
  for (const name of ['manifest.json', 'entities.json']) await rename(path.join(opts.seedsDir, name), path.join(opts.metaDir, name));
}

/** Writes `count` articles into `<out>/seeds/` plus `site.config.json`, `entities.json`, `manifest.json`, `corpus.json`; same arguments, same bytes. */
export async function writeCorpus(opts: CorpusOptions): Promise<CorpusInfo> {
  const seed = opts.seed ?? '1';
  const out = path.resolve(opts.out);
  const generator = opts.generator ?? (existsSync(sharedCorpusScript) ? 'shared' : 'builtin');
  const seedsDir = path.join(out, 'seeds');
  await rm(out, { recursive: true, force: true });
  await mkdir(seedsDir, { recursive: true });
  const plan = { count: opts.count, seed, format: opts.format, seedsDir, metaDir: out };
  if (generator === 'shared') await runSharedGenerator(plan);
  else writeCorpusFiles(plan);
  const info: CorpusInfo = {
    count: opts.count,
    format: opts.format,
    seed,
    generator,
    seedsDir,
    configFile: path.join(out, 'site.config.json'),
    entitiesFile: path.join(out, 'entities.json'),
    manifestFile: path.join(out, 'manifest.json'),
  };
  await writeSiteConfig(info);
  await writeFile(path.join(out, INFO_FILE), JSON.stringify(info, null, 2) + '\n');
  return info;
}

/** Writes the corpus's `site.config.json` from its entity list, unless it already holds exactly that (a reused corpus keeps its file). */
async function writeSiteConfig(info: CorpusInfo): Promise<void> {
  const entities = JSON.parse(await readFile(info.entitiesFile, 'utf8')) as Array<{ name: string }>;
  const text = JSON.stringify(benchSiteConfig(info.format, entities.map((e) => e.name)), null, 2) + '\n';
  const old = await readFile(info.configFile, 'utf8').catch(() => undefined);
  if (old !== text) await writeFile(info.configFile, text);
}

/** Reads `<out>/corpus.json` of a complete earlier corpus, or undefined when there is none. */
export async function readCorpusInfo(out: string): Promise<CorpusInfo | undefined> {
  try {
    return JSON.parse(await readFile(path.join(path.resolve(out), INFO_FILE), 'utf8')) as CorpusInfo;
  } catch {
    return undefined;
  }
}

/** Marks a corpus incomplete (an edit is in progress); {@link readCorpusInfo} then finds nothing until it is restored. */
export async function markCorpusDirty(out: string): Promise<void> {
  await rm(path.join(path.resolve(out), INFO_FILE), { force: true });
}

/** Marks a corpus complete again after its seeds were restored. */
export async function markCorpusClean(out: string, info: CorpusInfo): Promise<void> {
  await writeFile(path.join(path.resolve(out), INFO_FILE), JSON.stringify(info, null, 2) + '\n');
}

/** Reuses the complete corpus in `out` when it was made with the same count, format, seed (and generator, if one is forced); else writes it. */
export async function ensureCorpus(opts: CorpusOptions): Promise<{ info: CorpusInfo; reused: boolean }> {
  const seed = opts.seed ?? '1';
  const old = await readCorpusInfo(opts.out);
  const same =
    old !== undefined &&
    old.count === opts.count &&
    old.format === opts.format &&
    old.seed === seed &&
    old.seedsDir === path.join(path.resolve(opts.out), 'seeds') &&
    (opts.generator === undefined || old.generator === opts.generator);
  if (same) {
    // A corpus written before the bench config last changed keeps its seeds and gets the current config.
    await writeSiteConfig(old);
    return { info: old, reused: true };
  }
  return { info: await writeCorpus(opts), reused: false };
}
