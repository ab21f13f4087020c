/**
 * Where things are written in `site.config.json`, so a config error names its line: the line of a
 * key or value at a path (a taxonomy of hundreds of entries is otherwise searched by hand), and the
 * line and column where the JSON stops being JSON.
 */
import { findNodeAtLocation, parse, parseTree, type Node, type ParseError } from 'jsonc-parser';

/** Strict JSON, as JSON.parse reads it: no comments, no trailing commas. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The 1-based line and column of a UTF-16 offset in `text`. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

/**
 * Where JSON.parse's `error` on `text` happened: the position its message gives, else the first
 * error a strict JSON parser finds (Node's "Unexpected token" messages give none), else the end.
 */
export function jsonErrorAt(text: string, error: Error): { line: number; column: number } {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) return lineAndColumnAt(text, Number(position));
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  return lineAndColumnAt(text, errors[0]?.offset ?? text.length);
}

/**
 * JSON.parse's message on one line, without the position it gives (the line and column replace it) or
 * the quote of the text V8 appends to some ("Unexpected token 'x', "{ …" is not valid JSON").
 */
export function jsonErrorMessage(error: Error): string {
  return error.message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
}

/** A parsed config text that answers where a key path is written. */
export class ConfigText {
  private readonly root: Node | undefined;

  constructor(private readonly text: string) {
    this.root = parseTree(text, [], STRICT);
  }

  /** The line of the value at `path`; with `key`, of that key of the object at `path` instead. Undefined when neither is written. */
  lineOf(path: readonly PropertyKey[], key?: string): number | undefined {
    if (this.root === undefined) return undefined;
    const segments = path.filter((s): s is string | number => typeof s !== 'symbol');
    const node = findNodeAtLocation(this.root, key === undefined ? segments : [...segments, key]);
    if (node === undefined) return undefined;
    // A key's line is where its name is written, which for a value starting on the next line is the line above.
    const at = key !== undefined && node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lineAndColumnAt(this.text, at).line;
  }
}
