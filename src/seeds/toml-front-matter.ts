/** TOML front matter between `+++` lines, as Hugo writes it: the block found, read, its keys located by line. */
import { SeedError } from '../errors.js';
import type { FrontMatterBlock, TomlReader } from './front-matter.js';

/** A key at the start of a line (bare, "basic" or 'literal'), then `=` or a dot of a dotted key. */
const KEY_LINE = /^[ \t]*(?:([A-Za-z0-9_-]+)|"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')[ \t]*[=.]/;

/** A table header, `[params]` or `[[cascade]]`, and the top-level key it opens (a key too, like KEY_LINE's); the keys under it are not top-level. */
const TABLE_HEADER = /^[ \t]*\[\[?[ \t]*(?:([A-Za-z0-9_-]+)|"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')[ \t]*[\].]/;

/** The 1-based file line of each top-level key of the block (which starts on file line 2). */
function keyLinesOf(block: string): Record<string, number> {
  // No prototype: a key named "toString" or "constructor" must not find Object's.
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const blockLines = block.split('\n');
  let inTable = false;
  for (let i = 0; i < blockLines.length; i++) {
    const line = blockLines[i]!;
    const header = TABLE_HEADER.exec(line);
    inTable ||= header !== null;
    const match = header ?? (inTable ? null : KEY_LINE.exec(line));
    if (!match) continue;
    let key = match[1] ?? match[3];
    if (key === undefined) {
      try {
        key = JSON.parse(`"${match[2]!}"`) as string;
      } catch {
        continue;
      }
    }
    lines[key] ??= i + 2;
  }
  return lines;
}

/** Reads the TOML front matter `text` opens with (`+++` then a line end); throws a SeedError for an unclosed block or broken TOML. */
export function readTomlFrontMatter(path: string, text: string, readToml: TomlReader): FrontMatterBlock {
  const close = /\n\+\+\+[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) throw new SeedError(path, 1, 'front matter is not closed', 'end it with a line of three pluses: +++');
  const block = text.slice(4, 3 + close.index);
  const reading = readToml(block);
  const blockLineCount = block === '' ? 0 : block.split('\n').length;
  if (!reading.ok) throw new SeedError(path, Math.min(reading.line + 1, blockLineCount + 1), `invalid TOML front matter: ${reading.reason}`);
  return { data: reading.data, body: text.slice(3 + close.index + close[0].length), bodyLine: blockLineCount + 3, keyLines: keyLinesOf(block) };
}
