/** A walk over a body's blocks, however deep they nest, for the transforms that look for one kind of block. */
import type { Nodes, Root } from 'mdast';

/** Node types whose children are blocks: where lists, tables and quotes nest. */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Calls `visit` on every block of `tree` and every block nested in one, without recursion (lists and quotes nest without bound). */
export function forEachBlock(tree: Root, visit: (node: Nodes) => void): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node !== tree) visit(node);
    if (BLOCK_CONTAINERS.has(node.type) && 'children' in node) for (const child of node.children) pending.push(child);
  }
}
