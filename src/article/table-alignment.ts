/** GitHub tables' column alignment (`|--:|`, `|:-:|`) kept as a class on each cell, for the style sheet. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { forEachBlock } from './block-walk.js';

/**
 * The unified plugin: each cell of a column aligned right, centre or left gets the class
 * `align-right`, `align-center` or `align-left`. mdast-util-to-hast writes the alignment as an
 * `align` attribute, which HTML made obsolete and the sanitiser removes, so results tables lost their
 * right-aligned numbers; `public/style.css` aligns the classes. Only a document with `|` is walked.
 */
export function tableAlignment() {
  return (tree: Root, file: VFile): void => {
    if (!String(file.value).includes('|')) return;
    forEachBlock(tree, (node) => {
      if (node.type !== 'table') return;
      for (const row of node.children) {
        row.children.forEach((cell, column) => {
          const align = node.align?.[column];
          if (align) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${align}`] } };
        });
      }
    });
  };
}
