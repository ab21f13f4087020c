/**
 * What a build's inputs make: the config with `--base-url` applied, and every seed read, parsed (in
 * worker threads when there are many) and modelled into the Site, drafts of unchanged seeds taken
 * from the cache.
 */
import type { ArticleDraft } from './article/draft.js';
import type { BuildOptions } from './build.js';
import type { BuildCache } from './cache/build-cache.js';
import { cachedDrafts } from './cache/cached-drafts.js';
import { draftKeyOf, parseSettingsOf, stampSeeds, type SeedScan } from './cache/fingerprint.js';
import type { SeedProblems, SeedTable } from './cache/seed-table.js';
import { loadConfig, type SiteConfig } from './config.js';
import { byPlace, ContentErrors, SeedError, UsageError } from './errors.js';
import { parsePlan, startPlannedWorkers } from './seeds/parse-threads.js';
import { copyKeyOf, copyWarnings, withCopyWarnings } from './seeds/copies.js';
import { listSeeds } from './seeds/read.js';
import { aliasClashes } from './site/aliases.js';
import { baseUrlOption } from './site/base-url.js';
import type { Site } from './site/site.js';

/** The validated config with `--base-url` applied. */
export async function resolveConfig(options: BuildOptions): Promise<SiteConfig> {
  const loaded = await loadConfig(options.configFile, options.configRequired);
  return options.baseUrl ? withBaseUrl(loaded, options.baseUrl) : loaded;
}

/**
 * Read + parse + model: every seed into the Site, or ContentErrors with every problem at once. Drafts
 * come from the cache when a seed is unchanged; bodies go to `bodyDir` (kept inline without one).
 * `onParsed` hears how many articles there are once every seed is parsed; the model is built when it settles.
 */
export async function loadSite(options: BuildOptions, cache?: BuildCache, bodyDir?: string, scanned?: SeedScan, resolved?: SiteConfig, onParsed?: (articles: number) => Promise<void>): Promise<{ site: Site; config: SiteConfig; warnings: SeedError[]; skipped: SeedError[]; seeds: SeedTable }> {
  const config = resolved ?? (await resolveConfig(options));
  const { paths, errors: listErrors } = scanned ?? (await listSeeds(options.seedsDir));
  const errors = [...listErrors];
  if (paths.length === 0 && errors.length === 0) throw new UsageError(`${options.seedsDir}: no seed files (.txt or .md) found (hint: add seeds, or pass --seeds <dir>)`);
  const { settings, settingsKey } = parseSettingsOf(config);
  let drafts = new Map<string, ArticleDraft>();
  const keys = new Map<string, string>();
  let stored: ReadonlyMap<string, ArticleDraft> = new Map();
  let restamped = 0;
  if (cache) {
    const stamps = scanned?.stamps ?? (await stampSeeds(paths));
    for (const [p, s] of stamps) keys.set(p, draftKeyOf(p, s));
    stored = await cache.loadDrafts(settingsKey);
    // A seed whose stamp changed but whose bytes did not keeps its draft, under its new stamp.
    ({ drafts, restamped } = cachedDrafts(paths, keys, stored));
  }
  const toParse = paths.filter((p) => !drafts.has(p));
  const plan = parsePlan(options.workers, options.seedTimeLimitMs, toParse.length);
  // The parse workers start first and load their modules while this thread loads its own (parse-threads.ts).
  const started = startPlannedWorkers(plan, toParse.length);
  // The parser, model and renderer load only when there is work for them: an up-to-date build never
  // pays for importing them (about 0.4 s of a 0.6 s no-op).
  const [{ parseAll }, { fromWire, toWire }, { buildSite, shapeOf }] = await Promise.all([import('./seeds/parse-pool.js'), import('./seeds/parse-task.js'), import('./site/model.js')]).catch(async (error: unknown) => {
    await (await started)?.destroy();
    throw error;
  });
  const warnings: SeedError[] = [];
  options.progress?.stage('parse', toParse.length);
  const results = await parseAll(toParse, { ...settings, ...(bodyDir !== undefined && { bodyDir }) }, plan, options.progress?.update, started);
  const withWarnings = new Set<string>();
  const problems: Record<string, SeedProblems> = {};
  results.forEach((result, i) => {
    warnings.push(...result.warnings.map(fromWire));
    if (result.warnings.length > 0) withWarnings.add(toParse[i]!);
    if (result.warnings.length > 0 || !result.ok) problems[toParse[i]!] = { ...(result.warnings.length > 0 && { warnings: result.warnings }), ...(!result.ok && { errors: result.errors }) };
    if (!result.ok) return void errors.push(...result.errors.map(fromWire));
    drafts.set(toParse[i]!, result.article);
  });
  if (cache && (toParse.length > 0 || restamped > 0 || stored.size !== drafts.size)) {
    // Seeds with warnings are parsed again next time, so their warnings are never lost.
    const keep = new Map<string, ArticleDraft>();
    for (const [p, draft] of drafts) if (!withWarnings.has(p)) keep.set(keys.get(p)!, draft);
    await cache.saveDrafts(settingsKey, keep);
  }
  const orderedDrafts = () => paths.filter((p) => drafts.has(p)).map((p) => drafts.get(p)!);
  const lineOf = (p: string) => drafts.get(p)?.aliasesLine ?? 1;
  const hasAliases = () => [...drafts.values()].some((draft) => draft.aliases !== undefined);
  if (errors.length > 0 && !options.skipInvalid) {
    // Every problem at once: the valid seeds' aliases are checked against each other too.
    const clashes = hasAliases() ? aliasClashes(buildSite(orderedDrafts(), config).articles, lineOf) : [];
    throw new ContentErrors([...errors, ...clashes].sort(byPlace));
  }
  let ordered = orderedDrafts();
  await onParsed?.(ordered.length);
  let site = buildSite(ordered, config);
  // An alias must not take an article's address or another seed's alias. With --skip-invalid the seeds
  // whose aliases clash are left out, and the site is modelled again (a slug may change: checked again).
  for (let clashes = hasAliases() ? aliasClashes(site.articles, lineOf) : []; clashes.length > 0; clashes = aliasClashes(site.articles, lineOf)) {
    if (!options.skipInvalid) throw new ContentErrors(clashes.sort(byPlace));
    for (const clash of clashes) {
      errors.push(clash);
      drafts.delete(clash.file);
      problems[clash.file] = { ...problems[clash.file], errors: [...(problems[clash.file]?.errors ?? []), toWire(clash)] };
    }
    ordered = orderedDrafts();
    site = buildSite(ordered, config);
  }
  // What the next build needs to take this site up after an edit: every seed's key, shape and problems.
  const copies = paths.map((p) => copyKeyOf(drafts.get(p)));
  const seeds: SeedTable = cache
    ? { paths, keys: paths.map((p) => keys.get(p)!), shapes: paths.map((p) => (drafts.has(p) ? shapeOf(drafts.get(p)!) : '')), copies, problems }
    : { paths: [], keys: [], shapes: [], copies: [], problems: {} };
  return { site, config, warnings: withCopyWarnings(paths, warnings, copyWarnings(paths, copies)), skipped: errors, seeds };
}

/** The config with `--base-url` applied (the same rule as the config key's, see base-url.ts). */
function withBaseUrl(config: SiteConfig, baseUrl: string): SiteConfig {
  return { ...config, baseUrl: baseUrlOption(baseUrl) };
}
