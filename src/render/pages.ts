/** Page jobs: the Site model → one job (template + plain-data context) per page, rendered through the LiquidJS templates. */
import type { Liquid } from 'liquidjs';
import type { Article } from '../article/article.js';
import { formatLongDate } from '../article/date.js';
import type { Site, TagEntry } from '../site/site.js';
import { articlePath, FIXED_PATHS, indexPagePath, monthPath, outputFileOf, tagPath, yearPath } from '../site/urls.js';
import { renderTemplate } from './liquid.js';
import { articleMeta, listingMeta, type PageMeta } from './meta.js';
import type { OutputFile } from './output-file.js';
import { archiveLinks, articleUrl, cardView, type CardView, paginationView, siteView, tagFeedUrl, tagLinkView, type SiteView, type ViewContext } from './views.js';

/** Everything the page renderers share for one build. */
export interface RenderEnv {
  readonly liquid: Liquid;
  readonly templatesDir: string;
  readonly ctx: ViewContext;
  readonly site: SiteView;
  /** Each article's card view, made once and reused on every list it appears in. */
  readonly cards: Map<Article, CardView>;
}

/** Builds the render environment for a site model. */
export function createRenderEnv(liquid: Liquid, templatesDir: string, model: Site): RenderEnv {
  const ctx: ViewContext = {
    config: model.config,
    basePath: siteView(model.config).basePath,
    tagCounts: new Map(model.tags.map((t) => [t.slug, t.articles.length])),
  };
  return { liquid, templatesDir, ctx, site: siteView(model.config), cards: new Map() };
}

/** The card views of a list page (templates render each with the memoising `card_html` filter). */
function cards(env: RenderEnv, articles: readonly Article[]): CardView[] {
  return articles.map((a) => {
    let card = env.cards.get(a);
    if (!card) env.cards.set(a, (card = cardView(env.ctx, a)));
    return card;
  });
}

/** A page to render: its template and complete context, plain data (it can cross to a worker thread). */
export interface PageJob {
  readonly template: string;
  readonly pagePath: string;
  readonly context: object;
  readonly lastmod?: string;
  readonly searchUrl?: string;
}

/** The job for one page. */
function page(env: RenderEnv, template: string, pagePath: string, meta: PageMeta, data: object, lastmod: string | undefined): PageJob {
  return { template, pagePath, context: { site: env.site, page: { ...meta, path: pagePath }, ...data }, ...(lastmod !== undefined && { lastmod }) };
}

