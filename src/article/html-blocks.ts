/**
 * Raw HTML blocks in Markdown (`<div>…</div>`, `<figure>…`): parsed as HTML and sanitised, then written
 * as paragraphs of their words with their inline markup (emphasis, links, images), so that no word is
 * lost and the page stays valid HTML. remark-html alone drops such a block whole, and every word in it. The HTML parser (parse5, ≈ 300 KB of code) is loaded
 * only for seeds that may hold such a block (mayHoldHtmlBlock).
 */
import type { Element, ElementContent, Nodes as HastNodes, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Html, Parents } from 'mdast';
import { bodySchema } from './body-schema.js';

/** hast-util-from-html's parser, once loaded. */
let fromHtml: typeof import('hast-util-from-html').fromHtml | undefined;

/** Loads the HTML parser (once per thread). */
export async function loadHtmlBlockParser(): Promise<void> {
  fromHtml ??= (await import('hast-util-from-html')).fromHtml;
}

/** Containers whose children are blocks: an `html` node in one is an HTML block; in any other (a paragraph, a heading), a single inline tag. */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** True when an `html` node under `parent` is an HTML block (its text is words), not an inline tag (`<b>`, `</b>`: markup only). */
export function isHtmlBlock(parent: Parents | undefined): boolean {
  return parent !== undefined && BLOCK_CONTAINERS.has(parent.type);
}

/** Most elements an HTML block may nest inside each other (the tree walks after the parser recurse once per level). */
export const MAX_HTML_NESTING = 256;

/** An HTML block nested deeper than MAX_HTML_NESTING; `line` is where it starts in the body (1-based). */
export class HtmlBlockTooDeep extends Error {
  constructor(readonly line: number) {
    super(`HTML block nested more than ${MAX_HTML_NESTING} elements deep`);
  }
}

/** How many elements deep `node` nests, counted without recursion. */
function nestingOf(node: HastNodes): number {
  let deepest = 0;
  const stack: [HastNodes, number][] = [[node, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, depth] = next;
    deepest = Math.max(deepest, depth);
    if ('children' in current) for (const child of current.children) stack.push([child, child.type === 'element' ? depth + 1 : depth]);
  }
  return deepest;
}

/**
 * An HTML block as hast paragraphs (asParagraphs), sanitised with the body's schema first (remark-html
 * sanitises them again with the rest, to the same result). Throws HtmlBlockTooDeep for a block nested too deeply
 * (`line`: where it starts), and an Error if the parser was not loaded for this seed.
 */
export function htmlBlockHast(html: string, line: number): ElementContent[] {
  if (fromHtml === undefined) throw new Error('the HTML parser was not loaded before a Markdown seed with an HTML block (see mayHoldHtmlBlock)');
  let tree: HastNodes;
  try {
    tree = sanitize(fromHtml(html, { fragment: true }), bodySchema);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new HtmlBlockTooDeep(line);
    throw error;
  }
  if (nestingOf(tree) > MAX_HTML_NESTING) throw new HtmlBlockTooDeep(line);
  if (tree.type !== 'root') return [];
  return asParagraphs(tree.children);
}

/** Elements kept inside a paragraph as they are (with the attributes the schema left them): emphasis, code, links, small print. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'var']);

/** True when inline content shows something: a word, or an image (`named`: an image with alternative text). */
function shows(nodes: readonly ElementContent[], named = false): boolean {
  return nodes.some((n) =>
    n.type === 'text' ? n.value.trim() !== '' : n.type === 'element' && (n.tagName === 'img' ? !named || String(n.properties['alt'] ?? '') !== '' : n.tagName !== 'br' && shows(n.children, named)),
  );
}

/** A paragraph of inline content, the blanks at its edges trimmed (none when it holds no words and no image). */
function paragraphOf(children: ElementContent[]): ElementContent[] {
  if (!shows(children)) return [];
  const last = children.length - 1;
  const edges = children.map((c, i): ElementContent => {
    if (c.type !== 'text') return c;
    const start = i === 0 ? c.value.trimStart() : c.value;
    return { ...c, value: i === last ? start.trimEnd() : start };
  });
  return [{ type: 'element', tagName: 'p', properties: {}, children: edges }];
}

/**
 * An HTML block's sanitised nodes as paragraphs of text with their inline markup: each block element
 * (a `div`, a list item, a table cell, a heading…) ends a paragraph, inline elements stay around their
 * words, an image with an address stays, a link in a link is unwrapped. Every word is kept, and the
 * page stays valid HTML whatever elements the scraped block nested in each other.
 */
