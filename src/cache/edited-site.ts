/**
 * Taking up the last build's site after an edit: which seeds changed since its snapshot, whether each
 * kept its shape, and the site with their records replaced (see site/edit.ts) — or undefined, and the
 * build loads the site whole.
 */
import type { ArticleDraft } from '../article/draft.js';
import type { SiteConfig } from '../config.js';
import type { BuildOptions } from '../build.js';
import { byPlace, ContentErrors, type SeedError } from '../errors.js';
import { copyKeyOf, copyWarnings, withCopyWarnings } from '../seeds/copies.js';
import type { ParseSettings } from '../seeds/parse-pool.js';
import type { WireResult } from '../seeds/parse-task.js';
import type { Dependents } from '../render/dependents.js';
import type { Site } from '../site/site.js';
import type { BuildCache } from './build-cache.js';
import { draftKeyOf, parseSettingsOf, type SeedScan } from './fingerprint.js';
import { hasBytesOf } from './cached-drafts.js';
import { seedAt, type SeedTable, type SnapshotSeed } from './seed-table.js';
import type { SnapshotEdits } from './site-snapshot.js';

/** At most this many edited seeds are taken up by an edit of the last build's site; more go the full way. */
const MAX_EDITED_SEEDS = 64;

/** At most this many seeds are kept as edits beside a snapshot; past that the snapshot is saved whole again. */
export const MAX_SNAPSHOT_EDITS = 512;

/** A site made by editing the last build's: the files that can have changed, and the snapshot's record of who shows what. */
export interface EditedSite {
  readonly site: Site;
  /** The snapshot's seeds (with `edits.seeds` over them, every seed of the site). */
  readonly baseSeeds: SeedTable;
  readonly scope: ReadonlySet<string>;
  readonly dependents: Dependents;
  /** How many seeds were edited (and parsed) by this build. */
  readonly edited: number;
  /** Every edit since the snapshot, this build's included (to save beside the snapshot). */
  readonly edits: Omit<SnapshotEdits, 'id'>;
  /** The warnings of every seed, and the seeds skipped as invalid, as a full load would report them. */
  readonly warnings: SeedError[];
  readonly skipped: SeedError[];
}

/** The content hash each of `paths` had when last parsed: an edit's draft since the snapshot, else the snapshot's article (none for a seed without one). */
function recordedHashes(paths: readonly string[], articles: Site['articles'], edits: SnapshotEdits | undefined): Map<string, string> {
  const hashes = new Map<string, string>();
  if (paths.length === 0) return hashes;
  const wanted = new Set(paths);
  for (const article of articles) if (wanted.has(article.sourcePath)) hashes.set(article.sourcePath, article.contentHash);
  for (const p of paths) {
    const draft = edits?.drafts[p];
    if (draft !== undefined) hashes.set(p, draft.contentHash);
  }
  return hashes;
}

/** Parses the edited seeds: in-process (there are few), but within the time limit. */
async function parseEdited(paths: readonly string[], settings: ParseSettings, options: Pick<BuildOptions, 'workers' | 'seedTimeLimitMs'>): Promise<WireResult[]> {
  const [{ parseAll }, { parsePlan }] = await Promise.all([import('../seeds/parse-pool.js'), import('../seeds/parse-threads.js')]);
  return parseAll(paths, settings, { ...parsePlan(options.workers, options.seedTimeLimitMs, paths.length), workers: 0 });
}

/**
 * The site after an edit that kept its shape: the same seeds as the last build, a few of them changed
 * (or none: then something else changed, say public/), each still parsing to a draft of the same
 * shape. Undefined when a full load is needed (any other change, an invalid seed — the full load
 * reports it). Only the edited seeds are parsed; the others' warnings and skips are the recorded ones.
 */
