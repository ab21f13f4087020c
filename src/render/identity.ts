/**
 * Article identities: short hashes of what a page can show of an article. A page's inputs are made of
 * them, so equal identities mean equal bytes, and an edit re-renders only the pages whose inputs changed.
 */
import { hash } from 'node:crypto';
import type { Article } from '../article/article.js';

/** Both identities of one article. */
export interface ArticleIdentities {
  /** See articleIdentity. */
  readonly identity: string;
  /** See cardIdentity. */
  readonly card: string;
}

/**
 * Everything a page can show about an article, as a short hash: of the seed (path and bytes decide
 * the draft, with the config and generator in the render key), the final slug and tags.
 */
export function articleIdentity(article: Article): string {
  let id = `${article.sourcePath}\u0001${article.contentHash}\u0001${article.slug}`;
  for (const tag of article.tags) id += `\u0001${tag.name}\u0002${tag.slug}`;
  return hash('sha1', id, 'base64url');
}

/**
 * What any listing shows of an article — a card, a link, a tag feed's entry — as a short hash: link,
 * title, date, update, dateline, summary, author, tags. An edit further down the body leaves it unchanged,
 * so the listings and neighbours that show the article keep their bytes and are not rendered again.
 */
export function cardIdentity(article: Article): string {
  let id = `${article.date}\u0001${article.updated ?? ''}\u0001${article.slug}\u0001${article.title}\u0001${article.dateline ?? ''}\u0001${article.summary}\u0001${article.author ?? ''}`;
  for (const tag of article.tags) id += `\u0001${tag.name}\u0002${tag.slug}`;
  return hash('sha1', id, 'base64url');
}
