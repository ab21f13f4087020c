/**
 * What a page's template sees, made in the thread that renders it: the site view added to a job's
 * context, card refs made card views, an article page's views, metadata and body; then the page itself.
 */
import type { Liquid } from 'liquidjs';
import { formatLongDate } from '../article/date.js';
import type { BodyReader } from '../cache/body-store.js';
import { absoluteUrlOf, outputFileOf } from '../site/urls.js';
import type { CardReader, CardRef } from './card-store.js';
import { bodyForPage, firstImageOf } from './body-links.js';
import { renderTemplate } from './liquid.js';
import { articleMeta } from './meta.js';
import type { OutputFile } from './output-file.js';
import type { ArticlePageInput, PageJob, PageSettings } from './pages.js';
import { archiveLinks, cardView, tagLinkView, type CardView } from './views.js';

/** The context a job's template sees: the site view added, card refs made card views, an article page's built and its body read in. */
export function templateContextOf(job: PageJob, settings: PageSettings, bodies: BodyReader, cards: CardReader): object {
  const card = (ref: CardRef) => cards.card(ref);
  const context = job.context as Record<string, unknown>;
  switch (job.template) {
    case 'index':
    case 'tag':
      return { site: settings.site, ...context, articles: (context['articles'] as CardRef[]).map(card) };
    case 'archive-month': {
      const month = context['month'] as { days: { articles: CardRef[] }[] };
      return { site: settings.site, ...context, month: { ...month, days: month.days.map((day) => ({ ...day, articles: day.articles.map(card) })) } };
    }
    case 'article':
      return articleContext(settings, job.pagePath, context as unknown as ArticlePageInput, card, job.body !== undefined ? bodyForPage(bodies.read(job.body), settings.site.basePath) : undefined);
    default:
      return { site: settings.site, ...context };
  }
}

/** Renders a job to its output file (see `templateContextOf` for what its template sees). */
export function renderJob(liquid: Liquid, templatesDir: string, job: PageJob, settings: PageSettings, bodies: BodyReader, cards: CardReader): OutputFile {
  const html = renderTemplate(liquid, job.template, templateContextOf(job, settings, bodies, cards), templatesDir);
  return {
    path: outputFileOf(job.pagePath),
    bytes: html,
    ...(job.lastmod !== undefined && { lastmod: job.lastmod }),
    ...(job.searchUrl !== undefined && { searchUrl: job.searchUrl }),
  };
}

/** An article page's template context, from its job's input; the body HTML when it was read. */
function articleContext(settings: PageSettings, pagePath: string, input: ArticlePageInput, card: (ref: CardRef) => CardView, bodyHtml: string | undefined): object {
  const { article } = input;
  const ctx = { basePath: settings.site.basePath };
  // One object literal, not spreads of the card and archive links: an object built by spreading and
  // then adding keys is a slow dictionary for the template.
  const { url, title, date, dateText, dateline, summary } = cardView(ctx, article);
  const { updated } = article;
  const { year, yearUrl, monthText, monthName, monthUrl } = archiveLinks(ctx, article.date);
  const view = {
    url,
    title,
    date,
    dateText,
    updated: updated ?? null,
    updatedText: updated === undefined ? null : formatLongDate(updated),
    dateline,
    summary,
    tags: article.tags.map((t) => tagLinkView(ctx, t)),
    year,
    yearUrl,
    monthText,
    monthName,
    monthUrl,
    titleDerived: article.titleDerived,
    relatedHeadlines: article.relatedHeadlines,
    author: article.author ?? null,
    // Marked on the article only when it differs from the page's (the site's) language.
    lang: article.lang !== undefined && article.lang.toLowerCase() !== settings.meta.language.toLowerCase() ? article.lang : null,
    sourceUrl: article.sourceUrl ?? null,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    newer: input.newer,
    older: input.older,
    related: input.related.map(card),
    ...(bodyHtml !== undefined && { bodyHtml }),
  };
  const image = bodyHtml === undefined ? undefined : firstImageOf(bodyHtml, absoluteUrlOf(settings.meta.baseUrl, pagePath));
  return { site: settings.site, page: { ...articleMeta(settings.meta, article, image), path: pagePath }, article: view };
}
