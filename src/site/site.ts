/** The Site model: sorted articles and every index the pages are rendered from. */
import type { Article } from '../article/article.js';
import type { SiteConfig } from '../config.js';

/** A tag with the articles that carry it, newest first. */
export interface TagEntry {
  readonly name: string;
  readonly slug: string;
  readonly articles: readonly Article[];
}

/** A month of a year's archive. */
export interface MonthEntry {
  readonly year: string;
  readonly month: string;
  readonly articles: readonly Article[];
}

/** A year of the archive with its months, newest first. */
export interface YearEntry {
  readonly year: string;
  readonly months: readonly MonthEntry[];
  readonly count: number;
}

/** Everything rendering needs, decided once; articles sorted date desc then slug. */
export interface Site {
  readonly config: SiteConfig;
  readonly articles: readonly Article[];
  /** Tags A–Z by name. */
  readonly tags: readonly TagEntry[];
  /** Years newest first. */
  readonly years: readonly YearEntry[];
  /** For each article index, up to `relatedCount` related articles. */
  readonly related: readonly (readonly Article[])[];
}
