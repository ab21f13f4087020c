/** Every generated file of the site in order — article pages (in worker threads when it pays), listings, then feeds, sitemap and robots. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Site } from '../site/site.js';
import { UsageError } from '../errors.js';
import { renderSiteFeed, renderTagFeed } from './feeds.js';
import { createLiquid } from './liquid.js';
import type { OutputFile } from './output-file.js';
import { articlePageJob, createRenderEnv, renderArchivePages, renderFixedPages, renderIndexPages, renderJob, renderTagPages, renderTagsIndex, type PageJob, type RenderEnv } from './pages.js';
import { renderRobots, renderSitemaps, type SitemapEntry } from './sitemap.js';

/** Article pages per batch sent to a worker. */
const BATCH_SIZE = 48;

/** Below this many articles, rendering in-process is faster than starting workers. */
const MIN_ARTICLES_FOR_WORKERS = 300;

/** The compiled worker file (absent when running from TypeScript sources under a test runner). */
const WORKER_FILE = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** Worker threads for rendering: `requested`, else one per core for large sites. */
export function renderWorkerCount(requested: number | undefined, articles: number): number {
  if (!existsSync(WORKER_FILE)) return 0;
  if (requested !== undefined) return Math.max(0, requested);
  return articles < MIN_ARTICLES_FOR_WORKERS ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

/** Every listing page: front page, tags, tags index, archives, search and 404. */
function* listingPages(env: RenderEnv, site: Site): Generator<OutputFile> {
  yield* renderIndexPages(env, site);
  for (const tag of site.tags) yield* renderTagPages(env, site, tag);
  yield renderTagsIndex(env, site);
  yield* renderArchivePages(env, site);
  yield* renderFixedPages(env, site);
}

/** Feeds, sitemap and robots: written last, from what the pages recorded. */
function* closingFiles(site: Site, sitemap: readonly SitemapEntry[]): Generator<OutputFile> {
  yield renderSiteFeed(site);
  for (const tag of site.tags) yield renderTagFeed(site, tag);
  yield* renderSitemaps(site.config, sitemap);
  yield renderRobots(site.config);
}

/** The sitemap entry of a page, if it has one. */
function sitemapEntry(file: OutputFile): SitemapEntry | undefined {
  return file.lastmod === undefined ? undefined : { path: file.path.replace(/index\.html$/, ''), lastmod: file.lastmod };
}

/** Every generated file, rendered in-process, in a fixed order (the search index is not included). */
export function* renderSite(site: Site, templatesDir: string): Generator<OutputFile> {
  const env = createRenderEnv(createLiquid(templatesDir), templatesDir, site);
  const sitemap: SitemapEntry[] = [];
  const pages = (function* () {
    for (let i = 0; i < site.articles.length; i++) yield renderJob(env.liquid, templatesDir, articlePageJob(env, site, i));
    yield* listingPages(env, site);
  })();
  for (const file of pages) {
    const entry = sitemapEntry(file);
    if (entry) sitemap.push(entry);
    yield file;
  }
  yield* closingFiles(site, sitemap);
}

/**
 * Renders every generated file and hands each to `sink`. Article pages always come in site order; with
 * workers they render in worker threads while this thread renders the listings in between.
 */
export async function renderSiteInto(site: Site, templatesDir: string, workers: number, sink: (file: OutputFile) => Promise<void>): Promise<void> {
  if (workers === 0) {
    for (const file of renderSite(site, templatesDir)) await sink(file);
    return;
  }
  const env = createRenderEnv(createLiquid(templatesDir), templatesDir, site);
  const sitemap: SitemapEntry[] = [];
  const emit = async (file: OutputFile) => {
    const entry = sitemapEntry(file);
    if (entry) sitemap.push(entry);
    await sink(file);
  };
  const pool = new Piscina({ filename: WORKER_FILE, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  try {
    const inFlight: Promise<OutputFile[] | { templateError: string }>[] = [];
    const listing = listingPages(env, site);
    let next = 0;
    const dispatch = () => {
      const jobs: PageJob[] = [];
      for (; next < site.articles.length && jobs.length < BATCH_SIZE; next++) jobs.push(articlePageJob(env, site, next));
      inFlight.push(pool.run({ templatesDir, jobs }));
    };
    while (next < site.articles.length || inFlight.length > 0) {
      while (next < site.articles.length && inFlight.length < workers * 2) dispatch();
      // While the workers render articles, this thread renders a few listing pages.
      for (let k = 0; k < 8; k++) {
        const page = listing.next();
        if (page.done) break;
        await emit(page.value);
      }
      const result = await inFlight.shift()!;
      if (!Array.isArray(result)) throw new UsageError(result.templateError);
      for (const file of result) await emit(file);
    }
    for (const file of listing) await emit(file);
  } finally {
    await pool.destroy();
  }
  for (const file of closingFiles(site, sitemap)) await sink(file);
}