export async function loadEditedSite(config: SiteConfig, cache: BuildCache, scan: SeedScan, renderKey: string, options: Pick<BuildOptions, 'skipInvalid' | 'workers' | 'seedTimeLimitMs'>): Promise<EditedSite | undefined> {
  const { skipInvalid } = options;
  const { settings, settingsKey } = parseSettingsOf(config);
  if (scan.errors.length > 0) return undefined;
  const taken = await cache.loadSnapshot();
  if (!taken || taken.snapshot.settings !== settingsKey || taken.snapshot.renderKey !== renderKey) return undefined;
  const { snapshot, edits } = taken;
  // The same seeds in the same order (both listings are sorted by path); those whose stamp changed are edited.
  const table = snapshot.seeds;
  if (scan.paths.length !== table.paths.length) return undefined;
  const before: Record<string, SnapshotSeed> = {};
  const edited: string[] = [];
  for (let i = 0; i < table.paths.length; i++) {
    const p = scan.paths[i]!;
    if (p !== table.paths[i]) return undefined;
    const seed = edits?.seeds[p] ?? (table.problems[p] ? seedAt(table, i) : undefined);
    if (seed?.errors && !skipInvalid) return undefined;
    if ((seed?.key ?? table.keys[i]) === draftKeyOf(p, scan.stamps.get(p)!)) continue;
    if (edited.push(p) > MAX_EDITED_SEEDS) return undefined;
    before[p] = seed ?? seedAt(table, i);
  }
  // A seed touched but not changed (saved unedited, checked out again) has the bytes of its article:
  // it is not parsed, and only its new stamp is recorded.
  const now: Record<string, SnapshotSeed> = {};
  const recorded = recordedHashes(edited, snapshot.site.articles, edits);
  const parsed = edited.filter((p) => {
    const hash = recorded.get(p);
    if (hash === undefined || !hasBytesOf(p, hash)) return true;
    now[p] = { ...before[p]!, key: draftKeyOf(p, scan.stamps.get(p)!) };
    return false;
  });
  const [{ fromWire }, { shapeOf }, { replaceArticles }, { filesShowing }] = await Promise.all([import('../seeds/parse-task.js'), import('../site/model.js'), import('../site/edit.js'), import('../render/dependents.js')]);
  const results = parsed.length === 0 ? [] : await parseEdited(parsed, { ...settings, bodyDir: cache.bodyDir }, options);
  // Every other seed is valid (checked above): the edited seeds' errors are all a full load would report,
  // so they are reported now instead of parsing them again there (a seed stopped at its time limit twice).
  const failed = skipInvalid ? [] : results.flatMap((result) => (result.ok ? [] : result.errors.map(fromWire)));
  if (failed.length > 0) throw new ContentErrors(failed.sort(byPlace));
  const drafts = new Map<string, ArticleDraft>();
  for (const [i, result] of results.entries()) {
    const p = parsed[i]!;
    if (!result.ok || shapeOf(result.article) !== before[p]!.shape) return undefined;
    drafts.set(p, result.article);
    now[p] = { key: draftKeyOf(p, scan.stamps.get(p)!), shape: before[p]!.shape, copy: copyKeyOf(result.article), ...(result.warnings.length > 0 && { warnings: result.warnings }) };
  }
  const editedSeeds = { ...edits?.seeds, ...now };
  // Every seed's warnings and skips, in path order as a full load reports them (few seeds have any).
  const warnings: SeedError[] = [];
  const skipped: SeedError[] = [];
  const withProblems = new Set([...Object.keys(table.problems), ...Object.keys(editedSeeds)]);
  for (let i = 0; i < table.paths.length; i++) {
    if (!withProblems.has(table.paths[i]!)) continue;
    const seed = seedAt(table, i, editedSeeds);
    warnings.push(...(seed.warnings ?? []).map(fromWire));
    skipped.push(...(seed.errors ?? []).map(fromWire));
  }
  // Seeds scraped twice, the edited ones by their new bytes: from the table's keys, no record loaded.
  const copies = copyWarnings(table.paths, table.paths.map((p, i) => editedSeeds[p]?.copy ?? table.copies[i]!));
  const allDrafts = new Map([...Object.entries(edits?.drafts ?? {}), ...drafts]);
  const site = replaceArticles({ config, ...snapshot.site }, allDrafts);
  // Only this build's edits can change files: earlier ones are in the output already.
  const indexes: number[] = [];
  const { articles } = snapshot.site;
  for (let i = 0; i < articles.length; i++) if (drafts.has(articles[i]!.sourcePath)) indexes.push(i);
  // As in a full load, a seed with warnings stays out of the pack, so a full load shows them again.
  const packed = parsed.filter((p) => now[p]!.warnings === undefined);
  if (parsed.length > 0) await cache.replaceDrafts(settingsKey, new Map(packed.map((p) => [now[p]!.key, drafts.get(p)!])), parsed.map((p) => before[p]!.key));
  return {
    site,
    baseSeeds: table,
    warnings: withCopyWarnings(table.paths, warnings, copies),
    skipped,
    scope: filesShowing(snapshot.dependents, indexes),
    dependents: snapshot.dependents,
    edited: parsed.length,
    edits: { base: snapshot.id, seeds: editedSeeds, drafts: Object.fromEntries(allDrafts) },
  };
}
