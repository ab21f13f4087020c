/**
 * Every generated file of the site, planned first (path, signature, how to make it) and then made:
 * article pages in worker threads when it pays, listings here, feeds, sitemap and robots last. A page
 * whose signature matches the previous build's is not rendered at all.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { UsageError } from '../errors.js';
import type { Site } from '../site/site.js';
import { outputFileOf } from '../site/urls.js';
import { renderSiteFeed, renderTagFeed } from './feeds.js';
import { createLiquid } from './liquid.js';
import type { OutputFile } from './output-file.js';
import { archivePageJobs, articlePageJob, createRenderEnv, fixedPageJobs, indexPageJobs, renderJob, tagPageJobs, tagsIndexJob, type PageJob } from './pages.js';
import { renderRobots, renderSitemaps, type SitemapEntry } from './sitemap.js';

/** Article pages per batch sent to a worker. */
const BATCH_SIZE = 48;

/** Below this many pages to render, rendering in-process is faster than starting workers. */
const MIN_PAGES_FOR_WORKERS = 300;

/** The compiled worker file (absent when running from TypeScript sources under a test runner). */
const WORKER_FILE = fileURLToPath(new URL('./render-worker.js', import.meta.url));

/** A file the previous build already wrote with the same signature: kept as it is, never rendered. */
export interface KeptFile {
  readonly path: string;
  readonly kept: true;
  readonly lastmod?: string;
  readonly searchUrl?: string;
}

/** What the previous build rendered: each output's signature. */
export type Signatures = Readonly<Record<string, string>>;

/** How a render pass may skip work, and what it records for the next one. */
export interface RenderPlan {
  /** Folds in everything outside the contexts that changes bytes: generator version, templates. */
  readonly renderKey: string;
  /** The previous build's signatures; a page with an equal one is kept, not rendered. */
  readonly previous?: Signatures;
}

