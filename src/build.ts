/** The pipeline, stage by stage: read → parse → model → render → write (with the incremental cache around it). */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BuildCache } from './cache/build-cache.js';
import { loadEditedSite, MAX_SNAPSHOT_EDITS } from './cache/edited-site.js';
import { storedIdentities } from './cache/lazy-articles.js';
import { draftKeyOf, fingerprintDir, fingerprintFile, GENERATOR_VERSION, hashOf, parseSettingsOf, scanSeeds, type SeedScan } from './cache/fingerprint.js';
import { withEditedSeeds } from './cache/seed-table.js';
import type { SiteConfig } from './config.js';
import { EarlyRenderWorkers } from './render/render-pool.js';
import { checkTemplateSet } from './render/template-set.js';
import { SeedError, UsageError } from './errors.js';
import { HeapBudget } from './heap-budget.js';
import { loadSite, resolveConfig } from './load-site.js';
import { stageTimer } from './stage-timings.js';
import type { Progress } from './progress.js';
import type { Dependents } from './render/dependents.js';
import type { Site } from './site/site.js';
import { bodiesDirOf, createStagingDir, recoverOutputDir, swapIntoPlace } from './write/atomic-dir.js';
import { copyPublic, publicFilesOf, SiteWriter, stagesFlat, type PreviousSite } from './write/files.js';
import { commitOverFolder } from './write/folder-commit.js';
import { commitJournal } from './write/journal.js';
import { acquireOutputLock } from './write/lock.js';
import { guardOutputDir } from './write/output-guard.js';
import { shardDirOfFile } from './write/search-shards.js';
import { warningLines } from './warning-lines.js';

/** Where a build reads from and writes to, and how strict it is. */
export interface BuildOptions {
  readonly seedsDir: string;
  readonly outDir: string;
  readonly configFile: string;
  /** True when the config path was given explicitly (then it must exist). */
  readonly configRequired: boolean;
  readonly templatesDir: string;
  readonly publicDir: string;
  readonly baseUrl?: string;
  readonly skipInvalid: boolean;
  /** Worker threads for parsing; default one per core (none for small builds). */
  readonly workers?: number;
  /** Milliseconds a seed may take to convert in a worker before it is stopped (plus 2 s per MiB; default 10 s; 0: no limit). */
  readonly seedTimeLimitMs?: number;
  /** The incremental cache folder (default `.cache`); `undefined` with `noCache`. */
  readonly cacheDir?: string;
  /** A cold build: neither read nor write the cache. */
  readonly noCache?: boolean;
  /** Build the Pagefind search index (default true). */
  readonly search?: boolean;
  /** Where progress goes (default: nowhere). */
  readonly progress?: Progress;
}

/** What a build (or check) found and did. */
export interface BuildReport {
  readonly articles: number;
  readonly tags: number;
  readonly pages: number;
  readonly files: number;
  /** Files whose bytes changed (the rest kept their previous copy and mtime). */
  readonly written: number;
  /** True when nothing had changed since the last build and nothing was done. */
  readonly upToDate: boolean;
  /** Set when the last build's site was taken up and only these many edited seeds were parsed (their edits kept the site's shape). */
  readonly editedSeeds?: number;
  readonly warnings: readonly SeedError[];
  readonly skipped: readonly SeedError[];
}

/** A report's warnings (see warningLines) and skipped seeds, one line each (`warning: path:line: message`, `skipped: …`). */
export function problemLines(report: BuildReport): string[] {
  return [...warningLines(report.warnings), ...report.skipped.map((s) => `skipped: ${s.format()}`)];
}

/** The validated config (see resolveConfig), once the templates folder is known to hold every page template. */
async function resolveInputs(options: BuildOptions): Promise<SiteConfig> {
  const config = await resolveConfig(options);
  await checkTemplateSet(options.templatesDir);
  return config;
}

/** A fingerprint of everything a build reads; equal fingerprints mean byte-identical output. */
async function fingerprintInputs(options: BuildOptions, config: SiteConfig, { stamps }: SeedScan): Promise<string> {
  return hashOf(
    GENERATOR_VERSION,
    JSON.stringify(config),
    JSON.stringify([options.skipInvalid, options.search !== false, path.resolve(options.outDir)]),
    await fingerprintDir(options.templatesDir),
    await fingerprintDir(options.publicDir),
    await fingerprintFile(options.configFile),
    [...stamps].map(([p, s]) => draftKeyOf(p, s)).join('\n'),
  );
}

