/** The Markdown body pipeline (remark-parse, the body transforms, remark-html); loaded on demand by loadMarkdownPipeline. */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BodyPipeline } from './body-html.js';
import { bodyTransforms } from './body-transforms.js';
import { plainBodyHtml } from './plain-body-html.js';

/** GitHub's sanitising schema plus the elements an embedded social post needs. */
export const bodySchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    figure: [['className', 'social-post']],
    time: ['dateTime'],
  },
};

/** The Markdown pipeline, sanitised with bodySchema unless `allowRawHtml`; plain trees are written directly (the same bytes). */
export function markdownPipeline(allowRawHtml: boolean): BodyPipeline {
  const processor = unified()
    .use(remarkParse)
    .use(bodyTransforms)
    .use(remarkHtml, { sanitize: allowRawHtml ? false : bodySchema })
    .freeze();
  return {
    tree: (file) => processor.runSync(processor.parse(file), file) as Root,
    html: (tree, file) => plainBodyHtml(tree) ?? String(processor.stringify(tree, file)),
  };
}