/** Worker threads for rendering: `requested`, else one per core when there is enough to render. */
export function renderWorkerCount(requested: number | undefined, pages: number): number {
  if (!existsSync(WORKER_FILE)) return 0;
  if (requested !== undefined) return Math.max(0, requested);
  return pages < MIN_PAGES_FOR_WORKERS ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

/** sha1 of a key and a JSON value: what a generated file's bytes depend on. */
function signatureOf(renderKey: string, kind: string, value: unknown): string {
  return createHash('sha1').update(renderKey).update('\0').update(kind).update('\0').update(JSON.stringify(value)).digest('base64url');
}

/** The sitemap entry of a page, if it has one. */
function sitemapEntry(file: { path: string; lastmod?: string }): SitemapEntry | undefined {
  return file.lastmod === undefined ? undefined : { path: file.path.replace(/index\.html$/, ''), lastmod: file.lastmod };
}

/** A non-page file and the inputs its bytes depend on. */
interface PlainFile {
  readonly path: string;
  readonly inputs: unknown;
  make(): OutputFile;
}

/** Feeds, sitemap and robots: made last, from the pages' sitemap entries. */
function closingFiles(site: Site, sitemap: readonly SitemapEntry[]): PlainFile[] {
  const { config } = site;
  const feedInputs = (articles: Site['articles'], fullText: boolean) =>
    articles.slice(0, config.feedSize).map((a) => [a.slug, a.date, a.title, a.summary, a.dateline, a.author, a.tags, fullText ? a.bodyHtml : '']);
  const files: PlainFile[] = [{ path: 'feed.xml', inputs: [config, feedInputs(site.articles, true)], make: () => renderSiteFeed(site) }];
  for (const tag of site.tags) files.push({ path: `tags/${tag.slug}/feed.xml`, inputs: [config, tag.name, feedInputs(tag.articles, false)], make: () => renderTagFeed(site, tag) });
  const sitemaps = renderSitemaps(config, sitemap);
  for (const file of sitemaps) files.push({ path: file.path, inputs: [config.baseUrl, sitemap], make: () => file });
  files.push({ path: 'robots.txt', inputs: [config.baseUrl], make: () => renderRobots(config) });
  return files;
}

/** Every generated file, rendered in-process, in a fixed order (the search index is not included). */
export function* renderSite(site: Site, templatesDir: string): Generator<OutputFile> {
  const env = createRenderEnv(createLiquid(templatesDir), templatesDir, site);
  const sitemap: SitemapEntry[] = [];
  for (const job of pageJobs(env, site)) {
    const file = renderJob(env.liquid, templatesDir, job);
    const entry = sitemapEntry(file);
    if (entry) sitemap.push(entry);
    yield file;
  }
  for (const file of closingFiles(site, sitemap)) yield file.make();
}

/** Every page job: articles first (site order), then the listings. */
function* pageJobs(env: ReturnType<typeof createRenderEnv>, site: Site): Generator<PageJob> {
  for (let i = 0; i < site.articles.length; i++) yield articlePageJob(env, site, i);
  yield* indexPageJobs(env, site);
  for (const tag of site.tags) yield* tagPageJobs(env, site, tag);
  yield tagsIndexJob(env, site);
  yield* archivePageJobs(env, site);
  yield* fixedPageJobs(env, site);
}

/**
 * Renders every generated file that changed and hands each to `sink` (unchanged ones as KeptFile).
 * Article pages always come in site order. Returns every file's signature for the next build.
 */
export async function renderSiteInto(site: Site, templatesDir: string, requestedWorkers: number | undefined, plan: RenderPlan | undefined, sink: (file: OutputFile | KeptFile) => Promise<void>): Promise<Record<string, string>> {
  const env = createRenderEnv(createLiquid(templatesDir), templatesDir, site);
  const signatures: Record<string, string> = {};
  const sitemap: SitemapEntry[] = [];
  const emit = async (file: OutputFile | KeptFile) => {
    const entry = sitemapEntry(file);
    if (entry) sitemap.push(entry);
    await sink(file);
  };
  /** The kept form of a file when its signature is unchanged, else undefined. */
  const keep = (path: string, kind: string, value: unknown, extra: { lastmod?: string; searchUrl?: string }): KeptFile | undefined => {
    if (!plan) return undefined;
    const signature = signatureOf(plan.renderKey, kind, value);
    signatures[path] = signature;
    return plan.previous?.[path] === signature ? { path, kept: true, ...extra } : undefined;
  };

  // Plan: unchanged pages are kept; article pages keep site order, listings go out as soon as they are made.
  const articles: (PageJob | KeptFile)[] = [];
  const listings: PageJob[] = [];
  for (const job of pageJobs(env, site)) {
    const kept = keep(outputFileOf(job.pagePath), job.template, job.context, { ...(job.lastmod !== undefined && { lastmod: job.lastmod }), ...(job.searchUrl !== undefined && { searchUrl: job.searchUrl }) });
    if (job.template === 'article') articles.push(kept ?? job);
    else if (kept) await emit(kept);
    else listings.push(job);
  }
  const renderListing = () => emit(renderJob(env.liquid, templatesDir, listings.shift()!));
  const articleJobs = articles.filter((a): a is PageJob => !('kept' in a));
  const workers = renderWorkerCount(requestedWorkers, articleJobs.length);
  if (workers === 0) {
    for (const item of articles) await emit('kept' in item ? item : renderJob(env.liquid, templatesDir, item));
  } else {
    const pool = new Piscina({ filename: WORKER_FILE, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
    try {
      const rendered = new Map<PageJob, OutputFile>();
      const inFlight: { jobs: PageJob[]; result: Promise<OutputFile[] | { templateError: string }> }[] = [];
      let next = 0;
      let ready = 0;
      while (next < articleJobs.length || inFlight.length > 0) {
        while (next < articleJobs.length && inFlight.length < workers * 2) {
          const jobs = articleJobs.slice(next, next + BATCH_SIZE);
          next += jobs.length;
          inFlight.push({ jobs, result: pool.run({ templatesDir, jobs }) });
        }
        // While the workers render articles, this thread renders a few listing pages.
        for (let k = 0; k < 8 && listings.length > 0; k++) await renderListing();
        const batch = inFlight.shift()!;
        const result = await batch.result;
        if (!Array.isArray(result)) throw new UsageError(result.templateError);
        batch.jobs.forEach((job, i) => rendered.set(job, result[i]!));
        // Emit the article pages that are ready, in site order.
        for (; ready < articles.length; ready++) {
          const item = articles[ready]!;
          if ('kept' in item) await emit(item);
          else if (rendered.has(item)) {
            await emit(rendered.get(item)!);
            rendered.delete(item);
          } else break;
        }
      }
      for (; ready < articles.length; ready++) await emit(articles[ready] as KeptFile);
    } finally {
      await pool.destroy();
    }
  }
  while (listings.length > 0) await renderListing();
  for (const file of closingFiles(site, sitemap)) await sink(keep(file.path, 'file', file.inputs, {}) ?? file.make());
  return signatures;
}
