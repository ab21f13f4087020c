/** `broadsheet bench`: generate corpora, time cold builds (every format and the peers, alternating), time incremental rebuilds, print and save the results. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { broadsheetBuild, broadsheetTarget, type BuildCommand, type BuildParams } from './build-command.js';
import { ensureCorpus, markCorpusClean, markCorpusDirty, type CorpusFormat, type CorpusInfo } from './corpus.js';
import { seedFileName } from './corpus/write.js';
import { measureIncremental } from './incremental.js';
import { describeInvocation } from './invocation.js';
import { emptyTrash, measureRun, succeeded, summariseRuns, type BuildTarget, type RunContext, type RunSample } from './measure.js';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './options.js';
import { availablePeers, PEER_INSTALL_HINT, peerTarget, preparePeer, type PeerName } from './peers.js';
import { detectUsageMethod, type UsageMethod } from './process-usage.js';
import { addRatios, filesCount, ratioLines, type BenchRow, type Scenario } from './results.js';
import { formatBenchTable } from './table.js';

/** Replaceable parts of a run: the build command (tests use a fake) and where progress lines go. */
export interface BenchDeps {
  readonly buildCommand?: BuildCommand;
  readonly progress?: (line: string) => void;
  readonly print?: (text: string) => void;
}

interface RunState {
  readonly options: BenchOptions;
  readonly method: UsageMethod;
  readonly command: BuildCommand;
  readonly progress: (line: string) => void;
  /** Peers still worth running; one that failed or timed out is dropped for larger sizes. */
  readonly peers: Set<PeerName>;
}

/** Free disk space the bench keeps: below it, old outputs are deleted after each run rather than at the end. */
const KEEP_TRASH_WHILE_FREE = 8 * 1024 ** 3;

function trashDirOf(state: RunState): string {
  return path.join(state.options.work, 'trash');
}

function contextFor(state: RunState, label: string): RunContext {
  const { work, timeoutSeconds } = state.options;
  return { trashDir: trashDirOf(state), keepTrashWhileFree: KEEP_TRASH_WHILE_FREE, logFile: path.join(work, 'logs', `${label}.log`), method: state.method, timeoutSeconds };
}

function row(size: number, format: CorpusFormat, target: BuildTarget, scenario: Scenario, samples: readonly RunSample[], note?: string): BenchRow {
  return { size, format, tool: target.tool, scenario, command: describeInvocation(target.invocation), samples, summary: summariseRuns(samples), ...(note ? { note } : {}) };
}

async function peerTargetsFor(state: RunState, corpus: CorpusInfo): Promise<{ targets: BuildTarget[]; failed: BenchRow[] }> {
  const peersWork = path.join(state.options.work, 'peers');
  const targets: BuildTarget[] = [];
  const failed: BenchRow[] = [];
  for (const peer of [...state.peers]) {
    state.progress(`${corpus.count} md ${peer}: laying out the site (run.sh PREPARE_ONLY=1)`);
    const error = await preparePeer(peer, corpus.seedsDir, peersWork);
    const target = peerTarget(peer, peersWork);
    if (error === undefined) targets.push(target);
    else {
      state.progress(`${peer}: could not prepare: ${error}\n${PEER_INSTALL_HINT}`);
      state.peers.delete(peer);
      failed.push(row(corpus.count, 'md', target, 'cold', [], 'not prepared'));
    }
  }
  return { targets, failed };
}

/** A build to time cold, with the corpus it builds. */
interface ColdTarget {
  readonly target: BuildTarget;
  readonly corpus: CorpusInfo;
}

/**
 * Cold builds of every target, alternating within each round (A B C D A B C D …): every format's
 * broadsheet build and the peers, so a ratio between any two (txt against Hugo's md included) compares
 * builds of the same minutes on this shared machine. `--warmup` rounds come first and are not counted.
 */
async function measureAlternating(state: RunState, targets: readonly ColdTarget[]): Promise<Map<BuildTarget, RunSample[]>> {
  const samples = new Map<BuildTarget, RunSample[]>(targets.map(({ target }) => [target, []]));
  const dropped = new Set<BuildTarget>();
  const { runs, warmups } = state.options;
  for (let r = 1 - warmups; r <= runs; r++) {
    const warmup = r < 1;
    const round = warmup ? `warm-up ${r + warmups}/${warmups} (not counted)` : `${r}/${runs}`;
    for (const { target, corpus } of targets) {
      if (dropped.has(target)) continue;
      const label = `${corpus.count}-${corpus.format}-${target.tool}-${warmup ? `warmup${r + warmups}` : `cold${r}`}`;
      const sample = await measureRun(target, true, contextFor(state, label));
      if (!warmup) samples.get(target)?.push(sample);
      const status = succeeded(sample) ? '' : sample.timedOut ? ' TIMED OUT' : ` FAILED (exit ${sample.exitCode ?? sample.signal}; log ${contextFor(state, label).logFile})`;
      state.progress(`${corpus.count} ${corpus.format} ${target.tool} cold ${round}: ${sample.wallSeconds.toFixed(2)} s${status}`);
      if (!succeeded(sample) && target.tool !== 'broadsheet') {
        dropped.add(target);
        state.peers.delete(target.tool as PeerName);
      }
    }
  }
  return samples;
}

/** One format of one size, ready to time: its corpus (which holds the size and format), build parameters and cold targets (broadsheet first). */
interface FormatPlan {
  readonly corpusDir: string;
  readonly corpus: CorpusInfo;
  readonly params: Omit<BuildParams, 'useCache'>;
  readonly targets: readonly BuildTarget[];
  /** Peers that could not be prepared, as rows. */
  readonly failed: readonly BenchRow[];
}

