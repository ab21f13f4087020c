/**
 * Every generated file of the site, planned first (site-plans.ts: path, inputs, how to make it) and
 * then made: article pages, listings and tag feeds in worker threads when it pays (they render, read
 * bodies from the body store and write their own files; this thread sends each page's job: a
 * listing's context, an article page's fields from which the worker builds its context), the site
 * feed, sitemap and robots here last. A file whose signature matches the previous build's is not made.
 */
import { hash } from 'node:crypto';
import type { Article } from '../article/article.js';
import { UsageError } from '../errors.js';
import type { Site } from '../site/site.js';
import { articlePath, outputFileOf } from '../site/urls.js';
import { FeedEntries, renderTagFeedJob } from './feeds.js';
import { createLiquid } from './liquid.js';
import type { OutputFile } from './output-file.js';
import { BodyReader } from '../cache/body-store.js';
import { CardReader } from './card-store.js';
import { HeapBudget } from '../heap-budget.js';
import type { SiteWriter } from '../write/files.js';
import { DependentsRecorder, type Dependents } from './dependents.js';
import type { ArticleIdentities } from './identity.js';
import { renderJob } from './page-context.js';
import { articlePageOf, articlePagePlan, createRenderEnv, type PagePlan } from './pages.js';
import { RenderPool, renderWorkerCount } from './render-pool.js';
import { endRenderPass, renderBatch, type RenderBatch, type RenderedPage } from './render-task.js';
import type { SitemapEntry } from './sitemap.js';
import { aliasFiles, listingPlans, pagePlans, siteFeedFile, sitemapEntry, sitemapFiles, tagFeedFiles, type PlainFile, type TagFeedFile } from './site-plans.js';

/** Article pages per batch sent to a worker. */
const BATCH_SIZE = 48;

/** Pages triaged between two looks at the main heap (each look is cheap, not free). */
const TRIAGE_CHECK_EVERY = 1024;

/** What the previous build rendered: each output's signature. */
export type Signatures = ReadonlyMap<string, string>;

/** How a render pass may skip work, and what it records for the next one. */
export interface RenderPlan {
  /** Folds in everything outside the contexts that changes bytes: generator version, templates. */
  readonly renderKey: string;
  /** The previous build's signatures; a page with an equal one is kept, not rendered. */
  readonly previous?: Signatures;
  /**
   * The only files that can have changed (an edit that kept the site's shape: the files showing the
   * edited articles). Every other file in `previous` is kept without being planned. Needs `previous`.
   */
  readonly scope?: ReadonlySet<string>;
  /** The identities a site snapshot stored for its records (an edit's pass: computing them would load the records). */
  readonly stored?: (article: Article) => ArticleIdentities | undefined;
}

/** What a render pass records for the next build. */
export interface RenderRecord {
  /** Pages placed or kept (feeds, sitemaps and robots are files, not pages). */
  readonly pages: number;
  /** Every generated file's signature. */
  readonly signatures: Map<string, string>;
  /** Which files show which articles (recorded by a pass that planned every file, i.e. without `scope`). */
  readonly dependents?: Dependents;
}

/** sha1 of what a generated file's bytes depend on. */
function signatureOf(renderKey: string, kind: string, inputs: string): string {
  return hash('sha1', `${renderKey}\0${kind}\0${inputs}`, 'base64url');
}

/** Every generated file, rendered in-process, in a fixed order (the search index is not included). */
export function* renderSite(site: Site, templatesDir: string, bodyDir = ''): Generator<OutputFile> {
  const env = createRenderEnv(createLiquid(templatesDir, site.config.language), templatesDir, site);
  const bodies = new BodyReader(bodyDir);
  const cards = new CardReader(env.cards.handle());
  try {
    const sitemap: SitemapEntry[] = [];
    for (const plan of pagePlans(env, site)) {
      const entry = sitemapEntry(plan);
      if (entry) sitemap.push(entry);
      yield renderJob(env.liquid, templatesDir, plan.job(), env.settings, bodies, cards);
    }
    yield siteFeedFile(site, bodies, env).make();
    const feedEntries = new FeedEntries();
    for (const feed of tagFeedFiles(site, env)) yield renderTagFeedJob(feed.job(), cards, feedEntries);
    for (const file of aliasFiles(site)) yield file.make();
    for (const file of sitemapFiles(site, sitemap)) yield file.make();
  } finally {
    bodies.close();
  }
}

