/** GitHub tables' column alignment (`|--:|`, `|:-:|`) kept as a class on each cell, for the style sheet. */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/** Node types that may hold a table, however deep: the walk looks inside these only. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * The unified plugin: each cell of a column aligned right, centre or left gets the class
 * `align-right`, `align-center` or `align-left`. mdast-util-to-hast writes the alignment as an
 * `align` attribute, which HTML made obsolete and the sanitiser removes, so results tables lost their
 * right-aligned numbers; `public/style.css` aligns the classes. Only a document with `|` in it is
 * walked, without recursion.
 */
export function tableAlignment() {
  return (tree: Root, file: VFile): void => {
    if (!String(file.value).includes('|')) return;
    const pending: Nodes[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'table') {
        for (const row of node.children) {
          row.children.forEach((cell, column) => {
            const align = node.align?.[column];
            if (align) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${align}`] } };
          });
        }
        continue;
      }
      if (CONTAINERS.has(node.type) && 'children' in node) for (const child of node.children) pending.push(child);
    }
  };
}