/** Writes (or reuses) the corpus of one format and size and lays out the peers' sites for it. */
async function prepareFormat(state: RunState, size: number, format: CorpusFormat): Promise<FormatPlan> {
  const { options } = state;
  const corpusDir = path.join(options.work, 'corpus', `${format}-${size}-s${options.seed}`);
  const { info: corpus, reused } = await ensureCorpus({ count: size, out: corpusDir, format, seed: options.seed, ...(options.generator ? { generator: options.generator } : {}) });
  state.progress(`${size} ${format}: corpus ${reused ? 'reused' : `written (${corpus.generator} generator)`} in ${corpusDir}`);
  const siteDir = path.join(options.work, 'sites', `${format}-${size}`);
  await mkdir(siteDir, { recursive: true });
  const params: Omit<BuildParams, 'useCache'> = { seedsDir: corpus.seedsDir, outDir: path.join(siteDir, 'dist'), configFile: corpus.configFile, siteDir, search: state.options.search };
  const peers = format === 'md' && options.peers ? await peerTargetsFor(state, corpus) : { targets: [], failed: [] };
  return { corpusDir, corpus, params, targets: [broadsheetTarget(state.command, { ...params, useCache: false }), ...peers.targets], failed: peers.failed };
}

/** A format's rows: its cold builds (timed already), then the cached build, the no-op and the one-seed edit. */
async function finishFormat(state: RunState, plan: FormatPlan, cold: ReadonlyMap<BuildTarget, RunSample[]>): Promise<BenchRow[]> {
  const { corpus, corpusDir, params, targets } = plan;
  const { count: size, format } = corpus;
  const rows = [...targets.map((t) => row(size, format, t, 'cold', cold.get(t) ?? [])), ...plan.failed];
  if (!state.options.incremental || !summariseRuns(cold.get(targets[0]!) ?? []).ok) return rows;
  const editedSeed = path.join(corpus.seedsDir, seedFileName(Math.ceil(size / 2), format));
  await markCorpusDirty(corpusDir);
  const inc = await measureIncremental(state.command, params, editedSeed, state.options.rebuilds, (step) => contextFor(state, `${size}-${format}-broadsheet-${step}`));
  await markCorpusClean(corpusDir, corpus);
  const cached = broadsheetTarget(state.command, { ...params, useCache: true });
  for (const [scenario, samples] of [['cache-prime', [inc.prime]], ['no-op', inc.noop], ['edit-1', inc.edit]] as const) {
    const r = row(size, format, cached, scenario, samples);
    state.progress(`${size} ${format} broadsheet ${scenario}: median ${r.summary.wallSeconds.toFixed(2)} s, ${filesCount(r.summary.filesWritten)} written`);
    rows.push(r);
  }
  return rows;
}

/** One size: every format's cold builds in the same rounds, then each format's rebuilds. */
async function benchSize(state: RunState, size: number): Promise<BenchRow[]> {
  const plans: FormatPlan[] = [];
  for (const format of state.options.formats) plans.push(await prepareFormat(state, size, format));
  const cold = await measureAlternating(state, plans.flatMap((plan) => plan.targets.map((target) => ({ target, corpus: plan.corpus }))));
  const rows: BenchRow[] = [];
  for (const plan of plans) rows.push(...(await finishFormat(state, plan, cold)));
  return rows;
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', totalMemMiB: Math.round(os.totalmem() / 1048576), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** Runs the benchmark for `bench` arguments (without the word `bench`); returns the exit code: 0 ok, 1 a broadsheet build failed, 2 usage. */
export async function runBench(argv: string[], deps: BenchDeps = {}): Promise<number> {
  const progress = deps.progress ?? ((line: string) => console.error(line));
  const print = deps.print ?? ((text: string) => console.log(text));
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    progress(error.message);
    return 2;
  }
  if (options.help) {
    print(BENCH_USAGE);
    return 0;
  }
  const method = detectUsageMethod();
  if (method !== 'gnu-time') progress(`bench: GNU time not found; CPU and RSS ${method === 'proc-sampling' ? 'are sampled from /proc (approximate)' : 'are not measured'} — apt-get install -y time`);
  const peers = new Set<PeerName>();
  if (options.peers) {
    const found = availablePeers();
    for (const p of found.peers) peers.add(p);
    if (found.missing.length > 0) progress(`bench: peers missing: ${found.missing.join(', ')}\n${PEER_INSTALL_HINT}`);
  }
  const state: RunState = { options, method, command: deps.buildCommand ?? broadsheetBuild, progress, peers };
  const startedAt = new Date().toISOString();
  const rows: BenchRow[] = [];
  // Old outputs left by a killed run are deleted now, not during the timed builds.
  await emptyTrash(trashDirOf(state));
  for (const size of options.sizes) rows.push(...(await benchSize(state, size)));
  progress('bench: deleting the old outputs');
  await emptyTrash(trashDirOf(state));
  addRatios(rows);
  print(formatBenchTable(rows));
  const ratios = ratioLines(rows);
  if (ratios.length > 0) print(['', ...ratios].join('\n'));
  const results = { version: 1, startedAt, finishedAt: new Date().toISOString(), machine: machine(), usageMethod: method, options, rows };
  await mkdir(path.dirname(options.json), { recursive: true });
  await writeFile(options.json, JSON.stringify(results, null, 2) + '\n');
  progress(`bench: results written to ${options.json}`);
  return rows.some((r) => r.tool === 'broadsheet' && !r.summary.ok) ? 1 : 0;
}
