/**
 * Where things are written in `site.config.json`, so a config error names its line: the line of a
 * key or value at a path (a taxonomy of hundreds of entries is otherwise searched by hand), and the
 * line and column where the JSON stops being JSON.
 */
import { isUtf8 } from 'node:buffer';
import { parse, parseTree, visit, type Node, type ParseError } from 'jsonc-parser';

/** Strict JSON, as JSON.parse reads it: no comments, no trailing commas. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** A line break as editors count them (JSON allows all three as white space): CR LF, LF, or a lone CR. */
const LINE_BREAK = /\r\n|\n|\r/g;

/** The 1-based line and column of a UTF-16 offset in `text`. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: (before.match(LINE_BREAK)?.length ?? 0) + 1, column: before.length - lineStart + 1 };
}

/** The 1-based line of the first bytes of `bytes` that are not UTF-8, or undefined when all are. */
export function firstLineNotUtf8(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  // A newline byte is never inside a UTF-8 sequence, so each line can be checked on its own.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (!isUtf8(bytes.subarray(start, i))) return line;
    line++;
    start = i + 1;
  }
  return undefined;
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
  return error.message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '').replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
}

/** A parsed config text that answers where a key path is written. */
export class ConfigText {
  private readonly root: Node | undefined;

  constructor(private readonly text: string) {
    this.root = parseTree(text, [], STRICT);
  }

  /** The line of the value at `path`; with `key`, of that key of the object at `path` instead. Undefined when neither is written. */
  lineOf(path: readonly PropertyKey[], key?: string): number | undefined {
    let node = this.root;
    for (const segment of path) node = node && childAt(node, segment)?.value;
    // A key's line is where its name is written, which for a value starting on the next line is the line above.
    const at = key === undefined ? node : node && childAt(node, key)?.property;
    return at === undefined ? undefined : lineAndColumnAt(this.text, at.offset).line;
  }
}

/**
 * The value at `segment` of an object or array node, with its property node for an object. Of keys
 * written twice the last is taken, as JSON.parse keeps the last.
 */
function childAt(node: Node, segment: PropertyKey): { value: Node | undefined; property?: Node } | undefined {
  if (node.type === 'array' && typeof segment === 'number') return { value: node.children?.[segment] };
  if (node.type !== 'object' || typeof segment === 'symbol') return undefined;
  const properties = node.children ?? [];
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (property.children?.[0]?.value === String(segment)) return { value: property.children[1], property };
  }
  return undefined;
}

/** A key written again in the same object: where, and where it was first written. */
export interface DuplicateKey {
  /** The path of the object holding it (empty at the top level). */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly line: number;
  readonly firstLine: number;
}

/** Every key of `text` written again in an object that already has it, in the file's order. */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const objects: Map<string, number>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Map()),
      onObjectEnd: () => void objects.pop(),
      onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
        const seen = objects.at(-1)!;
        const line = lineAndColumnAt(text, offset).line;
        const firstLine = seen.get(key);
        if (firstLine === undefined) seen.set(key, line);
        else found.push({ path: pathSupplier(), key, line, firstLine });
      },
    },
    STRICT,
  );
  return found;
}
