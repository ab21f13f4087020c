/**
 * HTML of the body trees raw text gives — paragraphs of text, and the social-post figures the body
 * transforms make — and of plain Markdown (emphasis, strong, inline code, breaks, headings, rules,
 * http(s) links), written directly, byte for byte what remark-html writes for them (mdast → hast,
 * sanitise, hast → HTML: three passes and a tree per seed). Any other tree is left to remark-html.
 */
import type { Blockquote, Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';

/** Thrown inside a walk when a node is not one this writer knows; the caller falls back. */
const NOT_PLAIN = Symbol('not a plain body');

/** hast-util-to-html's references for text (`<`, `&`) and double-quoted attributes (NUL, `"`, `&`, `'`, backtick). */
const REFERENCES: Readonly<Record<string, string>> = { '<': '&#x3C;', '&': '&#x26;', '\0': '&#x0;', '"': '&#x22;', "'": '&#x27;', '`': '&#x60;' };

/** Text content as hast-util-to-html escapes it. */
function escapeText(text: string): string {
  return text.replace(/[<&]/g, (c) => REFERENCES[c]!);
}

/** A double-quoted attribute value as hast-util-to-html escapes it. */
function escapeAttribute(value: string): string {
  return value.replace(/[\0"&'`]/g, (c) => REFERENCES[c]!);
}

/** True when a node carries no `data`, or only the keys listed. */
function dataHasOnly(node: RootContent, keys: readonly string[]): boolean {
  return node.data === undefined || Object.keys(node.data).every((key) => keys.includes(key));
}

/** Spaces and tabs off the start: what mdast-util-to-hast does to the text right after a hard break. */
function trimSpaceStart(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  return text.slice(start);
}

/**
 * A text node: lines trimmed as mdast-util-to-hast trims them; `<time datetime>` when the body
 * transforms made it one. `afterBreak`: the text follows a hard break, so its start is trimmed too.
 */
function textHtml(node: Text, afterBreak: boolean): string {
  const lines = trimLines(node.value);
  const text = escapeText(afterBreak ? trimSpaceStart(lines) : lines);
  if (node.data === undefined) return text;
  const { hName, hProperties } = node.data as { hName?: unknown; hProperties?: { dateTime?: unknown } };
  const dateTime = hProperties?.dateTime;
  if (!dataHasOnly(node, ['hName', 'hProperties']) || hName !== 'time' || typeof dateTime !== 'string' || Object.keys(hProperties!).length !== 1) throw NOT_PLAIN;
  return `<time datetime="${escapeAttribute(dateTime)}">${text}</time>`;
}

/** A link to an http(s) address (lower-case scheme, as the sanitiser matches it) without a title. */
function linkHtml(node: Link, afterBreak: boolean): string {
  if (node.title != null || !/^https?:\/\//.test(node.url)) throw NOT_PLAIN;
  return `<a href="${escapeAttribute(normalizeUri(node.url))}">${phrasingHtml(node.children, afterBreak)}</a>`;
}

/** Tags of the phrasing elements written as they are. */
const INLINE_TAGS: Readonly<Record<string, string>> = { emphasis: 'em', strong: 'strong' };

/** One phrasing node; `afterBreak`: it follows a hard break, and mdast-util-to-hast trims the start of the text it (or its first child) gives. */
function inlineHtml(node: PhrasingContent, afterBreak: boolean): string {
  if (node.type === 'text') return textHtml(node, afterBreak);
  if (node.data !== undefined) throw NOT_PLAIN;
  switch (node.type) {
    case 'link':
      return linkHtml(node, afterBreak);
    case 'emphasis':
    case 'strong':
      return `<${INLINE_TAGS[node.type]}>${phrasingHtml(node.children, afterBreak)}</${INLINE_TAGS[node.type]}>`;
    case 'inlineCode': {
      const code = node.value.replace(/\r?\n|\r/g, ' ');
      return `<code>${escapeText(afterBreak ? trimSpaceStart(code) : code)}</code>`;
    }
    case 'break':
      return '<br>\n';
    default:
      throw NOT_PLAIN;
  }
}

/**
 * Phrasing content. `trimHead`: the element these are the children of follows a hard break, so a
 * plain text first child is trimmed at the start (mdast-util-to-hast reaches one level down).
 */
function phrasingHtml(children: readonly PhrasingContent[], trimHead = false): string {
  let html = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const afterBreak = i > 0 && children[i - 1]!.type === 'break';
    const headTrimmed = i === 0 && trimHead && child.type === 'text' && child.data === undefined;
    html += inlineHtml(child, afterBreak || headTrimmed);
  }
  return html;
}

/** A paragraph, or the figure's caption (a paragraph named `figcaption`). */
function paragraphHtml(node: Paragraph): string {
  const hName = (node.data as { hName?: unknown } | undefined)?.hName;
  if (!dataHasOnly(node, ['hName']) || (hName !== undefined && hName !== 'figcaption')) throw NOT_PLAIN;
  const tag = hName ?? 'p';
  return `<${tag}>${phrasingHtml(node.children)}</${tag}>`;
}

/** A block quote, or a social post's figure (a block quote named `figure` with class `social-post`). */
function blockquoteHtml(node: Blockquote): string {
  let open = '<blockquote>';
  let close = '</blockquote>';
  if (node.data !== undefined) {
    const { hName, hProperties } = node.data as { hName?: unknown; hProperties?: { className?: unknown } };
    const className = hProperties?.className;
    const isFigure = hName === 'figure' && Array.isArray(className) && className.length === 1 && className[0] === 'social-post' && Object.keys(hProperties!).length === 1;
    if (!dataHasOnly(node, ['hName', 'hProperties']) || !isFigure) throw NOT_PLAIN;
    open = '<figure class="social-post">';
    close = '</figure>';
  }
  return `${open}\n${node.children.map(blockHtml).join('\n')}\n${close}`;
}

/** A heading of depth 1 to 6. */
function headingHtml(node: Heading): string {
  if (node.data !== undefined || !Number.isInteger(node.depth) || node.depth < 1 || node.depth > 6) throw NOT_PLAIN;
  return `<h${node.depth}>${phrasingHtml(node.children)}</h${node.depth}>`;
}

/** One block of the body. */
function blockHtml(node: RootContent): string {
  if (node.type === 'paragraph') return paragraphHtml(node);
  if (node.type === 'blockquote' && node.children.length > 0) return blockquoteHtml(node);
  if (node.type === 'heading') return headingHtml(node);
  if (node.type === 'thematicBreak' && node.data === undefined) return '<hr>';
  throw NOT_PLAIN;
}

/** The body's HTML, as remark-html (sanitising with the body schema) would write it; undefined for a tree with anything else in it. */
export function plainBodyHtml(tree: Root): string | undefined {
  if (tree.data !== undefined) return undefined;
  try {
    const html = tree.children.map(blockHtml).join('\n');
    return html === '' || /[\r\n]$/.test(html) ? html : `${html}\n`;
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}
