/** GitHub task list items (`- [x] counted`) with their box written as a character, ☑ or ☐, instead of a disabled form control. */
import type { Nodes, Root } from 'mdast';

/** Node types that may hold a list, however deep: the walk looks inside these only. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * The unified plugin: each task list item's state becomes the first character of its text, so it
 * survives the sanitiser (which drops form controls, as a scraped page's would be) and reads in a
 * feed reader and in search results alike. Walks without recursion: lists nest without bound.
 */
export function taskListBoxes() {
  return (tree: Root): void => {
    const pending: Nodes[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (!CONTAINERS.has(node.type) || !('children' in node)) continue;
      if (node.type === 'listItem' && typeof node.checked === 'boolean') {
        const box = node.checked ? '☑' : '☐';
        const first = node.children[0];
        if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: `${box} ` });
        else node.children.unshift({ type: 'paragraph', children: [{ type: 'text', value: box }] });
        node.checked = null;
      }
      for (const child of node.children) pending.push(child);
    }
  };
}
