/** GitHub task list items (`- [x] counted`) with their box written as a character, ☑ or ☐, instead of a disabled form control. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { forEachBlock } from './block-walk.js';

/**
 * The unified plugin: each task list item's state becomes the first character of its text, so it
 * survives the sanitiser (which drops form controls, as a scraped page's would be) and reads in a
 * feed reader and in search results alike. Only a document with `[` (a box's) is walked.
 */
export function taskListBoxes() {
  return (tree: Root, file: VFile): void => {
    if (!String(file.value).includes('[')) return;
    forEachBlock(tree, (node) => {
      if (node.type !== 'listItem' || typeof node.checked !== 'boolean') return;
      const box = node.checked ? '☑' : '☐';
      const first = node.children[0];
      if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: `${box} ` });
      else node.children.unshift({ type: 'paragraph', children: [{ type: 'text', value: box }] });
      node.checked = null;
    });
  };
}
