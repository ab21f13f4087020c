/** The plain text of a body's mdast, blocks on lines of their own: what words are counted and tags found in. */
import type { Nodes, Parents } from 'mdast';
import { isDatelineNode } from './body-transforms.js';
import { htmlBlockText, isHtmlBlock } from './html-blocks.js';

/** Nodes whose children are blocks (or rows, cells): their texts are joined with a line break. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow']);

/**
 * The text of `node` as mdast-util-to-string reads it (text and code values, image alt texts), but
 * with a line break between blocks and at hard breaks: joined with nothing, "… held in Iraq" ending
 * one paragraph and "Iran said …" starting the next read as one word, "IraqIran" — a word short, and
 * neither tag found. Of raw HTML, only an HTML block's words count, as the page shows them sanitised;
 * an inline tag is markup. `parent` is the node's own parent, which tells an HTML block from a tag.
 */
export function blockText(node: Nodes, parent?: Parents): string {
  const parts: string[] = [];
  collect(node, parts, parent);
  return parts.join('');
}

/** Appends the texts of `node` to `parts`, in order. */
function collect(node: Nodes, parts: string[], parent?: Parents): void {
  if (node.type === 'html') {
    if (isHtmlBlock(parent)) parts.push(htmlBlockText(node));
    return;
  }
  if ('value' in node) {
    // A dateline marked in its paragraph is the Article's dateline, not the story's text.
    if (!isDatelineNode(node)) parts.push(node.value);
    return;
  }
  if (node.type === 'break') {
    parts.push('\n');
    return;
  }
  if ('alt' in node && node.alt) {
    parts.push(node.alt);
    return;
  }
  if (!('children' in node)) return;
  const block = BLOCK_PARENTS.has(node.type);
  node.children.forEach((child, i) => {
    if (block && i > 0) parts.push('\n');
    collect(child, parts, node);
  });
}
