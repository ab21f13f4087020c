/** Year and month archives from the sorted article list. */
import type { Article } from '../article/article.js';
import type { MonthEntry, YearEntry } from './site.js';

/** Years newest first, each with its months newest first; `articles` must be sorted newest first. */
export function buildArchives(articles: readonly Article[]): YearEntry[] {
  const years: { year: string; months: { year: string; month: string; articles: Article[] }[]; count: number }[] = [];
  for (const article of articles) {
    const year = article.date.slice(0, 4);
    const month = article.date.slice(5, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) years.push((y = { year, months: [], count: 0 }));
    let m = y.months[y.months.length - 1];
    if (!m || m.month !== month) y.months.push((m = { year, month, articles: [] }));
    m.articles.push(article);
    y.count++;
  }
  return years as YearEntry[] & { months: MonthEntry[] }[];
}
