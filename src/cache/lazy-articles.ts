/**
 * Article records taken up from a site snapshot that deserialise the rest of themselves when first
 * asked: an edit renders the few files showing the edited articles, so of 100k records it needs the
 * date, slug and source path of all (to keep every other file) and everything of a few hundred.
 */
import type { Article } from '../article/article.js';
import type { ArticleIdentities } from '../render/identity.js';

/** Every field of an Article (checked by the compiler: a new field must be added here). */
const ARTICLE_FIELDS = {
  slug: true,
  title: true,
  titleDerived: true,
  date: true,
  updated: true,
  dateline: true,
  summary: true,
  body: true,
  socialPosts: true,
  relatedHeadlines: true,
  tags: true,
  author: true,
  sourceUrl: true,
  aliases: true,
  lang: true,
  wordCount: true,
  readingMinutes: true,
  sourcePath: true,
  contentHash: true,
} satisfies Record<keyof Article, true>;

/** The fields a lazy record holds from the start. */
type ThinFields = 'date' | 'slug' | 'sourcePath';

const INDEX = Symbol('article index');
const LOAD = Symbol('full record');
const IDENTITIES = Symbol('stored identities');

/** A lazy record: the thin fields, and the rest read through getters from the full record. */
interface LazyArticle extends Pick<Article, ThinFields> {
  readonly [INDEX]: number;
  readonly [LOAD]: (index: number) => Article;
  readonly [IDENTITIES]: (index: number) => ArticleIdentities;
}

/**
 * `count` records with their thin fields from `thin(i)`; any other field of record `i` comes from
 * `load(i)` (called once per record; it may load a whole batch of records at once); `identities(i)`
 * gives record `i`'s identities as stored with it (see storedIdentities).
 */
export function lazyArticles(count: number, thin: (i: number) => Pick<Article, ThinFields>, load: (i: number) => Article, identities: (i: number) => ArticleIdentities): Article[] {
  const prototype = { [LOAD]: load, [IDENTITIES]: identities };
  for (const field of Object.keys(ARTICLE_FIELDS) as (keyof Article)[]) {
    if (field === 'date' || field === 'slug' || field === 'sourcePath') continue;
    Object.defineProperty(prototype, field, {
      enumerable: true,
      get(this: LazyArticle) {
        return this[LOAD](this[INDEX])[field];
      },
    });
  }
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) articles.push(Object.assign(Object.create(prototype) as LazyArticle, thin(i), { [INDEX]: i }) as unknown as Article);
  return articles;
}

/** The complete plain record of an article, lazy or not (for storing it: a spread would lose a lazy record's fields). */
export function fullRecord(article: Article): Article {
  const lazy = article as unknown as Partial<LazyArticle>;
  return lazy[LOAD] !== undefined && lazy[INDEX] !== undefined ? lazy[LOAD](lazy[INDEX]) : article;
}

/** The identities stored with a lazy record (undefined for any other record: compute them). */
export function storedIdentities(article: Article): ArticleIdentities | undefined {
  const lazy = article as unknown as Partial<LazyArticle>;
  return lazy[IDENTITIES] !== undefined && lazy[INDEX] !== undefined ? lazy[IDENTITIES](lazy[INDEX]) : undefined;
}
