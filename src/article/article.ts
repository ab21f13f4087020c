/** The typed record one seed becomes; everything a page shows about an article. */
import type { BodyRef } from '../cache/body-store.js';

/** A post embedded in the text (`… pic.twitter.com/ID — Name (@handle) Month D, YYYY`). */
export interface SocialPost {
  /** The post's own words, before the pic link. */
  readonly text: string;
  /** `https://pic.twitter.com/ID` when the paragraph carried one. */
  readonly picUrl?: string;
  /** The author's display name. */
  readonly authorName: string;
  /** The handle without `@`. */
  readonly handle: string;
  /** `YYYY-MM-DD` of the post. */
  readonly date: string;
}

/** A tag with its canonical display name and its URL slug. */
export interface Tag {
  readonly name: string;
  readonly slug: string;
}

/** One article, as parsed and derived from one seed file. */
export interface Article {
  readonly slug: string;
  readonly title: string;
  readonly titleDerived: boolean;
  /** `YYYY-MM-DD`, a calendar date with no time zone. */
  readonly date: string;
  /** `YYYY-MM-DD` of the last update (front matter `updated`), after `date`; absent when never updated. */
  readonly updated?: string;
  readonly dateline?: string;
  readonly summary: string;
  /** Where the body HTML is kept (out of the heap; read back when its page renders). */
  readonly body: BodyRef;
  readonly socialPosts: readonly SocialPost[];
  readonly relatedHeadlines: readonly string[];
  readonly tags: readonly Tag[];
  readonly author?: string;
  readonly sourceUrl?: string;
  /** Old addresses of the article (page paths such as `posts/old-title/`, see site/aliases.ts), each published as a page sending readers on to it; absent when none. */
  readonly aliases?: readonly string[];
  /** The article's language when front matter names one (`lang`, a canonical BCP 47 tag); else it is the site's. */
  readonly lang?: string;
  readonly wordCount: number;
  readonly readingMinutes: number;
  /** The seed's path as given on the command line, e.g. `seeds/x.txt`. */
  readonly sourcePath: string;
  /** sha256 of the seed bytes, hex. */
  readonly contentHash: string;
}
