/** Content errors that point at a place in a seed: `seeds/x.md:4:1: message`. */

/**
 * What a terminal acts on or what reorders the text around it: C0 and C1 controls (line breaks and tabs
 * too: a report is one line), DEL, and the bidirectional controls. A seed's file name or front-matter
 * key can hold any of them ("\u001b[2J" clears the screen).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every UNPRINTABLE character written as a `\uXXXX` escape, safe to print on a terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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

  /** The one-line report: `file:line[:column]: message (hint)`, control characters escaped (printable). */
  format(): string {
    const where = this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
    return printable(`${where}: ${this.message}${this.hint ? ` (hint: ${this.hint})` : ''}`);
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