/** What a render pass needs besides the site. */
export interface RenderOptions {
  readonly templatesDir: string;
  /** The body store folder of the site's articles. */
  readonly bodyDir: string;
  /** Worker threads (default: one per core when there is enough to render). */
  readonly workers?: number;
  /** With a cache: skip pages whose signature is unchanged, and record signatures. */
  readonly plan?: RenderPlan;
  /** Where every file goes. */
  readonly writer: SiteWriter;
  /** Send each rendered article page's HTML to `onPage` (for the search index). */
  readonly withHtml: boolean;
  /** Tell `onPage` of each kept page too (the search index lists them); else kept pages are only counted. */
  readonly keptPages: boolean;
  /** Hears how many pages have been placed or kept so far, after each batch (for a progress bar). */
  readonly onProgress?: (pages: number) => void;
  /** Render workers started before the pass (see render-pool.ts): used when it wants as many threads, and stopped by it either way. */
  readonly started?: RenderPool;
}

/** One page handed on after it was placed or kept: for progress and the search index. */
export interface PageEvent {
  readonly path: string;
  readonly kept: boolean;
  readonly searchUrl?: string;
  readonly html?: string;
}

/**
 * Renders every generated file that changed into the writer (unchanged ones are kept); `onPage`
 * hears of every page placed (and kept, with `keptPages`), article pages in site order. Returns the
 * page count, every file's signature for the next build, and (from a pass that planned every file)
 * which files show which article.
 */
