/** `broadsheet bench` command-line options: parsing, defaults and the help text. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { CorpusFormat, CorpusGenerator } from './corpus.js';
import { repoRoot } from './paths.js';

/** Everything a benchmark run needs to know, defaults filled in. */
export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
  /**
   * Untimed cold builds of every target before the timed rounds. The first builds after a run deletes
   * old outputs create their files far more slowly on this machine's disk (ext4 with online discard:
   * system time 2–4× that of later rounds, whichever tool comes first), so they are not counted.
   */
  readonly warmups: number;
  /** No-op/edit pairs per size and format (cheap next to cold builds, so more of them: a steadier median on a noisy machine). */
  readonly rebuilds: number;
  readonly formats: readonly CorpusFormat[];
  /** Scratch folder for corpora, sites, peers and logs. */
  readonly work: string;
  readonly peers: boolean;
  readonly json: string;
  readonly seed: string;
  /** Forces a corpus generator; default: the shared script when present. */
  readonly generator?: CorpusGenerator;
  /** Skip the no-op and one-edit rebuilds. */
  readonly incremental: boolean;
  /** Build broadsheet's Pagefind index too (the peers build none, so off for a like-for-like comparison). */
  readonly search: boolean;
  /** A build running longer is killed and reported failed. */
  readonly timeoutSeconds: number;
  readonly help: boolean;
}

/** The usage text of `broadsheet bench`. */
export const BENCH_USAGE = `usage: broadsheet bench [options]
  --sizes 1000,10000,100000   corpus sizes (articles); 10k and 1k also accepted
  --runs 3                    cold builds per size, format and tool (medians are reported)
  --warmup 1                  untimed cold builds of every tool first (0: none); the first builds
                              after old outputs are deleted write their files far more slowly
  --rebuilds 7                no-op/edit pairs per size and format (median of the pairs' differences)
  --formats md,txt            seed formats to build
  --work .bench               scratch folder: corpora, built sites, peer sites, logs, and old outputs
                              until the run ends (≈ 3 GB a 100k site; deleted after each run when
                              less than 8 GiB is free)
  --json <file>               results file (default <work>/results.json)
  --peers                     also build Hugo and Eleventy (../shared/bench/peers/run.sh) on the md corpus, alternating runs
  --no-incremental            skip the no-op and one-edited-article rebuilds
  --search                    include the Pagefind search index (off: the peers build no search)
  --seed 1                    corpus seed
  --generator shared|builtin  corpus generator (default: shared script when present)
  --timeout 900               seconds before a build is killed
The shared kit (make-corpus.mjs, peers/run.sh) is looked for in ../shared/bench beside the repository;
set BROADSHEET_SHARED_BENCH=<dir> when it is elsewhere (a clone in another folder).`;

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(text.trim().replace(/_/g, ''));
  const n = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'k' ? 1000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new UsageError(`bench: --sizes: expected article counts 1..999999, got "${text}"`);
  return n;
}

function positiveInt(name: string, text: string, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`bench: --${name}: expected ${min === 0 ? 'a whole number' : 'a positive integer'}, got "${text}"`);
  return n;
}

/** Parses `bench` arguments (without the `bench` word); throws UsageError on anything unknown. */
export function parseBenchOptions(argv: readonly string[], cwd = process.cwd()): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        runs: { type: 'string', default: '3' },
        warmup: { type: 'string', default: '1' },
        rebuilds: { type: 'string', default: '7' },
        formats: { type: 'string', default: 'md,txt' },
        work: { type: 'string', default: path.join(repoRoot, '.bench') },
        json: { type: 'string' },
        peers: { type: 'boolean', default: false },
        'no-incremental': { type: 'boolean', default: false },
        search: { type: 'boolean', default: false },
        seed: { type: 'string', default: '1' },
        generator: { type: 'string' },
        timeout: { type: 'string', default: '900' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`bench: ${(error as Error).message}\n${BENCH_USAGE}`);
  }
  const formats = values.formats.split(',').map((f) => f.trim());
  for (const f of formats) if (f !== 'md' && f !== 'txt') throw new UsageError(`bench: --formats: expected md and/or txt, got "${f}"`);
  const generator = values.generator;
  if (generator !== undefined && generator !== 'shared' && generator !== 'builtin') throw new UsageError(`bench: --generator: expected shared or builtin, got "${generator}"`);
  const work = path.resolve(cwd, values.work);
  return {
    sizes: values.sizes.split(',').map(parseSize),
    runs: positiveInt('runs', values.runs),
    warmups: positiveInt('warmup', values.warmup, 0),
    rebuilds: positiveInt('rebuilds', values.rebuilds),
    formats: [...new Set(formats)] as CorpusFormat[],
    work,
    peers: values.peers,
    json: path.resolve(cwd, values.json ?? path.join(work, 'results.json')),
    seed: values.seed,
    ...(generator === undefined ? {} : { generator }),
    incremental: !values['no-incremental'],
    search: values.search,
    timeoutSeconds: positiveInt('timeout', values.timeout),
    help: values.help,
  };
}
