/** Atom feeds (RFC 4287) with the `feed` package: the site's newest articles and one feed per tag. */
import { Feed } from 'feed';
import type { BodyReader } from '../cache/body-store.js';
import type { SiteConfig } from '../config.js';
import type { Site, TagEntry } from '../site/site.js';
import { absoluteUrlOf, articlePath, basePathOf, FIXED_PATHS, tagFeedPath, tagPath } from '../site/urls.js';
import { bodyForFeed } from './body-links.js';
import type { CardReader, CardRef, CardWriter } from './card-store.js';
import type { OutputFile } from './output-file.js';
import type { CardFields } from './views.js';

/** Text for an Atom `type="html"` element: escaped, so a title shows as text, never as markup. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value as `feed` must be given it: its XML writer (xml-js) escapes only `"` in
 * attribute values, so a tag named "AT&T" or "R&D <Labs>" made `term="AT&T"` and a feed no XML
 * parser accepts. `&` and `<` are escaped here (and tab and line ends, which a parser would turn
 * into spaces); xml-js adds the `&quot;`.
 */
function attributeValue(value: string): string {
  return /[&<\t\n\r]/.test(value) ? value.replace(/[&<\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Element text as `feed` must be given it: xml-js turns each `&amp;` back into `&` before escaping
 * text, so an author named "Tom &amp; Jerry" came out as "Tom & Jerry". Given `&` as `&amp;`, it
 * writes the text exactly.
 */
function elementText(value: string): string {
  return value.replace(/&/g, '&amp;');
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

/** What a feed entry shows of an article: what its card in the card store holds (tag feeds are made in render workers). */
export type FeedArticle = CardFields;

/** One tag's feed, ready for a render worker: its entries are card refs, read from the card store there. */
export interface TagFeedJob {
  readonly path: string;
  readonly settings: FeedSettings;
  readonly tagName: string;
  readonly tagSlug: string;
  /** The tag's newest articles, at most `feedSize`. */
  readonly articles: readonly CardRef[];
}

/** The date a feed entry's `updated` shows: the article's update, else its date. */
function entryUpdated(article: FeedArticle): string {
  return article.updated ?? article.date;
}

/** The date a feed's `updated` shows: the latest of its entries' `updated` (never the clock), or 1970-01-01 when it has none. */
function newestDate(updated: Iterable<string>): string {
  let newest = '1970-01-01';
  for (const date of updated) if (date > newest) newest = date;
  return newest;
}

/** The `updated` of a feed of `articles` (newest first), from the `feedSize` it lists. */
function feedUpdated(articles: readonly FeedArticle[], feedSize: number): string {
  return newestDate(articles.slice(0, feedSize).map(entryUpdated));
}

/** One Atom document for `articles` (newest first, at most `feedSize`), `updated` from `newest`; full text only with `content`, its addresses made absolute. */
function atomFeed<A extends FeedArticle>(config: FeedSettings, title: string, pagePath: string, feedPath: string, newest: string, articles: readonly A[], content?: (article: A) => string): string {
  const feed = new Feed({
    id: absoluteUrlOf(config.baseUrl, pagePath),
    title: elementText(title),
    description: elementText(config.description),
    link: absoluteUrlOf(config.baseUrl, pagePath),
    language: config.language,
    updated: utcDate(newest),
    generator: 'broadsheet',
    feedLinks: { atom: absoluteUrlOf(config.baseUrl, feedPath) },
    author: { name: elementText(config.publisher ?? config.title), link: config.baseUrl },
    favicon: absoluteUrlOf(config.baseUrl, FIXED_PATHS.favicon),
  });
  // Only a full-text feed rewrites body addresses (tag feeds, ≈ 400 at 10k, carry summaries).
  const basePath = content ? basePathOf(config.baseUrl) : '';
  for (const article of articles.slice(0, config.feedSize)) {
    const url = absoluteUrlOf(config.baseUrl, articlePath(article.date, article.slug));
    feed.addItem({
      title: htmlText(article.title),
      id: url,
      link: url,
      date: utcDate(entryUpdated(article)),
      published: utcDate(article.date),
      description: htmlText(article.summary),
      ...(content && { content: cdataSafe(bodyForFeed(content(article), url, basePath)) }),
      category: article.tags.map((t) => ({ term: attributeValue(t.name), scheme: attributeValue(absoluteUrlOf(config.baseUrl, tagPath(t.slug))) })),
      ...(article.author !== undefined && { author: [{ name: elementText(article.author) }] }),
    });
  }
  return `${feed.atom1()}\n`;
}

/** The site feed `/feed.xml`, full text (bodies read from the body store). */
export function renderSiteFeed(site: Site, bodies: BodyReader): OutputFile {
  return {
    path: FIXED_PATHS.feed,
    bytes: atomFeed(site.config, site.config.title, FIXED_PATHS.home, FIXED_PATHS.feed, feedUpdated(site.articles, site.config.feedSize), site.articles, (article) => bodies.read(article.body)),
  };
}

/** The feed settings of a site config. */
function feedSettingsOf(config: SiteConfig): FeedSettings {
  const { baseUrl, description, language, publisher, title, feedSize } = config;
  return { baseUrl, description, language, title, feedSize, ...(publisher !== undefined && { publisher }) };
}

/** One tag's feed as a job: the tag's newest articles as cards in `cards` (the store the render workers read). */
export function tagFeedJob(site: Site, tag: TagEntry, cards: CardWriter): TagFeedJob {
  const articles = tag.articles.slice(0, site.config.feedSize).map((article) => cards.refOf(article));
  return { path: tagFeedPath(tag.slug), settings: feedSettingsOf(site.config), tagName: tag.name, tagSlug: tag.slug, articles };
}

/** A tag's feed `/tags/<slug>/feed.xml`: summaries and links (the site feed carries the full text). */
function tagFeedXml(settings: FeedSettings, tagName: string, tagSlug: string, path: string, newest: string, articles: readonly FeedArticle[]): string {
  return atomFeed(settings, `${settings.title}: ${tagName}`, tagPath(tagSlug), path, newest, articles);
}

/** Where each entry starts in `feed`'s Atom: escaped text (titles, names, terms) can never hold it. */
const ENTRY_START = '\n    <entry>';

/** Where the entries end in `feed`'s Atom. */
const FEED_END = '\n</feed>';

/** Entries kept at most (≈ 1–2 KB each): a 10k site's tag feeds have ≈ 8k distinct ones. */
const MOST_ENTRIES = 20_000;

/**
 * The tag feeds' Atom entries already written in one render pass, by card ref. An article's entry is
 * the same text in each of its tags' feeds (≈ 20k entries in a 10k site's 400 tag feeds, ≈ 8k
 * distinct), so `feed` writes a feed with only the entries not yet seen, and the feed's own text is
 * cut at its entries and spliced with the others. Should `feed` ever write entries another way (the
 * cut finds a different number of them), the whole feed is made by `feed` as it is. One per pass:
 * a ref names a card of the pass's card store, and an entry's URLs come from the pass's base URL.
 */
export class FeedEntries {
  /** Each kept entry's Atom text and its `updated` date. */
  private readonly entries = new Map<CardRef, { readonly xml: string; readonly updated: string }>();

  /** The Atom document of a tag feed job, its entries read from `cards` or taken from earlier feeds. */
  feed(job: TagFeedJob, cards: CardReader): string {
    const { settings } = job;
    const refs = job.articles.slice(0, settings.feedSize);
    const unseen = refs.filter((ref) => !this.entries.has(ref));
    const unseenFields = unseen.map((ref) => cards.fields(ref));
    const unseenUpdated = new Map(unseen.map((ref, i) => [ref, entryUpdated(unseenFields[i]!)]));
    const newest = newestDate(refs.map((ref) => unseenUpdated.get(ref) ?? this.entries.get(ref)!.updated));
    const xml = tagFeedXml(settings, job.tagName, job.tagSlug, job.path, newest, unseenFields);
    const end = xml.lastIndexOf(FEED_END);
    const [head, ...written] = xml.slice(0, end).split(ENTRY_START);
    if (written.length !== unseen.length) return tagFeedXml(settings, job.tagName, job.tagSlug, job.path, newest, refs.map((ref) => cards.fields(ref)));
    const fresh = new Map(unseen.map((ref, i) => [ref, { xml: ENTRY_START + written[i]!, updated: unseenUpdated.get(ref)! }]));
    const feed = head + refs.map((ref) => (fresh.get(ref) ?? this.entries.get(ref)!).xml).join('') + xml.slice(end);
    if (this.entries.size + fresh.size > MOST_ENTRIES) this.entries.clear();
    for (const [ref, entry] of fresh) this.entries.set(ref, entry);
    return feed;
  }
}

/** A tag's feed from its job, the entries read from the card store or taken from `entries` (the pass's earlier feeds). */
export function renderTagFeedJob(job: TagFeedJob, cards: CardReader, entries: FeedEntries): OutputFile {
  return { path: job.path, bytes: entries.feed(job, cards) };
}

/** One tag's feed `/tags/<slug>/feed.xml`, from the site's articles directly. */
export function renderTagFeed(site: Site, tag: TagEntry): OutputFile {
  const path = tagFeedPath(tag.slug);
  return { path, bytes: tagFeedXml(feedSettingsOf(site.config), tag.name, tag.slug, path, feedUpdated(tag.articles, site.config.feedSize), tag.articles) };
}