/** How many files renderSite yields for a site (for the progress bar). */
function generatedFileCount(site: Site): number {
  const pagesOf = (n: number) => Math.max(1, Math.ceil(n / site.config.pageSize));
  const tagPages = site.tags.reduce((n, t) => n + pagesOf(t.articles.length), 0);
  const archives = site.years.reduce((n, y) => n + 1 + y.months.length, 0);
  const pages = site.articles.length + pagesOf(site.articles.length) + tagPages + 1 + archives + 2;
  const sitemaps = pages > 50_000 ? 1 + Math.ceil(pages / 50_000) : 1;
  return pages + 1 + site.tags.length + sitemaps + 1;
}

/** Makes the folder the output folder goes in (`--out build/site` with no `build/` yet): the lock, staging and swap happen beside the output. */
async function makeParentFolder(outDir: string): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : (code ?? (error as Error).message);
    throw new UsageError(`${outDir}: cannot make the folder it goes in (${parent}): ${why} (hint: choose another --out)`);
  }
}

/** True when the path exists. */
function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Builds the site into `outDir`: on any error the previous output is left exactly as it was; unchanged files keep their mtime. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const lap = stageTimer();
  const config = await resolveInputs(options);
  await guardOutputDir(options.outDir, [options.seedsDir, options.templatesDir, options.publicDir, options.cacheDir ?? '.cache']);
  await makeParentFolder(options.outDir);
  const release = await acquireOutputLock(options.outDir);
  try {
    await recoverOutputDir(options.outDir);
    const cacheDir = options.cacheDir ?? '.cache';
    if (options.noCache) await BuildCache.forget(cacheDir, options.outDir);
    const cache = options.noCache ? undefined : await BuildCache.open(cacheDir, options.outDir);
    const scan = cache ? await scanSeeds(options.seedsDir) : undefined;
    const inputsKey = scan ? await fingerprintInputs(options, config, scan) : '';
    const last = cache?.state;
    if (last && last.inputsKey === inputsKey && (await exists(path.join(options.outDir, 'index.html')))) {
      return { ...last.summary, written: 0, upToDate: true, warnings: [], skipped: [] };
    }
    lap('start-up and fingerprint');
    // Bodies live in the cache, or for a cold build in a folder beside the output, removed afterwards
    // (or, if this build is killed, by the next build's recovery).
    const bodyDir = cache ? cache.bodyDir : bodiesDirOf(options.outDir);
    if (!cache) await mkdir(bodyDir, { recursive: true });
    try {
      return await buildWith(options, config, cache, bodyDir, inputsKey, scan, lap);
    } finally {
      if (!cache) await rm(bodyDir, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
}

/** The build after start-up: load, render, write, commit, record. */
async function buildWith(options: BuildOptions, config: SiteConfig, cache: BuildCache | undefined, bodyDir: string, inputsKey: string, scan: SeedScan | undefined, lap: (stage: string) => void): Promise<BuildReport> {
  const last = cache?.state;
  // What the last build wrote, file by file (read only now: an up-to-date build never needs it).
  const records = last && (await cache!.records());
  const outDir = path.resolve(options.outDir);
  const previous: PreviousSite = records && (await exists(outDir)) ? { kind: 'manifest', dir: outDir, outputs: records.outputs } : (await exists(outDir)) ? { kind: 'folder', dir: outDir } : { kind: 'none' };
  // Everything outside the pages' contexts that changes bytes: generator version, config, templates.
  const renderKey = hashOf(GENERATOR_VERSION, JSON.stringify(config), await fingerprintDir(options.templatesDir));
  // A few seeds edited without changing the site's shape: the last build's site, those articles replaced.
  const edit = cache && scan && previous.kind === 'manifest' && records?.pages ? await loadEditedSite(config, cache, scan, renderKey, options) : undefined;
  // A build that renders every page starts its render workers once the seeds are parsed (render-pool.ts).
  const early = new EarlyRenderWorkers(options.workers, !(previous.kind === 'manifest' && records?.pages));
  const parsed = async (articles: number) => {
    lap('read and parse');
    await early.start(articles);
  };
  const loaded = edit ? undefined : await early.stoppingOnError(loadSite(options, cache, bodyDir, scan, config, parsed));
  const { site, warnings, skipped } = edit ?? loaded!;
  lap(edit ? `parse ${edit.edited} edited seeds into the last build's site (${edit.scope.size} files show them)` : 'model');
  const staging = await early.stoppingOnError(createStagingDir(options.outDir));
  try {
    const writer = new SiteWriter(staging, previous, cache !== undefined);
    await copyPublic(options.publicDir, writer);
    let pages = 0;
    options.progress?.stage('render', generatedFileCount(site));
    // With a cache, pages whose inputs did not change since the last build are kept, not rendered.
    const plan = cache ? { renderKey, ...(previous.kind === 'manifest' && records?.pages && { previous: records.pages }), ...(edit && { scope: edit.scope, stored: storedIdentities }) } : undefined;
    const [{ renderSiteInto }, { SearchPass }] = await Promise.all([import('./render/site-files.js'), import('./write/search-pass.js')]);
    const search = options.search === false ? undefined : new SearchPass(site.config.language, plan === undefined);
    let signatures = new Map<string, string>();
    let dependents: Dependents | undefined;
    try {
      const renderOptions = {
        templatesDir: options.templatesDir,
        bodyDir,
        ...(options.workers !== undefined && { workers: options.workers }),
        ...(plan && { plan }),
        writer,
        withHtml: search !== undefined && plan === undefined,
        // Kept pages one by one only for the search index, which lists them.
        keptPages: search !== undefined,
        onProgress: (done: number) => options.progress?.update(done),
        ...(early.pool && { started: early.pool }),
      };
      const record = await renderSiteInto(site, renderOptions, (page) => (page.searchUrl === undefined ? undefined : search?.page(page.path, page.searchUrl, page.html)));
      pages = record.pages;
      signatures = record.signatures;
      dependents = record.dependents ?? edit?.dependents;
      lap('render');
      if (search) {
        options.progress?.stage('search', 1);
        // A shard's last bundle is kept only when the files it was made of are on record.
        const recorded = previous.kind === 'manifest' ? previous.outputs : undefined;
        const { files, kept } = await search.finish(signatures, recorded && last?.searchSignatures, (p) => readFile(writer.locate(p), 'utf8'));
        const keptDirs = new Set(kept);
        for (const p of recorded?.keys() ?? []) if (keptDirs.has(shardDirOfFile(p) ?? '')) writer.keep(p);
        for (const file of files) writer.add(file);
        lap('search index');
      }
    } finally {
      await search?.close();
    }
    const stats = writer.stats;
    // Committing and recording take seconds at 100k articles: the bar says so instead of standing at the render's last count.
    options.progress?.stage('commit', 1);
    if (previous.kind === 'manifest') {
      const removes = [...previous.outputs.keys()].filter((p) => !writer.allPaths().has(p));
      await commitJournal(options.outDir, { staging, moves: writer.staged, removes, flat: stagesFlat(writer.target) });
    } else if (previous.kind === 'folder') {
      await commitOverFolder(options.outDir, staging, writer);
    } else {
      await swapIntoPlace(staging, options.outDir);
    }
    lap('commit');
    const summary = { articles: site.articles.length, tags: site.tags.length, pages, files: stats.written + stats.unchanged };
    // A build with warnings or skipped seeds is never "up to date": they must be shown again next time.
    if (cache) {
      // What is recorded adds its encodings to the render pass's garbage: at 100k articles the
      // main heap held ≈ 490 MB (much of it dead) when recording began, and the peak came here.
      options.progress?.stage('record', 1);
      const heap = new HeapBudget();
      // The snapshot lets the next build take up this site after an edit.
      const snapshot = dependents ? randomUUID() : undefined;
      if (snapshot && edit && Object.keys(edit.edits.drafts).length <= MAX_SNAPSHOT_EDITS) {
        await cache.saveSnapshotEdits({ id: snapshot, ...edit.edits });
      } else if (snapshot) {
        const { config: _config, ...model } = site;
        const seeds = edit ? withEditedSeeds(edit.baseSeeds, edit.edits.seeds) : loaded!.seeds;
        await cache.saveSnapshot({ id: snapshot, renderKey, settings: parseSettingsOf(config).settingsKey, seeds, site: model, dependents: dependents! });
      }
      heap.check();
      await cache.saveState({
        generator: GENERATOR_VERSION,
        inputsKey: warnings.length + skipped.length === 0 ? inputsKey : '',
        outputs: writer.outputs,
        pages: signatures,
        ...(search?.signatures !== undefined && { searchSignatures: search.signatures }),
        ...(snapshot && { snapshot }),
        summary,
      });
      lap('record in the cache');
    }
    options.progress?.finish();
    return { ...summary, written: stats.written, upToDate: false, ...(edit && { editedSeeds: edit.edited }), warnings, skipped };
  } catch (error) {
    await early.stop();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Validates seeds, config, templates folder and public/ without writing anything (no output, no cache, no lock). */
export async function check(options: BuildOptions): Promise<BuildReport> {
  const config = await resolveInputs(options);
  await publicFilesOf(options.publicDir);
  const { site, warnings, skipped } = await loadSite(options, undefined, undefined, undefined, config);
  return { articles: site.articles.length, tags: site.tags.length, pages: 0, files: 0, written: 0, upToDate: false, warnings, skipped };
}

