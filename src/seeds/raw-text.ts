/** unified parser plugin: raw scraped text → mdast paragraphs; nothing in it is read as Markdown. */
import type { Paragraph, Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';

/** Builds an mdast root of paragraphs (split on blank lines) whose only children are text nodes. */
export function rawTextToMdast(text: string, firstLine = 1): Root {
  const children: Paragraph[] = [];
  const lines = text.split('\n');
  let start = -1;
  const flush = (end: number): void => {
    if (start === -1) return;
    const value = lines.slice(start, end).map((l) => l.trim()).join('\n');
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value }],
      position: { start: { line: firstLine + start, column: 1 }, end: { line: firstLine + end - 1, column: (lines[end - 1] ?? '').length + 1 } },
    });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') flush(i);
    else if (start === -1) start = i;
  });
  flush(lines.length);
  return { type: 'root', children };
}

/** The unified plugin; the first body line is taken from `file.data.firstLine` when set. */
export const rawTextParse: Plugin<[], string, Root> = function (this: Processor) {
  this.parser = (document: string, file: VFile): Root => rawTextToMdast(document, (file.data as { firstLine?: number }).firstLine ?? 1);
};
