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

/**
 * What a page's signature is computed from: its context, with an article's body HTML (most of the
 * bytes) replaced by the hash of its source, which determines it together with the render key.
 */
function signedContext(job: PageJob): unknown {
  const context = job.context as { article?: { bodyHtml?: string; sourceHash?: string } };
  if (!context.article?.sourceHash) return job.context;
  return { ...context, article: { ...context.article, bodyHtml: context.article.sourceHash } };
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
  yield* listingJobs(env, site);
}

/** The listing pages' jobs: front page, tags, tags index, archives, search and 404. */
function* listingJobs(env: ReturnType<typeof createRenderEnv>, site: Site): Generator<PageJob> {
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

  /** The job or kept file for one page, with its signature recorded. */
  const plan1 = (job: PageJob): PageJob | KeptFile =>
    keep(outputFileOf(job.pagePath), job.template, signedContext(job), { ...(job.lastmod !== undefined && { lastmod: job.lastmod }), ...(job.searchUrl !== undefined && { searchUrl: job.searchUrl }) }) ?? job;
  // Everything streams: no list of all jobs is ever held, so memory stays bounded at archive scale.
  const listings = listingJobs(env, site);
  const renderListings = async (count: number) => {
    for (let k = 0; k < count; k++) {
      const next = listings.next();
      if (next.done) return false;
      const item = plan1(next.value);
      await emit('kept' in item ? item : renderJob(env.liquid, templatesDir, item));
    }
    return true;
  };

  // Article pages to render: with a previous build, a first pass keeps only the indexes of changed pages.
  const changed = new Set<number>();
  const keptArticles = new Map<number, KeptFile>();
  for (let i = 0; i < site.articles.length; i++) {
    if (!plan) break;
    const item = plan1(articlePageJob(env, site, i));
    if ('kept' in item) keptArticles.set(i, item);
  }
  for (let i = 0; i < site.articles.length; i++) if (!keptArticles.has(i)) changed.add(i);
  const articleItem = (i: number): PageJob | KeptFile => keptArticles.get(i) ?? articlePageJob(env, site, i);

  const workers = renderWorkerCount(requestedWorkers, changed.size);
  if (workers === 0) {
    for (let i = 0; i < site.articles.length; i++) {
      const item = articleItem(i);
      await emit('kept' in item ? item : renderJob(env.liquid, templatesDir, item));
    }
  } else {
    const pool = new Piscina({ filename: WORKER_FILE, minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
    try {
      // A window of article pages in site order; each batch of changed ones goes to a worker.
      const window: { item: PageJob | KeptFile; html?: OutputFile }[] = [];
      const inFlight: { slots: { item: PageJob | KeptFile; html?: OutputFile }[]; result: Promise<OutputFile[] | { templateError: string }> }[] = [];
      let next = 0;
      const dispatch = () => {
        const slots: { item: PageJob | KeptFile; html?: OutputFile }[] = [];
        while (next < site.articles.length && slots.length < BATCH_SIZE) {
          const slot = { item: articleItem(next++) };
          window.push(slot);
          if (!('kept' in slot.item)) slots.push(slot);
        }
        if (slots.length > 0) inFlight.push({ slots, result: pool.run({ templatesDir, jobs: slots.map((s) => s.item as PageJob) }) });
      };
      while (next < site.articles.length || inFlight.length > 0) {
        while (next < site.articles.length && inFlight.length < workers * 2) dispatch();
        // While the workers render articles, this thread renders a few listing pages.
        await renderListings(8);
        const batch = inFlight.shift();
        if (batch) {
          const result = await batch.result;
          if (!Array.isArray(result)) throw new UsageError(result.templateError);
          batch.slots.forEach((slot, i) => (slot.html = result[i]!));
        }
        // Emit the article pages that are ready, in site order.
        while (window.length > 0 && ('kept' in window[0]!.item || window[0]!.html)) {
          const slot = window.shift()!;
          await emit('kept' in slot.item ? slot.item : slot.html!);
        }
      }
    } finally {
      await pool.destroy();
    }
  }
  while (await renderListings(64));
  for (const file of closingFiles(site, sitemap)) await sink(keep(file.path, 'file', file.inputs, {}) ?? file.make());
  return signatures;
}
