/**
 * Plain-prose blocks of a Markdown document, set aside before remark-parse tokenizes it and put back
 * into its tree after. Most of a news article in Markdown is paragraphs of prose in which no
 * character can mean anything to Markdown; micromark still reads them a character at a time (≈ 1 ms
 * per 5 KB article, most of a Markdown build's parse). Each run of prose blocks is replaced by a
 * one-line placeholder and remark-parse parses that skeleton, so it still decides every block's
 * place; the prose goes back only where a placeholder came out as a paragraph of its own. Anywhere
 * else (inside fenced code, an HTML block) the whole document is parsed again as written. A document
 * of prose blocks only is their paragraphs, and remark-parse is not asked. The tree, positions
 * included, is remark-parse's own (tests/seeds/prose-blocks.test.ts compares them).
 */
import type { Node, Paragraph, Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { Point, Position } from 'unist';

/** Marks a placeholder: a private-use character, so nothing else in a document can look like one. */
const MARK = '\uE000';
/** A placeholder as remark-parse gives it back: the only text of a paragraph. */
const PLACEHOLDER = /^\uE000([0-9a-z]+)\uE000$/;
/** A backslash escape: any ASCII punctuation after a backslash is that character as plain text. */
const ESCAPE = /\\[!-/:-@[-`{-~]/g;
/**
 * Characters that may start inline syntax (emphasis, code, links, HTML, autolinks, character
 * references, escapes left after ESCAPE) or that micromark changes (NUL, tab, CR; a BOM at the
 * document's start is checked by proseSkeleton); and GitHub's table pipes and strikethrough tildes.
 */
const INLINE_SYNTAX = /[\\`*_[\]<\0\t\r|~]|&[#A-Za-z0-9]/;
/**
 * The bare addresses GitHub's Markdown links: `www.`, `http:`, `https:`, and e-mail addresses (an
 * `@` after a letter, digit or `.+_-`). Apart from INLINE_SYNTAX, whose single character class V8
 * scans for quickly: one pattern of all of them tried every alternative at every letter (≈ 4× slower).
 */
const BARE_ADDRESS = /www\.|https?:/i;
const EMAIL = /[A-Za-z0-9.+_-]@/;
/**
 * A line that could open or interrupt a block: quote, list, heading, rule, setext underline, tilde
 * fence (what else opens one, `*`, `_`, a backtick and `<`, is in INLINE_SYNTAX).
 */
const BLOCK_START = /^ *(?:[>\-+#=~]|\d{1,9}[.)])/;
/** A line whose trailing spaces could be a hard break (a trailing backslash is in INLINE_SYNTAX). */
const HARD_BREAK_END = / $/;
/** A line of spaces and tabs only: what separates blocks. */
const BLANK = /^[ \t]*$/;

/** One prose block: where it was in the document, and the text its paragraph holds. */
interface ProseBlock {
  /** Index of its first and last line in the document. */
  readonly first: number;
  readonly last: number;
  /** Its first line's indentation: the placeholder keeps it, so remark-parse places it alike. */
  readonly indent: number;
  /** The paragraph's text as remark-parse gives it: lines without their indentation, escapes resolved. */
  readonly text: string;
}

/**
 * Prose blocks one after another, separated by blank lines only, with the same indentation: one
 * placeholder stands for them all (remark-parse places each of them where it places the first).
 */
type ProseRun = readonly ProseBlock[];

/** A document with its prose runs replaced by placeholders, and what putting them back needs. */
export interface ProseSkeleton {
  /** The Markdown remark-parse reads: the document with each prose run a one-line placeholder. */
  readonly markdown: string;
  readonly runs: readonly ProseRun[];
  /** For each skeleton line, the document line it is, or the run (as -1 - index) it stands for. */
  readonly lineOrigin: Int32Array;
  /** Each document line's offset and length. */
  readonly lineStarts: readonly number[];
  readonly lineLengths: readonly number[];
  /**
   * True when the document is prose blocks and blank lines only: remark-parse would make it a root of
   * their paragraphs, so it need not be asked.
   */
  readonly onlyProse: boolean;
}

/** True when no character of `line` can mean anything to Markdown in a paragraph. */
function isProseLine(line: string): boolean {
  if (BLOCK_START.test(line) || HARD_BREAK_END.test(line)) return false;
  if (!line.includes('\\')) return !INLINE_SYNTAX.test(line) && !hasBareAddress(line);
  // An escape inside an address ("http\://", "a\@b.example") may still leave it one: looked for without backslashes.
  return !INLINE_SYNTAX.test(line.replace(ESCAPE, '')) && !hasBareAddress(line.replace(/\\/g, ''));
}

/** True when `text` may hold an address GitHub's Markdown links (see BARE_ADDRESS). */
function hasBareAddress(text: string): boolean {
  return BARE_ADDRESS.test(text) || (text.includes('@') && EMAIL.test(text));
}

/** A prose line's text in its paragraph: without its indentation, its escapes resolved. */
function proseText(line: string): string {
  const text = line.charCodeAt(0) === 32 ? line.replace(/^ +/, '') : line;
  return text.includes('\\') ? text.replace(ESCAPE, (escape) => escape[1]!) : text;
}

/** The document's skeleton, or undefined when it has no prose block to set aside. */
export function proseSkeleton(document: string): ProseSkeleton | undefined {
  // micromark drops a byte order mark that opens the document (and does not count it in columns).
  if (document.charCodeAt(0) === 0xfeff || document.includes('\r') || document.includes(MARK)) return undefined;
  const lines = document.split('\n');
  const lineStarts: number[] = [];
  const lineLengths: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    lineLengths.push(line.length);
    offset += line.length + 1;
  }
  const runs: ProseBlock[][] = [];
  const out: string[] = [];
  const origin: number[] = [];
  // The run the last prose block joined, and the skeleton's length then: blank lines after it are dropped if another block joins.
  let open: { run: ProseBlock[]; outLength: number } | undefined;
  let onlyProse = true;
  let i = 0;
  while (i < lines.length) {
    if (BLANK.test(lines[i]!)) {
      out.push(lines[i]!);
      origin.push(i++);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !BLANK.test(lines[end]!)) end++;
    const block = lines.slice(i, end);
    const indent = /^ */.exec(block[0]!)![0].length;
    // Indented by four or more, a block is code unless in a list item: left to remark-parse, as is.
    if (indent < 4 && block.every(isProseLine)) {
      const prose: ProseBlock = { first: i, last: end - 1, indent, text: block.map(proseText).join('\n') };
      if (open && open.run[0]!.indent === indent) {
        out.length = origin.length = open.outLength;
        open.run.push(prose);
      } else {
        out.push(`${' '.repeat(indent)}${MARK}${runs.length.toString(36)}${MARK}`);
        origin.push(-1 - runs.length);
        open = { run: [prose], outLength: out.length };
        runs.push(open.run);
      }
    } else {
      open = undefined;
      onlyProse = false;
      for (let k = i; k < end; k++) {
        out.push(lines[k]!);
        origin.push(k);
      }
    }
    i = end;
  }
  if (runs.length === 0) return undefined;
  return { markdown: out.join('\n'), runs, lineOrigin: Int32Array.from(origin), lineStarts, lineLengths, onlyProse };
}

/** The point at `column` of document line `line` (both counted from 0 here, from 1 in the point). */
function pointAt(skeleton: ProseSkeleton, line: number, column: number): Point {
  return { line: line + 1, column: column + 1, offset: skeleton.lineStarts[line]! + column };
}

/** A skeleton point as the same point of the document. */
function documentPoint(skeleton: ProseSkeleton, point: Point): Point {
  const origin = skeleton.lineOrigin[point.line - 1]!;
  if (origin >= 0) return pointAt(skeleton, origin, point.column - 1);
  const run = skeleton.runs[-1 - origin]!;
  // Before or at the placeholder's first character: the same column of the run's first line; past it, the run's end.
  if (point.column <= run[0]!.indent + 1) return pointAt(skeleton, run[0]!.first, point.column - 1);
  const last = run[run.length - 1]!.last;
  return pointAt(skeleton, last, skeleton.lineLengths[last]!);
}

/** A prose block's paragraph, as remark-parse builds it, positions included. */
function paragraphOf(skeleton: ProseSkeleton, block: ProseBlock): Paragraph {
  const position = () => ({ start: pointAt(skeleton, block.first, block.indent), end: pointAt(skeleton, block.last, skeleton.lineLengths[block.last]!) });
  return { type: 'paragraph', children: [{ type: 'text', value: block.text, position: position() }], position: position() };
}

/**
 * Puts the prose back into remark-parse's tree of the skeleton, positions moved to the document's;
 * false (the tree half changed, to be dropped) when a placeholder came out anywhere but as a
 * paragraph of its own.
 */
export function restoreProse(tree: Root, skeleton: ProseSkeleton): boolean {
  let restored = 0;
  /** The run a placeholder paragraph stands for. */
  const runOf = (node: Node): ProseRun | undefined => {
    if (node.type !== 'paragraph') return undefined;
    const children = (node as Paragraph).children;
    const placeholder = children.length === 1 && children[0]!.type === 'text' ? PLACEHOLDER.exec(children[0]!.value) : null;
    return placeholder ? skeleton.runs[parseInt(placeholder[1]!, 36)] : undefined;
  };
  // Nodes to visit, without recursion: a document nested thousands of quotes deep stays off the call stack.
  const pending: Node[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.position) node.position = { start: documentPoint(skeleton, node.position.start), end: documentPoint(skeleton, node.position.end) } satisfies Position;
    for (const [key, value] of Object.entries(node)) if (key !== 'children' && key !== 'position' && typeof value === 'string' && value.includes(MARK)) return false;
    const children = (node as Partial<Paragraph>).children as Node[] | undefined;
    if (!children) continue;
    const restoredChildren: Node[] = [];
    for (const child of children) {
      const run = runOf(child);
      if (run) {
        for (const block of run) restoredChildren.push(paragraphOf(skeleton, block));
        restored++;
      } else {
        restoredChildren.push(child);
        pending.push(child);
      }
    }
    (node as Paragraph).children = restoredChildren as Paragraph['children'];
  }
  return restored === skeleton.runs.length;
}

/** The tree of a document of prose blocks only: a root of their paragraphs, spanning the document. */
function proseOnlyTree(skeleton: ProseSkeleton): Root {
  const last = skeleton.lineLengths.length - 1;
  return {
    type: 'root',
    children: skeleton.runs.flatMap((run) => run.map((block) => paragraphOf(skeleton, block))),
    position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(skeleton, last, skeleton.lineLengths[last]!) },
  };
}

/** Parses `document` with `parse` (remark-parse), its prose blocks set aside and put back. */
export function parseSettingProseAside(document: string, parse: (markdown: string) => Root): Root {
  const skeleton = proseSkeleton(document);
  if (!skeleton) return parse(document);
  if (skeleton.onlyProse) return proseOnlyTree(skeleton);
  // Blocks shorter than their placeholders (a line or two, alternating indentation): nothing to win.
  if (skeleton.markdown.length >= document.length) return parse(document);
  const tree = parse(skeleton.markdown);
  return restoreProse(tree, skeleton) ? tree : parse(document);
}

/** The unified plugin: `markdownParser` (remark-parse) as the parser, prose set aside around it. */
export function withProseSetAside(markdownParser: Plugin<[], string, Root>): Plugin<[], string, Root> {
  return function (this: Processor) {
    (markdownParser as (this: Processor) => void).call(this);
    const parse = this.parser!;
    this.parser = (document, file) => parseSettingProseAside(document, (markdown) => parse(markdown, file) as Root);
  };
}
