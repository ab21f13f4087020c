/** The pipeline, stage by stage: read → parse → model → render → write. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleDraft } from './article/draft.js';
import { loadConfig, type SiteConfig } from './config.js';
import { ContentErrors, SeedError, UsageError } from './errors.js';
import { createLiquid } from './render/liquid.js';
import { renderSiteFeed, renderTagFeed } from './render/feeds.js';
import type { OutputFile } from './render/output-file.js';
import { renderRobots, renderSitemaps, type SitemapEntry } from './render/sitemap.js';
import { createRenderEnv, renderArchivePages, renderArticlePage, renderFixedPages, renderIndexPages, renderTagPages, renderTagsIndex } from './render/pages.js';
import { parseAll, workerCount } from './seeds/parse-pool.js';
import { fromWire } from './seeds/parse-task.js';
import { listSeeds } from './seeds/read.js';
import { buildSite } from './site/model.js';
import type { Site } from './site/site.js';
import { createStagingDir, recoverOutputDir, swapIntoPlace } from './write/atomic-dir.js';
import { copyPublic, SiteWriter } from './write/files.js';
import { acquireOutputLock } from './write/lock.js';
import { SearchIndex } from './write/search-index.js';

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
}

/** What a build (or check) found and did. */
export interface BuildReport {
  readonly articles: number;
  readonly tags: number;
  readonly pages: number;
  readonly files: number;
  /** Files whose bytes changed (the rest kept their previous copy and mtime). */
  readonly written: number;
  readonly warnings: readonly SeedError[];
  readonly skipped: readonly SeedError[];
}

/** Read + parse + model: every seed into the Site, or ContentErrors with every problem at once. */
export async function loadSite(options: BuildOptions): Promise<{ site: Site; config: SiteConfig; warnings: SeedError[]; skipped: SeedError[] }> {
  const loaded = await loadConfig(options.configFile, options.configRequired);
  const config = options.baseUrl ? withBaseUrl(loaded, options.baseUrl) : loaded;
  const { paths, errors } = await listSeeds(options.seedsDir);
  if (paths.length === 0 && errors.length === 0) throw new UsageError(`${options.seedsDir}: no seed files (.txt or .md) found (hint: add seeds, or pass --seeds <dir>)`);
  const drafts: ArticleDraft[] = [];
  const warnings: SeedError[] = [];
  const settings = { taxonomy: config.taxonomy, allowRawHtml: config.allowRawHtml };
  const results = await parseAll(paths, settings, workerCount(options.workers, paths.length));
  for (const result of results) {
    warnings.push(...result.warnings.map(fromWire));
    if (result.ok) drafts.push(result.article);
    else errors.push(...result.errors.map(fromWire));
  }
  if (errors.length > 0 && !options.skipInvalid) throw new ContentErrors(errors);
  return { site: buildSite(drafts, config), config, warnings, skipped: errors };
}

/** Every generated file of the site (pages, feeds, sitemap, robots), page by page; the search index is not included. */
export function* renderSite(site: Site, templatesDir: string): Generator<OutputFile> {
  const env = createRenderEnv(createLiquid(templatesDir), templatesDir, site);
  const sitemap: SitemapEntry[] = [];
  function* pages(): Generator<OutputFile> {
    for (let i = 0; i < site.articles.length; i++) yield renderArticlePage(env, site, i);
    yield* renderIndexPages(env, site);
    for (const tag of site.tags) yield* renderTagPages(env, site, tag);
    yield renderTagsIndex(env, site);
    yield* renderArchivePages(env, site);
    yield* renderFixedPages(env, site);
  }
  for (const file of pages()) {
    if (file.lastmod !== undefined) sitemap.push({ path: file.path.replace(/index\.html$/, ''), lastmod: file.lastmod });
    yield file;
  }
  yield renderSiteFeed(site);
  for (const tag of site.tags) yield renderTagFeed(site, tag);
  yield* renderSitemaps(site.config, sitemap);
  yield renderRobots(site.config);
}

/** Builds the site into `outDir` atomically: on any error the previous output is left exactly as it was. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const { site, warnings, skipped } = await loadSite(options);
  const release = await acquireOutputLock(options.outDir);
  try {
    await recoverOutputDir(options.outDir);
    const staging = await createStagingDir(options.outDir);
    try {
      const writer = new SiteWriter(staging, path.resolve(options.outDir));
      await copyPublic(options.publicDir, writer);
      let pages = 0;
      const search = await SearchIndex.create(site.config.language);
      try {
        for (const file of renderSite(site, options.templatesDir)) {
          await writer.add(file);
          if (file.path.endsWith('.html')) pages++;
          if (file.searchUrl !== undefined) search.add(file.searchUrl, String(file.bytes));
        }
        for (const file of await search.files()) await writer.add(file);
      } finally {
        await search.close();
      }
      const stats = await writer.flush();
      await swapIntoPlace(staging, options.outDir);
      return { articles: site.articles.length, tags: site.tags.length, pages, files: stats.written + stats.unchanged, written: stats.written, warnings, skipped };
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  } finally {
    await release();
  }
}

/** Validates seeds and config without writing anything. */
export async function check(options: BuildOptions): Promise<BuildReport> {
  const { site, warnings, skipped } = await loadSite(options);
  return { articles: site.articles.length, tags: site.tags.length, pages: 0, files: 0, written: 0, warnings, skipped };
}

/** The config with `--base-url` applied (validated like the config key). */
function withBaseUrl(config: SiteConfig, baseUrl: string): SiteConfig {
  try {
    const url = new URL(baseUrl);
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http');
  } catch {
    throw new UsageError(`--base-url: expected an absolute http(s) URL such as https://example.org/archive/, got ${JSON.stringify(baseUrl)}`);
  }
  return { ...config, baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` };
}
