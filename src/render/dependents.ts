/**
 * Which generated files show which articles: recorded while page signatures are computed (every
 * article whose identity goes into a file's inputs), so that an edit which keeps the site's shape
 * re-renders only the files showing the edited articles.
 */
import type { Article } from '../article/article.js';

/**
 * For each article (by index in the site's order), the generated files whose inputs hold its identity;
 * flat typed arrays, so 100k articles showing on ~15 files each are two allocations, not 100k.
 */
export interface Dependents {
  /** Output paths, each listed once. */
  readonly files: readonly string[];
  /** Article `i`'s files are `fileIndexes[starts[i]]` up to (not including) `fileIndexes[starts[i + 1]]`. */
  readonly starts: Int32Array;
  /** Indexes into `files`. */
  readonly fileIndexes: Int32Array;
}

/** Collects Dependents during one render pass. */
export class DependentsRecorder {
  private readonly indexOf = new Map<Article, number>();
  private readonly files: string[] = [];
  private readonly byArticle: number[][];
  private current = -1;

  constructor(articles: readonly Article[]) {
    articles.forEach((a, i) => this.indexOf.set(a, i));
    this.byArticle = articles.map(() => []);
  }

  /** The file whose inputs are computed next. */
  file(path: string): void {
    this.current = this.files.push(path) - 1;
  }

  /** Notes that the current file's inputs hold `article`. */
  shows(article: Article): void {
    const i = this.indexOf.get(article);
    if (i === undefined || this.current < 0) return;
    const list = this.byArticle[i]!;
    if (list[list.length - 1] !== this.current) list.push(this.current);
  }

  /** What was recorded. */
  result(): Dependents {
    const starts = new Int32Array(this.byArticle.length + 1);
    this.byArticle.forEach((list, i) => (starts[i + 1] = starts[i]! + list.length));
    const fileIndexes = new Int32Array(starts[this.byArticle.length]!);
    this.byArticle.forEach((list, i) => fileIndexes.set(list, starts[i]));
    return { files: this.files, starts, fileIndexes };
  }
}

/** The output paths of every file showing one of the articles at `indexes`. */
export function filesShowing(dependents: Dependents, indexes: Iterable<number>): Set<string> {
  const files = new Set<string>();
  for (const i of indexes) {
    if (i < 0 || i + 1 >= dependents.starts.length) continue;
    for (let k = dependents.starts[i]!; k < dependents.starts[i + 1]!; k++) files.add(dependents.files[dependents.fileIndexes[k]!]!);
  }
  return files;
}
