/** Content errors that point at a place in a seed: `seeds/x.md:4:1: message`. */

/** A problem in one seed (or the config), located by file and line. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
    readonly hint?: string,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SeedError';
  }

  /** The one-line report: `file:line[:column]: message (hint)`. */
  format(): string {
    const where = this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
    return `${where}: ${this.message}${this.hint ? ` (hint: ${this.hint})` : ''}`;
  }
}

/** Orders seed errors as a build lists them: by file (code-point order), then line. */
export function byPlace(a: SeedError, b: SeedError): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/** A usage or configuration problem: exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Several seed errors gathered from one build, reported together. */
export class ContentErrors extends Error {
  constructor(readonly errors: readonly SeedError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'ContentErrors';
  }
}
