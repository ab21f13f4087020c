/** YAML front matter between `---` lines: the block found, read by the YAML reader, its keys located by line. */
import { SeedError } from '../errors.js';
import type { FrontMatterBlock, YamlReader } from './front-matter.js';

/** A top-level key quoted at the start of a line: double (with escapes) or single quotes. */
const QUOTED_KEY = /^(?:"(?<double>(?:[^"\\]|\\.)*)"|'(?<single>(?:[^']|'')*)')[ \t]*:(?:[ \t]|$)/;

/** What may start a plain key (not a comment, a quote, a flow or block indicator, or white space). */
const PLAIN_KEY_START = /^[^\s#'"{}[\],&*!|>%@`?-]/;

/**
 * The key a line starts with, as YAML reads it: plain (any letters: `título:`) up to the first colon
 * followed by white space or the line's end, or quoted (a double-quoted key with escapes JSON does not
 * know is left out). Found with indexOf, not a regular expression: a lazy match before optional
 * blanks went back over a long run of spaces from each of its positions.
 */
function keyOf(line: string): string | undefined {
  const quoted = QUOTED_KEY.exec(line)?.groups;
  if (quoted?.['single'] !== undefined) return quoted['single'].replaceAll("''", "'");
  if (quoted?.['double'] !== undefined) {
    try {
      return JSON.parse(`"${quoted['double']}"`) as string;
    } catch {
      return undefined;
    }
  }
  if (!PLAIN_KEY_START.test(line)) return undefined;
  for (let colon = line.indexOf(':'); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    const after = line.charCodeAt(colon + 1);
    if (Number.isNaN(after) || after === 32 || after === 9) return line.slice(0, colon).trimEnd();
  }
  return undefined;
}

/** The 1-based file line of each top-level key of the front matter block. */
function keyLinesOf(block: string): Record<string, number> {
  // No prototype: a key named "toString" or "constructor" must not find Object's.
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  block.split('\n').forEach((line, i) => {
    const key = keyOf(line);
    if (key !== undefined && lines[key] === undefined) lines[key] = i + 2;
  });
  return lines;
}

/** Reads the YAML front matter `text` opens with (`---` then a line end); throws a SeedError for an unclosed block or broken YAML. */
export function readYamlBlock(path: string, text: string, readYaml: YamlReader): FrontMatterBlock {
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) throw new SeedError(path, 1, 'front matter is not closed', 'end it with a line of three dashes: ---');
  const block = text.slice(4, 3 + close.index);
  // gray-matter gets the front matter and its closing line only, the body is added back to what it
  // returns: given the whole seed, it looked the seed's text up in its cache (hashing all of it) and
  // copied it into a Buffer, ≈ 55 µs a seed. Its closing delimiter is the first "\n---", at or before
  // ours, so what it returns plus the rest is what it returned for the whole text.
  const head = text.slice(0, 3 + close.index + close[0].length);
  let parsed: { data: unknown; content: string };
  try {
    parsed = readYaml(head);
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    const lastLine = block === '' ? 2 : block.split('\n').length + 1;
    throw new SeedError(path, Math.min((mark?.line ?? 0) + 2, lastLine), `invalid YAML front matter: ${reason}`);
  }
  const raw = parsed.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SeedError(path, 2, 'front matter must be a set of key: value pairs');
  }
  return {
    data: raw as Record<string, unknown>,
    body: parsed.content + text.slice(head.length),
    bodyLine: (block === '' ? 0 : block.split('\n').length) + 3,
    keyLines: keyLinesOf(block),
  };
}
