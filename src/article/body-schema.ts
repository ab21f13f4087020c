/** What may stay of a body's HTML: the schema remark-html sanitises with (and html-blocks.ts, before it). */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's sanitising schema plus the elements an embedded social post needs; a style sheet in an HTML
 * block is removed with its content, as a script is (left to the schema, its rules would show as text).
 */
export const bodySchema: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    figure: [['className', 'social-post']],
    time: ['dateTime'],
  },
};
