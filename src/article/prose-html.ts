/**
 * A body's HTML, with its top-level paragraphs of plain text written directly. Most of an article is
 * such paragraphs, and remark-html takes each through mdast → hast → sanitised hast → HTML (≈ 70 µs
 * of a 5 KB article's ≈ 90). What it makes of one is known exactly: `<p>`, the text with each line's
 * edge spaces and tabs trimmed around its line endings (mdast-util-to-hast's trim-lines) and `<`
 * and `&` escaped as `&#x3C;` and `&#x26;` (hast-util-to-html), `</p>`; the root joins its blocks with
 * line feeds and remark-html ends the document with one. Every other block still goes through
 * remark-html, in one tree with the whole document, so link references still find their definitions
 * (tests/article/prose-html.test.ts compares the two on generated documents).
 */
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { BodyProcessor } from './body-html.js';

/** True when a node is a paragraph of plain text only (what raw text always gives), with no data that would make it another element. */
export function isPlainParagraph(node: RootContent): node is Paragraph & { children: Text[] } {
  if (node.type !== 'paragraph' || node.data !== undefined) return false;
  for (const child of node.children) if (child.type !== 'text' || child.data !== undefined) return false;
  return true;
}

/** Marks where a run of plain paragraphs goes in remark-html's output: a private-use character, and a document holding one is left to remark-html whole. */
const MARK = '\uE001';
/** A run's placeholder paragraph as remark-html writes it. */
const PLACEHOLDER = /<p>\uE001(\d+)\uE001<\/p>/g;
/** Spaces and tabs around a line ending, which mdast-util-to-hast trims from text. */
const LINE_EDGES = /[ \t]*(\r?\n|\r)[ \t]*/g;
/** What hast-util-to-html escapes in text. */
const TEXT_SPECIALS = /[<&]/g;

/** A text node's value as hast-util-to-html writes it after mdast-util-to-hast: line edges trimmed, `<` and `&` escaped. */
function textHtml(value: string): string {
  const trimmed = value.includes('\n') || value.includes('\r') ? value.replace(LINE_EDGES, '$1') : value;
  return trimmed.includes('<') || trimmed.includes('&') ? trimmed.replace(TEXT_SPECIALS, (c) => (c === '<' ? '&#x3C;' : '&#x26;')) : trimmed;
}

/** A plain paragraph's HTML. */
function paragraphHtml(paragraph: Paragraph & { children: Text[] }): string {
  let html = '<p>';
  for (const text of paragraph.children) html += textHtml(text.value);
  return `${html}</p>`;
}

/**
 * The body's HTML, byte for byte what `processor.stringify(tree, file)` gives: each run of top-level
 * plain paragraphs is written here, the rest by remark-html with a placeholder paragraph per run.
 */
export function bodyHtmlOf(processor: BodyProcessor, tree: Root, file: VFile): string {
  if (String(file.value).includes(MARK)) return String(processor.stringify(tree, file));
  const runs: string[] = [];
  const rest: RootContent[] = [];
  const children = tree.children;
  for (let i = 0; i < children.length; ) {
    const node = children[i]!;
    if (!isPlainParagraph(node)) {
      rest.push(node);
      i++;
      continue;
    }
    let html = paragraphHtml(node);
    for (i++; i < children.length; i++) {
      const next = children[i]!;
      if (!isPlainParagraph(next)) break;
      html += `\n${paragraphHtml(next)}`;
    }
    rest.push({ type: 'paragraph', children: [{ type: 'text', value: `${MARK}${runs.length}${MARK}` }] });
    runs.push(html);
  }
  // Only plain paragraphs: one run (or none), and remark-html's end-of-file line feed.
  if (rest.length === runs.length) return runs.length === 0 ? '' : `${runs[0]}\n`;
  return String(processor.stringify({ type: 'root', children: rest }, file)).replace(PLACEHOLDER, (_, k: string) => runs[Number(k)]!);
}
