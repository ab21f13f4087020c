/**
 * A body's HTML, with its top-level paragraphs of plain text and its embedded social posts written
 * directly. Most of an article is such paragraphs, and remark-html takes each through mdast → hast →
 * sanitised hast → HTML (≈ 70 µs of a 5 KB article's ≈ 90; ≈ 200 µs more for a document with a
 * post). What it makes of them is known exactly: `<p>`, the text with each line's edge spaces and tabs
 * trimmed around its line endings (mdast-util-to-hast's trim-lines) and `<` and `&` escaped as `&#x3C;`
 * and `&#x26;` (hast-util-to-html), `</p>`; a quote's children between line feeds; the root joins its
 * blocks with line feeds and remark-html ends the document with one. Only nodes whose every part is
 * in this list are written here (a post's figure, caption, time and links to plain https addresses,
 * which the sanitiser keeps as they are); any other block goes through remark-html, in one tree with
 * the whole document, so link references still find their definitions (tests/article/prose-html.test.ts
 * compares the two on generated documents).
 */
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { BodyProcessor } from './body-html.js';

/** Marks where a run of blocks written here goes in remark-html's output: a private-use character, and a document holding one is left to remark-html whole. */
const MARK = '\uE001';
/** A run's placeholder paragraph as remark-html writes it. */
const PLACEHOLDER = /<p>\uE001(\d+)\uE001<\/p>/g;
/** A line ending, around which mdast-util-to-hast trims spaces and tabs from text. */
const LINE_ENDING = /\r?\n|\r/g;
/** What hast-util-to-html escapes in text. */
const TEXT_SPECIALS = /[<&]/g;