function asParagraphs(nodes: readonly RootContent[]): ElementContent[] {
  const blocks: ElementContent[] = [];
  let line: ElementContent[] = [];
  const flush = () => {
    blocks.push(...paragraphOf(line));
    line = [];
  };
  const walk = (node: RootContent): void => {
    if (node.type === 'text') line.push(node);
    else if (node.type === 'element') {
      const inline = inlineOf(node, false);
      if (inline !== undefined) line.push(...inline);
      else {
        flush();
        node.children.forEach(walk);
        flush();
      }
    }
  };
  nodes.forEach(walk);
  flush();
  return blocks;
}

/** An element as inline content (`inLink`: inside a link already), or undefined when it or something in it is a block. */
function inlineOf(node: Element, inLink: boolean): ElementContent[] | undefined {
  if (node.tagName === 'br') return [node];
  if (node.tagName === 'img') {
    if (typeof node.properties['src'] !== 'string') return [];
    // An image needs alternative text; one without, but with a title, is described by its title (an
    // empty alt marks an image as decoration, which a title then contradicts: WCAG H67).
    const alt = String(node.properties['alt'] ?? '');
    const title = node.properties['title'];
    return [{ ...node, properties: { ...node.properties, alt: alt === '' && typeof title === 'string' ? title : alt } }];
  }
  if (!INLINE.has(node.tagName)) return undefined;
  const link = node.tagName === 'a';
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'text') children.push(child);
    else if (child.type === 'element') {
      const inline = inlineOf(child, inLink || link);
      if (inline === undefined) return undefined;
      children.push(...inline);
    }
  }
  // A link inside a link is not allowed, an element that shows nothing says nothing, and a link must
  // name where it goes (an image with no alternative text does not): each leaves its content, unwrapped.
  if ((link && inLink) || !shows(children) || (link && !shows(children, true))) return children;
  return [{ ...node, children }];
}

/** Each HTML block's paragraphs, made once: the page's HTML and the word count both read them (remark-html does not change an array a handler returns). */
const paragraphsByNode = new WeakMap<Html, ElementContent[]>();

/** An HTML block node's paragraphs (htmlBlockHast at the line it starts on), parsed once per node. */
function htmlBlockOf(node: Html): ElementContent[] {
  let nodes = paragraphsByNode.get(node);
  if (nodes === undefined) paragraphsByNode.set(node, (nodes = htmlBlockHast(node.value, node.position?.start.line ?? 1)));
  return nodes;
}

/** The words of an HTML block node as its page shows them (a line break after each paragraph). */
export function htmlBlockText(node: Html): string {
  return hastText({ type: 'root', children: htmlBlockOf(node) });
}

/**
 * remark-html's handler for `html` nodes when it sanitises: an HTML block becomes its paragraphs, or
 * nothing when none are left (a script alone); an inline tag is nothing either way.
 */
export function htmlNodeHandler(_state: unknown, node: Html, parent: Parents | undefined): ElementContent[] | undefined {
  if (!isHtmlBlock(parent)) return undefined;
  const nodes = htmlBlockOf(node);
  return nodes.some((n) => n.type !== 'text' || n.value.trim() !== '') ? nodes : undefined;
}

/** The characters that may stand before an HTML block's `<` on its line: indentation, quote and list markers. */
const BEFORE_BLOCK = new Set([' ', '\t', '>', '-', '+', '*', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((c) => c.charCodeAt(0)));

/** True for the byte after an HTML block's `<`: a letter, `!` (comment, declaration), `?` or `/`. */
function opensTag(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x21 || byte === 0x3f || byte === 0x2f;
}

/**
 * True when Markdown `bytes` may hold an HTML block: a `<` and the start of a tag opening a line, after
 * nothing but indentation and quote or list markers. Every HTML block starts so (CommonMark); most
 * seeds have no `<` there, and their parse never loads the HTML parser.
 */
export function mayHoldHtmlBlock(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(0x3c); at !== -1; at = bytes.indexOf(0x3c, at + 1)) {
    if (at + 1 >= bytes.length || !opensTag(bytes[at + 1]!)) continue;
    let before = at - 1;
    while (before >= 0 && BEFORE_BLOCK.has(bytes[before]!)) before--;
    if (before < 0 || bytes[before] === 0x0a || bytes[before] === 0x0d) return true;
  }
  return false;
}

/** The words of sanitised hast, a line break after each element (so the text of two paragraphs does not run together). */
function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += hastText(child);
  return node.type === 'element' ? `${text}\n` : text;
}
