/**
 * The site's generated files as plans, before anything is rendered: each page's plan, the feeds,
 * sitemaps and robots, with the inputs their bytes depend on (compared with the previous build's to
 * skip unchanged files) and how each is made.
 */
import type { Article } from '../article/article.js';
import type { BodyReader } from '../cache/body-store.js';
import { isOwnAddress } from '../site/aliases.js';
import type { Site } from '../site/site.js';
import { articlePath, FIXED_PATHS, outputFileOf, tagFeedPath } from '../site/urls.js';
import { renderSiteFeed, tagFeedJob, type TagFeedJob } from './feeds.js';
import type { OutputFile } from './output-file.js';
import { redirectPage } from './redirect-page.js';
import { archivePagePlans, articlePagePlan, fixedPagePlans, indexPagePlans, tagPagePlans, tagsIndexPlan, type PagePlan, type RenderEnv } from './pages.js';
import { renderRobots, renderSitemaps, type SitemapEntry } from './sitemap.js';

/** A non-page file and the inputs its bytes depend on. */
export interface PlainFile {
  readonly path: string;
  /** What its bytes depend on (computed only with a cache). */
  inputs(): string;
  make(): OutputFile;
}

/** What a feed's entries depend on: the identities of its newest articles. */
function feedInputs(site: Site, articles: Site['articles'], identity: (a: Article) => string): string {
  return articles.slice(0, site.config.feedSize).map(identity).join(',');
}

/** The site feed: full text, so made where the bodies are read (this thread). */
export function siteFeedFile(site: Site, bodies: BodyReader, env: RenderEnv): PlainFile {
  return { path: FIXED_PATHS.feed, inputs: () => feedInputs(site, site.articles, env.identity), make: () => renderSiteFeed(site, bodies) };
}

/** A tag's feed: only what the card store holds of its articles, made from card refs (in a render worker when there are workers). */
export interface TagFeedFile {
  readonly path: string;
  inputs(): string;
  job(): TagFeedJob;
}

/** Every tag's feed. */
export function tagFeedFiles(site: Site, env: RenderEnv): TagFeedFile[] {
  return site.tags.map((tag) => ({ path: tagFeedPath(tag.slug), inputs: () => `${tag.name}\u0002${feedInputs(site, tag.articles, env.cardIdentity)}`, job: () => tagFeedJob(site, tag, env.cards) }));
}

/** The redirect page at each alias of each article (see site/aliases.ts): not in the sitemap (they are `noindex`), nor in the search index. */
export function aliasFiles(site: Site): PlainFile[] {
  const files: PlainFile[] = [];
  for (const article of site.articles) {
    if (article.aliases === undefined) continue;
    const target = articlePath(article.date, article.slug);
    for (const alias of article.aliases) {
      if (isOwnAddress(article, alias)) continue;
      const path = outputFileOf(alias);
      files.push({ path, inputs: () => `${target}\u0002${site.config.baseUrl}\u0002${site.config.language}`, make: () => ({ path, bytes: redirectPage(site.config, target) }) });
    }
  }
  return files;
}

/** Sitemap and robots, from the pages' sitemap entries (so made after every page is triaged). */
export function sitemapFiles(site: Site, sitemap: readonly SitemapEntry[]): PlainFile[] {
  const { config } = site;
  const files: PlainFile[] = [];
  const sitemaps = renderSitemaps(config, sitemap);
  let sitemapInputs: string | undefined;
  for (const file of sitemaps) files.push({ path: file.path, inputs: () => (sitemapInputs ??= JSON.stringify(sitemap)), make: () => file });
  files.push({ path: 'robots.txt', inputs: () => '', make: () => renderRobots(config) });
  return files;
}

/** The sitemap entry of a page, if it has one. */
export function sitemapEntry(plan: PagePlan): SitemapEntry | undefined {
  return plan.lastmod === undefined ? undefined : { path: plan.pagePath, lastmod: plan.lastmod };
}

/** Every page plan: articles first (site order), then the listings. */
export function* pagePlans(env: RenderEnv, site: Site): Generator<PagePlan> {
  for (let i = 0; i < site.articles.length; i++) yield articlePagePlan(env, site, i);
  yield* listingPlans(env, site);
}

/** The listing pages' plans: front page, tags, tags index, archives, search and 404. */
export function* listingPlans(env: RenderEnv, site: Site): Generator<PagePlan> {
  yield* indexPagePlans(env, site);
  for (const tag of site.tags) yield* tagPagePlans(env, site, tag);
  yield tagsIndexPlan(env, site);
  yield* archivePagePlans(env, site);
  yield* fixedPagePlans(env, site);
}
