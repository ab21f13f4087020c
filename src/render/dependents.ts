/**
 * Which generated files show which articles: recorded while page signatures are computed (every
 * article whose identity goes into a file's inputs), so that an edit which keeps the site's shape
 * re-renders only the files showing the edited articles.
 */
import type { Article } from '../article/article.js';

/**
 * For each article (by index in the site's order), the generated files whose inputs hold its identity.
 * Flat: at 100k articles on ~15 files each, a few typed arrays and one string instead of 230k objects
 * to keep, store and load.
 */
export interface Dependents {
  /** Every output path once, NUL-separated. */
  readonly fileNames: string;
  /** File `f` is `fileNames.slice(fileStarts[f], fileStarts[f + 1] - 1)`. */
  readonly fileStarts: Int32Array;
  /** Article `i`'s files are `fileIndexes[starts[i]]` up to (not including) `fileIndexes[starts[i + 1]]`. */
  readonly starts: Int32Array;
  /** File numbers (see fileStarts). */
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
    const fileStarts = new Int32Array(this.files.length + 1);
    this.files.forEach((f, i) => (fileStarts[i + 1] = fileStarts[i]! + f.length + 1));
    return { fileNames: `${this.files.join('\0')}\0`, fileStarts, starts, fileIndexes };
  }
}

/** The output paths of every file showing one of the articles at `indexes`. */
export function filesShowing(dependents: Dependents, indexes: Iterable<number>): Set<string> {
  const files = new Set<string>();
  for (const i of indexes) {
    if (i < 0 || i + 1 >= dependents.starts.length) continue;
    for (let k = dependents.starts[i]!; k < dependents.starts[i + 1]!; k++) {
      const f = dependents.fileIndexes[k]!;
      files.add(dependents.fileNames.slice(dependents.fileStarts[f], dependents.fileStarts[f + 1]! - 1));
    }
  }
  return files;
}
