/** View objects: what templates see. Plain data, every key present (null when absent). */
import type { Article } from '../article/article.js';
import { formatLongDate, formatMonth, monthName } from '../article/date.js';
import type { SiteConfig } from '../config.js';
import { absoluteUrlOf, articlePath, basePathOf, FIXED_PATHS, hrefOf, monthPath, tagFeedPath, tagPath, yearPath } from '../site/urls.js';

/** Site-wide values every page shows (name, nav links). */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  /** OpenGraph's `language_TERRITORY` for the language (`en` → `en_US`), or '' when it names no territory. */
  readonly ogLocale: string;
  readonly basePath: string;
  readonly homeUrl: string;
  readonly tagsUrl: string;
  readonly searchUrl: string;
  readonly feedUrl: string;
  readonly styleUrl: string;
  readonly faviconUrl: string;
  readonly pagefindUrl: string;
}

/**
 * A link to a tag. Its article count is given only where a page's inputs hold it (the tag's own pages,
 * the tags index): on a card or an article page it could change without the page being rendered again.
 */
export interface TagLinkView {
  readonly name: string;
  readonly url: string;
}

/** An article as listed on index, tag and archive pages. */
export interface CardView {
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly dateText: string;
  readonly dateline: string | null;
  readonly summary: string;
  readonly tags: readonly TagLinkView[];
}

/** Page N of M with links to its neighbours and a window of page numbers. */
export interface PaginationView {
  readonly current: number;
  readonly total: number;
  readonly prevUrl: string | null;
  readonly nextUrl: string | null;
  readonly pages: readonly { readonly number: number; readonly url: string; readonly current: boolean; readonly gap: boolean }[];
}

/** What links need: the site's base path. */
export interface LinkContext {
  readonly basePath: string;
}

/** Shared context for site and link building. */
export interface ViewContext extends LinkContext {
  readonly config: SiteConfig;
}

/** The site view for a config. */
export function siteView(config: SiteConfig): SiteView {
  const basePath = basePathOf(config.baseUrl);
  return {
    title: config.title,
    description: config.description,
    language: config.language,
    ogLocale: ogLocaleOf(config.language),
    basePath,
    homeUrl: hrefOf(basePath, FIXED_PATHS.home),
    tagsUrl: hrefOf(basePath, FIXED_PATHS.tags),
    searchUrl: hrefOf(basePath, FIXED_PATHS.search),
    feedUrl: hrefOf(basePath, FIXED_PATHS.feed),
    styleUrl: hrefOf(basePath, FIXED_PATHS.style),
    faviconUrl: hrefOf(basePath, FIXED_PATHS.favicon),
    pagefindUrl: hrefOf(basePath, 'pagefind/'),
  };
}

/**
 * OpenGraph's locale for a language tag: its language and territory (`en-GB` → `en_GB`, `zh-Hant-TW`
 * → `zh_TW`), the likely territory when it names none (`en` → `en_US`, `fr` → `fr_FR`), '' when
 * there is none to be had. OpenGraph reads a bare `en` as no locale.
 */
export function ogLocaleOf(language: string): string {
  try {
    const locale = new Intl.Locale(language).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : '';
  } catch {
    return '';
  }
}

/** A tag link. */
export function tagLinkView(ctx: LinkContext, tag: { name: string; slug: string }): TagLinkView {
  return { name: tag.name, url: hrefOf(ctx.basePath, tagPath(tag.slug)) };
}

/** A tag's feed link. */
export function tagFeedUrl(ctx: ViewContext, slug: string): string {
  return hrefOf(ctx.basePath, tagFeedPath(slug));
}

/** Most tags a card shows (the article page shows them all). */
export const CARD_TAGS = 5;

/** The fields of an article a listing shows: a card (which leaves out the author and tags after CARD_TAGS) or a tag feed's entry. */
export type CardFields = Pick<Article, 'date' | 'updated' | 'slug' | 'title' | 'dateline' | 'summary' | 'author' | 'tags'>;

/** An article card. */
export function cardView(ctx: LinkContext, article: CardFields): CardView {
  return {
    url: articleUrl(ctx, article),
    title: article.title,
    date: article.date,
    dateText: formatLongDate(article.date),
    dateline: article.dateline ?? null,
    summary: article.summary,
    tags: article.tags.slice(0, CARD_TAGS).map((t) => tagLinkView(ctx, t)),
  };
}

/** The link to an article page. */
export function articleUrl(ctx: LinkContext, article: Pick<Article, 'date' | 'slug'>): string {
  return hrefOf(ctx.basePath, articlePath(article.date, article.slug));
}

/** Links for the year and month an article date falls in. */
export function archiveLinks(ctx: LinkContext, date: string) {
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  return {
    year,
    yearUrl: hrefOf(ctx.basePath, yearPath(year)),
    monthText: formatMonth(date),
    monthName: monthName(month),
    monthUrl: hrefOf(ctx.basePath, monthPath(year, month)),
  };
}

/** Pagination for page `current` of `total`, with `pathOf(n)` giving each page's path. */
export function paginationView(ctx: ViewContext, current: number, total: number, pathOf: (n: number) => string): PaginationView {
  const numbers = new Set<number>([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const sorted = [...numbers].sort((a, b) => a - b);
  const pages = sorted.map((n, i) => ({ number: n, url: hrefOf(ctx.basePath, pathOf(n)), current: n === current, gap: i > 0 && n - sorted[i - 1]! > 1 }));
  return {
    current,
    total,
    prevUrl: current > 1 ? hrefOf(ctx.basePath, pathOf(current - 1)) : null,
    nextUrl: current < total ? hrefOf(ctx.basePath, pathOf(current + 1)) : null,
    pages,
  };
}

/** An absolute URL for a page path. */
export function absoluteUrl(ctx: ViewContext, pagePath: string): string {
  return absoluteUrlOf(ctx.config.baseUrl, pagePath);
}
