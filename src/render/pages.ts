/** Page plans and jobs: the Site model → one job (template + plain-data context) per page; page-context.ts renders it. */
import type { Liquid } from 'liquidjs';
import type { Article } from '../article/article.js';
import type { SiteConfig } from '../config.js';
import { formatLongDate } from '../article/date.js';
import type { Site, TagEntry } from '../site/site.js';
import { articlePath, FIXED_PATHS, hrefOf, indexPagePath, monthPath, tagPath, yearPath } from '../site/urls.js';
import { shardDirOf } from '../write/search-shards.js';
import type { BodyRef } from '../cache/body-store.js';
import { CardWriter, type CardRef } from './card-store.js';
import { articleIdentity, cardIdentity, type ArticleIdentities } from './identity.js';
import { listingMeta, type MetaSettings, type PageMeta } from './meta.js';
import { archiveLinks, articleUrl, paginationView, siteView, tagFeedUrl, tagLinkView, type SiteView, type TagLinkView, type ViewContext } from './views.js';

/** Everything the page renderers share for one build. */
export interface RenderEnv {
  readonly liquid: Liquid;
  readonly templatesDir: string;
  readonly ctx: ViewContext;
  readonly site: SiteView;
  /** What every page's context takes from the site (a worker gets it once per batch). */
  readonly settings: PageSettings;
  /** An article's identity (see identity.ts), made once per article. */
  identity(article: Article): string;
  /** The identity of what a listing shows of an article (see identity.ts), made once per article. */
  cardIdentity(article: Article): string;
  /** Where page contexts' cards are written (they carry card refs, see card-store.ts). */
  readonly cards: CardWriter;
}

/**
 * Builds the render environment for a site model; `shows` hears of every article identity a page's
 * inputs take; `stored` gives the identities a site snapshot kept for its records (computing them
 * would load the records).
 */
export function createRenderEnv(liquid: Liquid, templatesDir: string, model: Site, shows?: (article: Article) => void, stored?: (article: Article) => ArticleIdentities | undefined): RenderEnv {
  const ctx: ViewContext = {
    config: model.config,
    basePath: siteView(model.config).basePath,
  };
  /** One kind of identity, made once per article (or taken from the snapshot); `shows` hears of every use. */
  const memoised = (make: (a: Article) => string, kept: (ids: ArticleIdentities) => string) => {
    const ids = new Map<Article, string>();
    return (a: Article) => {
      shows?.(a);
      let id = ids.get(a);
      if (id === undefined) {
        const fromSnapshot = stored?.(a);
        ids.set(a, (id = fromSnapshot ? kept(fromSnapshot) : make(a)));
      }
      return id;
    };
  };
  const site = siteView(model.config);
  return {
    liquid,
    templatesDir,
    ctx,
    site,
    settings: pageSettingsOf(model.config, site),
    identity: memoised(articleIdentity, (ids) => ids.identity),
    cardIdentity: memoised(cardIdentity, (ids) => ids.card),
    cards: new CardWriter(ctx.basePath),
  };
}

/** The cards of a list, as refs: a job's context carries them, `templateContextOf` makes them card views. */
function cards(env: RenderEnv, articles: readonly Article[]): CardRef[] {
  return articles.map((a) => env.cards.refOf(a));
}

/** What every page's context takes from the site: its view, and what an article page's metadata says of it. */
export interface PageSettings {
  readonly site: SiteView;
  readonly meta: MetaSettings;
}

/** The page settings of a site config. */
function pageSettingsOf(config: SiteConfig, site: SiteView): PageSettings {
  const { baseUrl, title, language, publisher } = config;
  return { site, meta: { baseUrl, title, language, ...(publisher !== undefined && { publisher }) } };
}

/**
 * A page to render: its template and context, plain data (it can cross to a worker thread). The
 * context is the template's without `site`, with card refs where it lists cards; an article page's is
 * an ArticlePageInput, from which the thread that renders it builds the page's (see page-context.ts).
 */
export interface PageJob {
  readonly template: string;
  readonly pagePath: string;
  readonly context: object;
  readonly lastmod?: string;
  readonly searchUrl?: string;
  /** The article body to read from the body store into `context.article.bodyHtml` just before rendering. */
  readonly body?: BodyRef;
}

/**
 * A page before its context is built: what its bytes depend on, as a short string of article
 * identities and counts (cheap to compare with the previous build), and how to make its job.
 */
export interface PagePlan {
  readonly template: string;
  readonly pagePath: string;
  /** What the page's bytes depend on (computed only when signatures are compared, i.e. with a cache). */
  inputs(): string;
  readonly lastmod?: string;
  readonly searchUrl?: string;
  job(): PageJob;
}

/** The card identities of a list of articles, joined. */
function cardIdentities(env: RenderEnv, articles: readonly Article[]): string {
  let out = '';
  for (const a of articles) out += `\u0003${env.cardIdentity(a)}`;
  return out;
}