/** `value[start, end)` without the spaces and tabs at its start (when `trimStart`) and at its end (when `trimEnd`). */
function trimmedLine(value: string, start: number, end: number, trimStart: boolean, trimEnd: boolean): string {
  if (trimStart) while (start < end && (value.charCodeAt(start) === 32 || value.charCodeAt(start) === 9)) start++;
  if (trimEnd) while (end > start && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
  return value.slice(start, end);
}

/**
 * Text with the spaces and tabs around each line ending removed, as mdast-util-to-hast's trim-lines
 * does, in one pass: a regular expression of optional blanks around a line ending went back over a
 * long run of spaces from each of its positions (40,000 spaces took 1.4 s).
 */
function trimLineEdges(value: string): string {
  let result = '';
  let last = 0;
  LINE_ENDING.lastIndex = 0;
  for (let ending = LINE_ENDING.exec(value); ending !== null; ending = LINE_ENDING.exec(value)) {
    result += trimmedLine(value, last, ending.index, last > 0, true) + ending[0];
    last = ending.index + ending[0].length;
  }
  return result + trimmedLine(value, last, value.length, last > 0, false);
}

/** A text node's value as hast-util-to-html writes it after mdast-util-to-hast: line edges trimmed, `<` and `&` escaped. */
function textHtml(value: string): string {
  const trimmed = value.includes('\n') || value.includes('\r') ? trimLineEdges(value) : value;
  return trimmed.includes('<') || trimmed.includes('&') ? trimmed.replace(TEXT_SPECIALS, (c) => (c === '<' ? '&#x3C;' : '&#x26;')) : trimmed;
}

/** A link address written as it is: https (or http) and characters no step of remark-html encodes or escapes. */
const PLAIN_ADDRESS = /^https?:\/\/[A-Za-z0-9._~\/-]+$/;

/** A calendar date, as a post's `<time datetime>` holds it. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when a node carries no data, or exactly the data `expected` names (element name, and one property with its value). */
function dataIs(data: object | undefined, hName?: string, property?: [string, unknown]): boolean {
  if (data === undefined) return hName === undefined;
  const { hName: name, hProperties: properties, ...rest } = data as { hName?: unknown; hProperties?: Record<string, unknown> };
  if (name !== hName || Object.keys(rest).length > 0) return false;
  if (property === undefined) return properties === undefined;
  const keys = properties === undefined ? [] : Object.keys(properties);
  return keys.length === 1 && keys[0] === property[0] && JSON.stringify(properties![property[0]]) === JSON.stringify(property[1]);
}

/** The HTML of a run of inline nodes, or undefined when one of them is not written here. */
function phrasingHtml(children: readonly PhrasingContent[]): string | undefined {
  let html = '';
  for (const child of children) {
    const part = inlineHtml(child);
    if (part === undefined) return undefined;
    html += part;
  }
  return html;
}

/** An inline node's HTML: text, a dateline's span, a post's date, a link to a plain address; else undefined. */
function inlineHtml(node: PhrasingContent): string | undefined {
  if (node.type === 'text') {
    if (node.data === undefined) return textHtml(node.value);
    if (dataIs(node.data, 'span', ['className', ['dateline']])) return `<span class="dateline">${textHtml(node.value)}</span>`;
    const dateTime = (node.data as { hProperties?: { dateTime?: unknown } }).hProperties?.dateTime;
    if (typeof dateTime !== 'string' || !DATE.test(dateTime) || !dataIs(node.data, 'time', ['dateTime', dateTime])) return undefined;
    return `<time datetime="${dateTime}">${textHtml(node.value)}</time>`;
  }
  if (node.type === 'link') {
    if (node.data !== undefined || (node.title !== null && node.title !== undefined) || !PLAIN_ADDRESS.test(node.url)) return undefined;
    const text = phrasingHtml(node.children);
    return text === undefined ? undefined : `<a href="${node.url}">${text}</a>`;
  }
  return undefined;
}

/** A block's HTML as remark-html writes it, when every part of it is written here: a paragraph or a post's caption, a quote or a post's figure. */
function blockHtml(node: RootContent | BlockContent): string | undefined {
  if (node.type === 'paragraph') {
    const tag = dataIs(node.data) ? 'p' : dataIs(node.data, 'figcaption') ? 'figcaption' : undefined;
    const text = tag === undefined ? undefined : phrasingHtml(node.children);
    return text === undefined ? undefined : `<${tag}>${text}</${tag}>`;
  }
  if (node.type === 'blockquote') {
    const open = dataIs(node.data) ? '<blockquote>' : dataIs(node.data, 'figure', ['className', ['social-post']]) ? '<figure class="social-post">' : undefined;
    if (open === undefined) return undefined;
    let html = `${open}\n`;
    for (const child of node.children) {
      const part = blockHtml(child);
      if (part === undefined) return undefined;
      html += `${part}\n`;
    }
    return `${html}</${open === '<blockquote>' ? 'blockquote' : 'figure'}>`;
  }
  return undefined;
}

/**
 * The body's HTML, byte for byte what `processor.stringify(tree, file)` gives: each run of top-level
 * blocks written here (blockHtml) is, the rest by remark-html with a placeholder paragraph per run.
 */
export function bodyHtmlOf(processor: BodyProcessor, tree: Root, file: VFile): string {
  if (String(file.value).includes(MARK)) return withoutEmptyParagraphs(String(processor.stringify(tree, file)));
  const runs: string[] = [];
  const rest: RootContent[] = [];
  const children = tree.children;
  for (let i = 0; i < children.length; ) {
    const node = children[i]!;
    const first = blockHtml(node);
    if (first === undefined) {
      rest.push(node);
      i++;
      continue;
    }
    let html = first;
    for (i++; i < children.length; i++) {
      const next = blockHtml(children[i]!);
      if (next === undefined) break;
      html += `\n${next}`;
    }
    rest.push({ type: 'paragraph', children: [{ type: 'text', value: `${MARK}${runs.length}${MARK}` }] });
    runs.push(html);
  }
  // Only blocks written here: one run (or none), and remark-html's end-of-file line feed.
  if (rest.length === runs.length) return runs.length === 0 ? '' : `${runs[0]}\n`;
  return withoutEmptyParagraphs(String(processor.stringify({ type: 'root', children: rest }, file))).replace(PLACEHOLDER, (_, k: string) => runs[Number(k)]!);
}

/**
 * remark-html's output without the paragraphs the sanitiser emptied: a Markdown paragraph of inline
 * tags only (`<a></a>`, `<span></span>`) kept no word and no image, and was written `<p></p>`.
 */
function withoutEmptyParagraphs(html: string): string {
  return html.includes('<p></p>') ? html.replace(/^<p><\/p>\n/gm, '') : html;
}