/** Renders a job to its output file. */
export function renderJob(liquid: Liquid, templatesDir: string, job: PageJob): OutputFile {
  const html = renderTemplate(liquid, job.template, job.context, templatesDir);
  return {
    path: outputFileOf(job.pagePath),
    bytes: html,
    ...(job.lastmod !== undefined && { lastmod: job.lastmod }),
    ...(job.searchUrl !== undefined && { searchUrl: job.searchUrl }),
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

/** The job for the article page at `index` of the sorted list (rendered here or in a worker). */
export function articlePageJob(env: RenderEnv, model: Site, index: number): PageJob {
  const article = model.articles[index]!;
  const newer = model.articles[index - 1];
  const older = model.articles[index + 1];
  const link = (a: Article | undefined) => (a ? { url: articleUrl(env.ctx, a), title: a.title } : null);
  const view = {
    ...cardView(env.ctx, article),
    tags: article.tags.map((t) => tagLinkView(env.ctx, t)),
    ...archiveLinks(env.ctx, article.date),
    bodyHtml: article.bodyHtml,
    /** Source path and bytes: with the render key, they decide bodyHtml (used for page signatures). */
    sourceHash: `${article.sourcePath}:${article.contentHash}`,
    titleDerived: article.titleDerived,
    relatedHeadlines: article.relatedHeadlines,
    author: article.author ?? null,
    sourceUrl: article.sourceUrl ?? null,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    newer: link(newer),
    older: link(older),
    related: (model.related[index] ?? []).map((a) => cardView(env.ctx, a)),
  };
  const job = page(env, 'article', articlePath(article.date, article.slug), articleMeta(model.config, article), { article: view }, article.date);
  return { ...job, searchUrl: view.url };
}

/** The paginated front page. */
export function indexPageJobs(env: RenderEnv, model: Site): PageJob[] {
  const pages = chunk(model.articles, model.config.pageSize);
  return pages.map((articles, i) => {
    const n = i + 1;
    const meta = listingMeta(model.config, n === 1 ? null : `Page ${n}`, indexPagePath(n), model.config.description, { url: env.site.feedUrl, title: model.config.title });
    return page(env, 'index', indexPagePath(n), meta, {
      articles: cards(env, articles),
      pagination: paginationView(env.ctx, n, pages.length, indexPagePath),
      total: model.articles.length,
    }, articles[0]?.date ?? newest(model));
  });
}

/** One tag's paginated pages. */
export function tagPageJobs(env: RenderEnv, model: Site, tag: TagEntry): PageJob[] {
  const pages = chunk(tag.articles, model.config.pageSize);
  const feed = { url: tagFeedUrl(env.ctx, tag.slug), title: `${model.config.title}: ${tag.name}` };
  const count = tag.articles.length;
  const description = `${count} ${count === 1 ? 'article' : 'articles'} tagged ${tag.name}.`;
  return pages.map((articles, i) => {
    const n = i + 1;
    const title = n === 1 ? tag.name : `${tag.name} (page ${n})`;
    return page(env, 'tag', tagPath(tag.slug, n), listingMeta(model.config, title, tagPath(tag.slug, n), description, feed), {
      tag: { ...tagLinkView(env.ctx, tag), feedUrl: feed.url },
      articles: cards(env, articles),
      pagination: paginationView(env.ctx, n, pages.length, (k) => tagPath(tag.slug, k)),
    }, articles[0]?.date);
  });
}

/** The tags index, A–Z with counts, grouped by initial. */
export function tagsIndexJob(env: RenderEnv, model: Site): PageJob {
  const groups: { letter: string; tags: ReturnType<typeof tagLinkView>[] }[] = [];
  for (const tag of model.tags) {
    const first = tag.name.normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    let group = groups.find((g) => g.letter === letter);
    if (!group) groups.push((group = { letter, tags: [] }));
    group.tags.push(tagLinkView(env.ctx, tag));
  }
  const description = `All ${model.tags.length} tags of ${model.config.title}, A–Z.`;
  return page(env, 'tags', FIXED_PATHS.tags, listingMeta(model.config, 'Tags', FIXED_PATHS.tags, description), { groups, total: model.tags.length }, newest(model));
}

/** Year and month archive pages. */
export function archivePageJobs(env: RenderEnv, model: Site): PageJob[] {
  const files: PageJob[] = [];
  const years = model.years.map((y) => ({ year: y.year, url: archiveLinks(env.ctx, `${y.year}-01-01`).yearUrl, count: y.count }));
  for (const year of model.years) {
    const months = year.months.map((m) => ({ ...archiveLinks(env.ctx, `${m.year}-${m.month}-01`), count: m.articles.length }));
    const description = `${year.count} ${year.count === 1 ? 'article' : 'articles'} from ${year.year}.`;
    files.push(page(env, 'archive-year', yearPath(year.year), listingMeta(model.config, year.year, yearPath(year.year), description), { year: { year: year.year, count: year.count, months }, years }, year.months[0]?.articles[0]?.date));
    for (const month of year.months) {
      const links = archiveLinks(env.ctx, `${month.year}-${month.month}-01`);
      const days = groupByDay(month.articles).map(([date, articles]) => ({ date, dateText: formatLongDate(date), articles: articles.map((a) => cardView(env.ctx, a)) }));
      const count = month.articles.length;
      files.push(
        page(env, 'archive-month', monthPath(month.year, month.month), listingMeta(model.config, links.monthText, monthPath(month.year, month.month), `${count} ${count === 1 ? 'article' : 'articles'} from ${links.monthText}.`), {
          month: { ...links, count, days },
        }, month.articles[0]?.date),
      );
    }
  }
  return files;
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
export function fixedPageJobs(env: RenderEnv, model: Site): PageJob[] {
  const years = model.years.map((y) => y.year);
  const search = page(env, 'search', FIXED_PATHS.search, listingMeta(model.config, 'Search', FIXED_PATHS.search, `Search ${model.config.title}.`), { years }, newest(model));
  const notFoundMeta = { ...listingMeta(model.config, 'Page not found', FIXED_PATHS.notFound, 'There is no page at this address.'), noindex: true };
  const notFound = page(env, '404', FIXED_PATHS.notFound, notFoundMeta, {}, undefined);
  return [search, notFound];
}
