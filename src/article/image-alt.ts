/** Markdown images without alternative text but with a title (`![](map.png "Route of the march")`) described by their title. */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * The unified plugin: an image whose alt text is empty and whose title is not takes the title as its
 * alt text. An empty alt marks an image as decoration, which a title contradicts (WCAG H67, as
 * html-validate checks it), and a screen reader would skip an image its author described. HTML
 * blocks' images get the same rule in html-blocks.ts. Only a document with `![` is walked, without
 * recursion.
 */
export function imageTitlesAsAlt() {
  return (tree: Root, file: VFile): void => {
    if (!String(file.value).includes('![')) return;
    const pending: Nodes[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'image' && !node.alt && node.title) node.alt = node.title;
      if ('children' in node) for (const child of node.children) pending.push(child);
    }
  };
}
