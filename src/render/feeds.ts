/** Atom feeds (RFC 4287) with the `feed` package: the site's newest articles and one feed per tag. */
import { Feed } from 'feed';
import type { BodyReader } from '../cache/body-store.js';
import type { SiteConfig } from '../config.js';
import type { Site, TagEntry } from '../site/site.js';
import { absoluteUrlOf, articlePath, FIXED_PATHS, tagFeedPath, tagPath } from '../site/urls.js';
import type { OutputFile } from './output-file.js';

/** Text for an Atom `type="html"` element: escaped, so a title shows as text, never as markup. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML for a CDATA section: `]]>` can never end it early. */
function cdataSafe(html: string): string {
  return html.replace(/]]>/g, ']]&gt;');
}

/** Midnight UTC of a calendar date: the same instant on every machine. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The site settings a feed shows. */
export type FeedSettings = Pick<SiteConfig, 'baseUrl' | 'description' | 'language' | 'publisher' | 'title' | 'feedSize'>;

/** What a feed entry shows of an article (plain data: tag feeds are made in render workers). */
export interface FeedArticle {
  readonly date: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly dateline?: string;
  readonly author?: string;
  readonly tags: readonly { readonly name: string; readonly slug: string }[];
}

/** One tag's feed as plain data, ready for a render worker. */
export interface TagFeedJob {
  readonly path: string;
  readonly settings: FeedSettings;
  readonly tagName: string;
  readonly tagSlug: string;
  /** The tag's newest articles, at most `feedSize`. */
  readonly articles: readonly FeedArticle[];
}

/** One Atom document for `articles` (newest first), `updated` from the newest article, never the clock; full text only with `content`. */
function atomFeed<A extends FeedArticle>(config: FeedSettings, title: string, pagePath: string, feedPath: string, articles: readonly A[], content?: (article: A) => string): string {
  const newest = articles[0]?.date ?? '1970-01-01';
  const feed = new Feed({
    id: absoluteUrlOf(config.baseUrl, pagePath),
    title,
    description: config.description,
    link: absoluteUrlOf(config.baseUrl, pagePath),
    language: config.language,
    updated: utcDate(newest),
    generator: 'broadsheet',
    feedLinks: { atom: absoluteUrlOf(config.baseUrl, feedPath) },
    author: { name: config.publisher ?? config.title, link: config.baseUrl },
    favicon: absoluteUrlOf(config.baseUrl, FIXED_PATHS.favicon),
  });
  for (const article of articles.slice(0, config.feedSize)) {
    const url = absoluteUrlOf(config.baseUrl, articlePath(article.date, article.slug));
    const dateline = article.dateline ? `<p><strong>${htmlText(article.dateline)}</strong> —</p>\n` : '';
    feed.addItem({
      title: htmlText(article.title),
      id: url,
      link: url,
      date: utcDate(article.date),
      published: utcDate(article.date),
      description: htmlText(article.summary),
      ...(content && { content: cdataSafe(dateline + content(article)) }),
      category: article.tags.map((t) => ({ term: t.name, scheme: absoluteUrlOf(config.baseUrl, tagPath(t.slug)) })),
      ...(article.author !== undefined && { author: [{ name: article.author }] }),
    });
  }
  return `${feed.atom1()}\n`;
}

/** The site feed `/feed.xml`, full text (bodies read from the body store). */
export function renderSiteFeed(site: Site, bodies: BodyReader): OutputFile {
  return {
    path: FIXED_PATHS.feed,
    bytes: atomFeed(site.config, site.config.title, FIXED_PATHS.home, FIXED_PATHS.feed, site.articles, (article) => bodies.read(article.body)),
  };
}

/** The feed settings of a site config. */
function feedSettingsOf(config: SiteConfig): FeedSettings {
  const { baseUrl, description, language, publisher, title, feedSize } = config;
  return { baseUrl, description, language, title, feedSize, ...(publisher !== undefined && { publisher }) };
}

/** What one tag's feed shows, as plain data. */
export function tagFeedJob(site: Site, tag: TagEntry): TagFeedJob {
  const articles = tag.articles.slice(0, site.config.feedSize).map(({ date, slug, title, summary, dateline, author, tags }): FeedArticle => ({
    date,
    slug,
    title,
    summary,
    ...(dateline !== undefined && { dateline }),
    ...(author !== undefined && { author }),
    tags: tags.map(({ name, slug }) => ({ name, slug })),
  }));
  return { path: tagFeedPath(tag.slug), settings: feedSettingsOf(site.config), tagName: tag.name, tagSlug: tag.slug, articles };
}

/** A tag's feed `/tags/<slug>/feed.xml` from its job: summaries and links (the site feed carries the full text). */
export function renderTagFeedJob(job: TagFeedJob): OutputFile {
  return { path: job.path, bytes: atomFeed(job.settings, `${job.settings.title}: ${job.tagName}`, tagPath(job.tagSlug), job.path, job.articles) };
}

/** One tag's feed `/tags/<slug>/feed.xml`. */
export function renderTagFeed(site: Site, tag: TagEntry): OutputFile {
  return renderTagFeedJob(tagFeedJob(site, tag));
}