/** The plan for one page: its inputs now, its context only when it is rendered. */
function page(env: RenderEnv, template: string, pagePath: string, inputs: () => string, lastmod: string | undefined, make: () => { meta: PageMeta; data: object }): PagePlan {
  return {
    template,
    pagePath,
    inputs,
    ...(lastmod !== undefined && { lastmod }),
    job: () => {
      const { meta, data } = make();
      return { template, pagePath, context: { page: { ...meta, path: pagePath }, ...data }, ...(lastmod !== undefined && { lastmod }) };
    },
  };
}

/** The date of the newest article (the site's last change). */
function newest(model: Site): string | undefined {
  return model.articles[0]?.date;
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** What an article page shows of its article (the job carries these fields, not the page's views). */
export type ShownArticle = Pick<Article, 'slug' | 'title' | 'titleDerived' | 'date' | 'updated' | 'dateline' | 'summary' | 'relatedHeadlines' | 'tags' | 'author' | 'sourceUrl' | 'wordCount' | 'readingMinutes' | 'lang'>;

/** A link to a neighbouring article. */
export type ArticleLink = { readonly url: string; readonly title: string } | null;

/**
 * An article page's job context: the article's fields, its neighbours' links and its related cards'
 * refs. Its views and metadata (two to three times the bytes: the title, summary and URL recur in
 * each, and in the JSON-LD) are built by the thread that renders it, so they never cross threads.
 */
export interface ArticlePageInput {
  readonly article: ShownArticle;
  readonly newer: ArticleLink;
  readonly older: ArticleLink;
  readonly related: readonly CardRef[];
}

/** The plan for the article page at `index` of the sorted list (rendered here or in a worker). */
export function articlePagePlan(env: RenderEnv, model: Site, index: number): PagePlan {
  const article = model.articles[index]!;
  const newer = model.articles[index - 1];
  const older = model.articles[index + 1];
  const related = model.related[index] ?? [];
  const inputs = () => `${env.identity(article)}\u0004${newer ? env.cardIdentity(newer) : ''}\u0004${older ? env.cardIdentity(older) : ''}\u0004${cardIdentities(env, related)}`;
  const { pagePath, searchUrl } = articlePageOf(env, article);
  const job = (): PageJob => {
    const link = (a: Article | undefined): ArticleLink => (a ? { url: articleUrl(env.ctx, a), title: a.title } : null);
    const { slug, title, titleDerived, date, updated, dateline, summary, relatedHeadlines, tags, author, sourceUrl, wordCount, readingMinutes, lang } = article;
    const shown: ShownArticle = {
      slug,
      title,
      titleDerived,
      date,
      ...(updated !== undefined && { updated }),
      ...(dateline !== undefined && { dateline }),
      summary,
      relatedHeadlines,
      tags,
      ...(author !== undefined && { author }),
      ...(sourceUrl !== undefined && { sourceUrl }),
      wordCount,
      readingMinutes,
      ...(lang !== undefined && { lang }),
    };
    const context: ArticlePageInput = { article: shown, newer: link(newer), older: link(older), related: cards(env, related) };
    return { template: 'article', pagePath, context, lastmod: article.updated ?? article.date, searchUrl, body: article.body };
  };
  return { template: 'article', pagePath, inputs, lastmod: article.updated ?? article.date, searchUrl, job };
}

/** Where an article's page goes and the URL the search index gives it. */
export function articlePageOf(env: RenderEnv, article: Article): { pagePath: string; searchUrl: string } {
  return { pagePath: articlePath(article.date, article.slug), searchUrl: articleUrl(env.ctx, article) };
}

/** The paginated front page. */
export function indexPagePlans(env: RenderEnv, model: Site): PagePlan[] {
  const pages = chunk(model.articles, model.config.pageSize);
  return pages.map((articles, i) => {
    const n = i + 1;
    const inputs = () => `${n}/${pages.length}/${model.articles.length}${cardIdentities(env, articles)}`;
    return page(env, 'index', indexPagePath(n), inputs, articles[0]?.date ?? newest(model), () => ({
      meta: listingMeta(model.config, n === 1 ? null : `Page ${n}`, indexPagePath(n), model.config.description, { url: env.site.feedUrl, title: model.config.title }),
      data: {
        articles: cards(env, articles),
        pagination: paginationView(env.ctx, n, pages.length, indexPagePath),
        total: model.articles.length,
      },
    }));
  });
}

/** One tag's paginated pages. */
export function tagPagePlans(env: RenderEnv, model: Site, tag: TagEntry): PagePlan[] {
  const pages = chunk(tag.articles, model.config.pageSize);
  const feed = { url: tagFeedUrl(env.ctx, tag.slug), title: `${model.config.title}: ${tag.name}` };
  const count = tag.articles.length;
  const description = `${count} ${count === 1 ? 'article' : 'articles'} tagged ${tag.name}.`;
  return pages.map((articles, i) => {
    const n = i + 1;
    const title = n === 1 ? tag.name : `${tag.name} (page ${n})`;
    const inputs = () => `${tag.name}\u0002${tag.slug}\u0002${n}/${pages.length}/${count}${cardIdentities(env, articles)}`;
    return page(env, 'tag', tagPath(tag.slug, n), inputs, articles[0]?.date, () => ({
      meta: listingMeta(model.config, title, tagPath(tag.slug, n), description, feed),
      data: {
        tag: { ...tagLinkView(env.ctx, tag), count, feedUrl: feed.url },
        articles: cards(env, articles),
        pagination: paginationView(env.ctx, n, pages.length, (k) => tagPath(tag.slug, k)),
      },
    }));
  });
}

/** The tags index, A–Z with counts, grouped by initial. */
export function tagsIndexPlan(env: RenderEnv, model: Site): PagePlan {
  const inputs = () => `${newest(model)}${model.tags.map((t) => `\u0003${t.name}\u0002${t.slug}\u0002${t.articles.length}`).join('')}`;
  return page(env, 'tags', FIXED_PATHS.tags, inputs, newest(model), () => {
    const groups: { letter: string; tags: (TagLinkView & { count: number })[] }[] = [];
    for (const tag of model.tags) {
      const first = tag.name.normalize('NFD').charAt(0).toUpperCase();
      const letter = /[A-Z]/.test(first) ? first : '#';
      let group = groups.find((g) => g.letter === letter);
      if (!group) groups.push((group = { letter, tags: [] }));
      group.tags.push({ ...tagLinkView(env.ctx, tag), count: tag.articles.length });
    }
    const description = `All ${model.tags.length} tags of ${model.config.title}, A–Z.`;
    return { meta: listingMeta(model.config, 'Tags', FIXED_PATHS.tags, description), data: { groups, total: model.tags.length } };
  });
}

/** Year and month archive pages. */
export function archivePagePlans(env: RenderEnv, model: Site): PagePlan[] {
  const plans: PagePlan[] = [];
  const yearCounts = model.years.map((y) => `${y.year}:${y.count}`).join(',');
  const years = () => model.years.map((y) => ({ year: y.year, url: archiveLinks(env.ctx, `${y.year}-01-01`).yearUrl, count: y.count }));
  for (const year of model.years) {
    const inputs = () => `${yearCounts}\u0004${year.months.map((m) => `${m.month}:${m.articles.length}`).join(',')}\u0004${year.months[0]?.articles[0]?.date}`;
    plans.push(
      page(env, 'archive-year', yearPath(year.year), inputs, year.months[0]?.articles[0]?.date, () => {
        const months = year.months.map((m) => ({ ...archiveLinks(env.ctx, `${m.year}-${m.month}-01`), count: m.articles.length }));
        const description = `${year.count} ${year.count === 1 ? 'article' : 'articles'} from ${year.year}.`;
        return { meta: listingMeta(model.config, year.year, yearPath(year.year), description), data: { year: { year: year.year, count: year.count, months }, years: years() } };
      }),
    );
    for (const month of year.months) {
      plans.push(
        page(env, 'archive-month', monthPath(month.year, month.month), () => cardIdentities(env, month.articles), month.articles[0]?.date, () => {
          const links = archiveLinks(env.ctx, `${month.year}-${month.month}-01`);
          const days = groupByDay(month.articles).map(([date, articles]) => ({ date, dateText: formatLongDate(date), articles: cards(env, articles) }));
          const count = month.articles.length;
          const description = `${count} ${count === 1 ? 'article' : 'articles'} from ${links.monthText}.`;
          return { meta: listingMeta(model.config, links.monthText, monthPath(month.year, month.month), description), data: { month: { ...links, count, days } } };
        }),
      );
    }
  }
  return plans;
}

/** Consecutive articles of the same date, as [date, articles] pairs. */
function groupByDay(articles: readonly Article[]): [string, Article[]][] {
  const days: [string, Article[]][] = [];
  for (const a of articles) {
    const last = days[days.length - 1];
    if (last && last[0] === a.date) last[1].push(a);
    else days.push([a.date, [a]]);
  }
  return days;
}

/** The search page and the 404 page. */
export function fixedPagePlans(env: RenderEnv, model: Site): PagePlan[] {
  const years = model.years.map((y) => y.year);
  const search = page(env, 'search', FIXED_PATHS.search, () => `${years.join(',')}\u0004${newest(model)}`, newest(model), () => ({
    meta: listingMeta(model.config, 'Search', FIXED_PATHS.search, `Search ${model.config.title}.`),
    // The older years' search bundles, merged into the main one (the newest year's) in the browser.
    data: { years, searchBundles: years.slice(1).map((year) => hrefOf(env.ctx.basePath, shardDirOf(year, years[0]!))) },
  }));
  const notFound = page(env, '404', FIXED_PATHS.notFound, () => '', undefined, () => ({
    meta: { ...listingMeta(model.config, 'Page not found', FIXED_PATHS.notFound, 'There is no page at this address.'), noindex: true },
    data: {},
  }));
  return [search, notFound];
}