export async function renderSiteInto(site: Site, options: RenderOptions, onPage: (page: PageEvent) => void | Promise<void>): Promise<RenderRecord> {
  const { templatesDir, plan, writer } = options;
  const scope = plan?.previous && plan.scope;
  const recorder = plan && !scope ? new DependentsRecorder(site.articles) : undefined;
  const env = createRenderEnv(createLiquid(templatesDir, site.config.language), templatesDir, site, recorder && ((a) => recorder.shows(a)), plan?.stored);
  const bodies = new BodyReader(options.bodyDir);
  // A scoped pass keeps every file outside its scope up front, with its previous signature: the
  // same files as before (the site kept its shape), none of which shows an edited article.
  const signatures = new Map<string, string>(scope ? plan!.previous! : []);
  if (scope) for (const path of signatures.keys()) if (!scope.has(path)) writer.keep(path);
  const sitemap: SitemapEntry[] = [];
  /** True when a scoped pass kept the file up front. */
  const outOfScope = (path: string): boolean => scope !== undefined && !scope.has(path);
  /** True when the file is unchanged since the previous build (then it is kept, not rendered); inputs are computed only with a cache. */
  const unchanged = (path: string, kind: string, inputs: () => string): boolean => {
    if (!plan) return false;
    recorder?.file(path);
    const signature = signatureOf(plan.renderKey, kind, inputs());
    signatures.set(path, signature);
    return plan.previous?.get(path) === signature;
  };
  /** Triage of one page: true when it must be rendered; a kept page is recorded as kept. */
  const triage = (page: PagePlan): boolean => {
    const path = outputFileOf(page.pagePath);
    if (outOfScope(path)) return false;
    const entry = sitemapEntry(page);
    if (entry) sitemap.push(entry);
    if (!unchanged(path, `${page.template}\0${page.pagePath}`, page.inputs)) return true;
    writer.keep(path);
    return false;
  };
  const keptEvent = (page: { pagePath: string; searchUrl?: string }): PageEvent => ({ path: outputFileOf(page.pagePath), kept: true, ...(page.searchUrl !== undefined && { searchUrl: page.searchUrl }) });
  // Every page placed or kept; without `keptPages` a kept page is only counted (an edit at 10k keeps 13k).
  let pages = 0;
  /** Tells `onPage` of a page, waiting only when it answers with a promise. */
  const tell = async (event: PageEvent): Promise<void> => {
    pages++;
    const answer = onPage(event);
    if (answer) await answer;
  };

  try {
    // Every page is triaged first (the sitemap needs every entry before the closing files are made).
    // Plans are not kept: at archive scale there are hundreds of thousands, and remaking one (no
    // context, inputs only on demand) is cheap.
    // The budget starts before the triage: at 100k articles the model's garbage and the triage's
    // (a plan and its inputs per page) took a rebuild's main heap from ≈ 590 to ≈ 730 MB uncollected.
    const heap = new HeapBudget();
    const articleCount = site.articles.length;
    const renderArticle = new Uint8Array(articleCount);
    for (let i = 0; i < articleCount; i++) {
      const article = site.articles[i]!;
      if (scope && outOfScope(outputFileOf(articlePath(article.date, article.slug)))) continue;
      if (triage(articlePagePlan(env, site, i))) renderArticle[i] = 1;
      if (i % TRIAGE_CHECK_EVERY === 0) heap.check();
    }
    const renderListing: boolean[] = [];
    for (const page of listingPlans(env, site)) {
      renderListing.push(triage(page));
      if (renderListing.length % TRIAGE_CHECK_EVERY === 0) heap.check();
    }
    /** Makes a non-page file, or keeps it when its inputs are unchanged (a scoped pass: only files in scope). */
    const makeFile = (file: PlainFile) => {
      if (outOfScope(file.path)) return;
      if (unchanged(file.path, 'file', file.inputs)) writer.keep(file.path);
      else writer.add(file.make());
      heap.check();
    };
    const tagFeeds = tagFeedFiles(site, env);
    // A tag feed is made unless a scoped pass kept it up front or its inputs are unchanged (then it is kept).
    const renderFeed = tagFeeds.map((feed) => {
      if (outOfScope(feed.path)) return false;
      if (!unchanged(feed.path, 'file', feed.inputs)) return true;
      writer.keep(feed.path);
      return false;
    });

    const changed = renderArticle.reduce((n, r) => n + r, 0) + renderListing.filter(Boolean).length + renderFeed.filter(Boolean).length;
    const workers = renderWorkerCount(options.workers, changed);
    const withPreviousHash = <T>(path: string, job: T): { job: T; previousHash?: string } => {
      const previousHash = writer.previousHash(path);
      return previousHash === undefined ? { job } : { job, previousHash };
    };
    const batchOf = (pages: readonly PagePlan[], feeds: readonly TagFeedFile[]): RenderBatch => ({
      templatesDir,
      language: site.config.language,
      settings: env.settings,
      bodyDir: options.bodyDir,
      cards: env.cards.handle(),
      target: writer.target,
      withHtml: options.withHtml,
      jobs: pages.map((p) => withPreviousHash(outputFileOf(p.pagePath), p.job())),
      feeds: feeds.map((f) => withPreviousHash(f.path, f.job())),
    });
    // Workers started early serve when they are as many as this pass wants; else they end before any other start.
    const started = options.started;
    const reuse = workers > 0 && started?.threads === workers;
    if (!reuse) await started?.stop();
    const threads = reuse ? started : workers > 0 ? await RenderPool.start(workers) : undefined;
    const pool = threads?.piscina;
    /** A page in a batch's order: one to render, or one kept (reported when its batch comes back). */
    type Slot = { readonly plan: PagePlan } | { readonly kept: () => PageEvent };
    // Batches go out in order (articles in site order, then the listings, then the tag feeds) and come back in the same order.
    const inFlight: { slots: Slot[]; feeds: number; result: Promise<RenderedPage[] | { templateError: string }> }[] = [];
    try {
      const listings = listingPlans(env, site);
      let nextListing = listings.next();
      let listingIndex = 0;
      let next = 0;
      let nextFeed = 0;
      const more = () => next < articleCount || !nextListing.done || nextFeed < tagFeeds.length;
      const dispatch = () => {
        const slots: Slot[] = [];
        const plans: PagePlan[] = [];
        const feeds: TagFeedFile[] = [];
        while (plans.length + feeds.length < BATCH_SIZE && more()) {
          let slot: Slot | undefined;
          if (next < articleCount) {
            const index = next++;
            if (renderArticle[index] === 1) slot = { plan: articlePagePlan(env, site, index) };
            else if (options.keptPages) slot = { kept: () => keptEvent(articlePageOf(env, site.articles[index]!)) };
          } else if (!nextListing.done) {
            const plan = nextListing.value;
            nextListing = listings.next();
            if (renderListing[listingIndex++]) slot = { plan };
            else if (options.keptPages) slot = { kept: () => keptEvent(plan) };
          } else {
            // A feed is no page: nothing to report, its file is recorded when the batch comes back.
            const index = nextFeed++;
            if (renderFeed[index]) feeds.push(tagFeeds[index]!);
            continue;
          }
          if (slot === undefined) {
            // A kept page nobody hears of one by one: only counted.
            pages++;
            continue;
          }
          slots.push(slot);
          if ('plan' in slot) plans.push(slot.plan);
        }
        // Nothing left but pages kept without a word.
        if (slots.length + feeds.length === 0) return;
        const batch = batchOf(plans, feeds);
        const result = plans.length + feeds.length === 0 ? Promise.resolve([]) : pool ? (pool.run(batch) as Promise<RenderedPage[] | { templateError: string }>) : Promise.resolve(renderBatch(batch));
        inFlight.push({ slots, feeds: feeds.length, result });
      };
      while (more() || inFlight.length > 0) {
        while (more() && inFlight.length < Math.max(1, workers * 2)) dispatch();
        const batch = inFlight.shift();
        if (!batch) continue;
        const result = await batch.result;
        if (!Array.isArray(result)) throw new UsageError(result.templateError);
        let k = 0;
        for (const slot of batch.slots) {
          if ('kept' in slot) {
            await tell(slot.kept());
            continue;
          }
          const placed = result[k++]!;
          writer.record(placed);
          await tell({ path: placed.path, kept: false, ...(slot.plan.searchUrl !== undefined && { searchUrl: slot.plan.searchUrl }), ...(placed.html !== undefined && { html: placed.html }) });
        }
        for (let f = 0; f < batch.feeds; f++) writer.record(result[k++]!);
        options.onProgress?.(pages);
        heap.check();
      }
      // Pages kept without a word after the last batch (or with no batch at all) are counted too.
      options.onProgress?.(pages);
    } finally {
      // After an error (a template error, say) the batches still out are let finish first: a pool
      // destroyed under them rejects them or reports their late answers as an 'error' event, and
      // either, unheard, ends the process with a stack trace instead of the error's message.
      await Promise.allSettled(inFlight.map((batch) => batch.result));
      await threads?.stop();
    }
    makeFile(siteFeedFile(site, bodies, env));
    // A scoped pass kept every alias page up front (an edit that kept the site's shape kept its aliases
    // and addresses), and reads no record it does not render: the site's records load lazily then.
    if (!scope) for (const file of aliasFiles(site)) makeFile(file);
    // The sitemaps last, with the workers gone: at 100k articles they are megabytes of strings.
    // A scoped pass makes none: the sitemap and robots show no article's content.
    if (!scope) for (const file of sitemapFiles(site, sitemap)) makeFile(file);
  } finally {
    bodies.close();
    endRenderPass();
    // Started workers the pass never reached (an error before rendering) end here too.
    await options.started?.stop();
  }
  return { pages, signatures, ...(recorder && { dependents: recorder.result() }) };
}
