/** JSON front matter, as Hugo reads it: an object opening the file, then the body. Found, read and its keys located by line. */
import { SeedError } from '../errors.js';
import type { FrontMatterBlock } from './front-matter.js';

/** A text that opens with a JSON object whose first key is quoted: `{` then `"title":` (on the same line or the next). */
const JSON_OPENING = /^\{[ \t]*\n?[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:/;

/** True when `text` opens with JSON front matter. */
export function opensWithJson(text: string): boolean {
  return text.startsWith('{') && JSON_OPENING.test(text);
}

/** Where the object opening `text` closes (the index after its `}`) and on which line, and the line of each top-level key; `end` undefined if it never closes. */
function scanObject(text: string): { end: number | undefined; closingLine: number; keyLines: Record<string, number> } {
  // No prototype: a key named "toString" or "constructor" must not find Object's.
  const keyLines: Record<string, number> = Object.create(null) as Record<string, number>;
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return { end: i + 1, closingLine: line, keyLines };
    } else if (c === 0x22) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22 && text.charCodeAt(i) !== 0x0a; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (text.charCodeAt(i) === 0x0a) line++;
      if (depth !== 1 || !/^[ \t\n]*:/.test(text.slice(i + 1, i + 64))) continue;
      try {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        keyLines[key] ??= line;
      } catch {
        // A key JSON cannot read: JSON.parse reports it below.
      }
    }
  }
  return { end: undefined, closingLine: line, keyLines };
}

/** The 1-based line of character `index` of `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Reads the JSON front matter `text` opens with; throws a SeedError for an object never closed or JSON that cannot be read. */
export function readJsonFrontMatter(path: string, text: string): FrontMatterBlock {
  const { end, closingLine, keyLines } = scanObject(text);
  if (end === undefined) throw new SeedError(path, 1, 'front matter is not closed', 'end the JSON object with a } before the body');
  const json = text.slice(0, end);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    // V8 writes `Unexpected token 'x', "{ x"... is not valid JSON` or `… in JSON at position 12 (line 2 column 3)`.
    const reason = message.replace(/,? "[\s\S]*$/, '').replace(/ in JSON at position[\s\S]*$/, '');
    throw new SeedError(path, position === undefined ? 1 : lineAt(json, Number(position)), `invalid JSON front matter: ${reason}`);
  }
  // The body starts on the line after the closing brace; anything after it on that line is body too.
  const rest = text.slice(end);
  const newline = /^[ \t]*\n/.exec(rest);
  return newline ? { data, body: rest.slice(newline[0].length), bodyLine: closingLine + 1, keyLines } : { data, body: rest, bodyLine: closingLine, keyLines };
}
