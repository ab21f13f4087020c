/** Head metadata of a page: title, description, canonical, OpenGraph and NewsArticle JSON-LD. */
import type { Article } from '../article/article.js';
import type { SiteConfig } from '../config.js';
import { absoluteUrlOf, articlePath } from '../site/urls.js';

/** What the head partial shows for one page. */
export interface PageMeta {
  readonly title: string;
  readonly description: string;
  readonly canonicalUrl: string;
  readonly ogType: 'website' | 'article';
  readonly ogTitle: string;
  readonly publishedTime: string | null;
  /** An updated article's update date (`article:modified_time`); else null. */
  readonly modifiedTime: string | null;
  /** An article's first body image, absolute, for `og:image` and its JSON-LD; else null. */
  readonly image: string | null;
  readonly tags: readonly string[];
  /** NewsArticle JSON-LD, serialised and safe inside `<script>`. */
  readonly jsonLd: string | null;
  readonly feedUrl: string | null;
  readonly feedTitle: string | null;
  readonly noindex: boolean;
}

/** Longest `headline` schema.org recommends for NewsArticle. */
const MAX_HEADLINE = 110;

/** Cuts a headline to ≤ 110 characters at a word boundary, with "…". */
export function shortHeadline(title: string): string {
  if (title.length <= MAX_HEADLINE) return title;
  const cut = title.lastIndexOf(' ', MAX_HEADLINE - 1);
  return `${title.slice(0, cut > 40 ? cut : MAX_HEADLINE - 1).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** JSON for a `<script>` element: `<`, `>`, `&` and line separators escaped so no text can close it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Metadata for a listing page (front page, tag, archive, tags index, search). */
export function listingMeta(config: SiteConfig, pageTitle: string | null, pagePath: string, description: string, feed?: { url: string; title: string }): PageMeta {
  return {
    title: pageTitle ? `${pageTitle} · ${config.title}` : config.title,
    description,
    canonicalUrl: absoluteUrlOf(config.baseUrl, pagePath),
    ogType: 'website',
    ogTitle: pageTitle ?? config.title,
    publishedTime: null,
    modifiedTime: null,
    image: null,
    tags: [],
    jsonLd: null,
    feedUrl: feed?.url ?? null,
    feedTitle: feed?.title ?? null,
    noindex: false,
  };
}

/** What an article page's metadata takes from the site config. */
export type MetaSettings = Pick<SiteConfig, 'baseUrl' | 'title' | 'language' | 'publisher'>;

/** What an article page's metadata shows of its article. */
export type MetaArticle = Pick<Article, 'date' | 'updated' | 'lang' | 'slug' | 'title' | 'summary' | 'dateline' | 'tags' | 'author' | 'sourceUrl' | 'wordCount'>;

/** Metadata for an article page, with its NewsArticle JSON-LD; `image` is its first body image's absolute address. */
export function articleMeta(config: MetaSettings, article: MetaArticle, image?: string): PageMeta {
  const url = absoluteUrlOf(config.baseUrl, articlePath(article.date, article.slug));
  const publisher = { '@type': 'Organization', name: config.publisher ?? config.title, url: config.baseUrl };
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: shortHeadline(article.title),
    description: article.summary,
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    ...(article.dateline !== undefined && { dateline: article.dateline }),
    keywords: article.tags.map((t) => t.name),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    publisher,
    ...(article.author !== undefined && { author: { '@type': 'Person', name: article.author } }),
    ...(article.sourceUrl !== undefined && { isBasedOn: article.sourceUrl }),
    ...(image !== undefined && { image: [image] }),
    wordCount: article.wordCount,
    inLanguage: article.lang ?? config.language,
  };
  return {
    title: `${article.title} · ${config.title}`,
    description: article.summary,
    canonicalUrl: url,
    ogType: 'article',
    ogTitle: article.title,
    publishedTime: article.date,
    modifiedTime: article.updated ?? null,
    image: image ?? null,
    tags: article.tags.map((t) => t.name),
    jsonLd: scriptSafeJson(jsonLd),
    feedUrl: null,
    feedTitle: null,
    noindex: false,
  };
}
