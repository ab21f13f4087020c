/** GitHub footnotes' labels (`[^source]`, `[^a"b]`) made their order of first use, so the ids written from them are plain. */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * The unified plugin: each footnote's identifier becomes its number in order of first reference
 * (`[^source]` → `1`, as the page numbers it), in its references and its definition alike. mdast-util-to-hast writes the
 * identifier into ids and links (`user-content-fn-1`), percent-encoding what a label may hold
 * (`%3Cscript%3E`, `x&y`): valid HTML, but not the plain ids validators and style sheets expect. The
 * page shows footnotes by number anyway. Walks without recursion, and only a document with `[^` in it.
 */
export function plainFootnoteIds() {
  return (tree: Root, file: VFile): void => {
    if (!String(file.value).includes('[^')) return;
    const references: Array<Extract<Nodes, { type: 'footnoteReference' }>> = [];
    const definitions: Array<Extract<Nodes, { type: 'footnoteDefinition' }>> = [];
    const pending: Nodes[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'footnoteReference') references.push(node);
      else if (node.type === 'footnoteDefinition') definitions.push(node);
      // Children pushed last to first, so nodes are met in document order.
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    }
    const numbers = new Map<string, string>();
    for (const node of [...references, ...definitions]) {
      let number = numbers.get(node.identifier);
      if (number === undefined) numbers.set(node.identifier, (number = String(numbers.size + 1)));
      node.identifier = number;
      node.label = number;
    }
  };
}
