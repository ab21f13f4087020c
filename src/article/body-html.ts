/** The two unified processors (raw text, Markdown) that turn a seed body into safe HTML. */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rawTextParse } from '../seeds/raw-text.js';
import { bodyTransforms } from './body-transforms.js';

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

/** Which processor a seed goes through. */
export type SeedFormat = 'txt' | 'md';

/** Builds the frozen processor for a format; `allowRawHtml` lets Markdown's raw HTML through unsanitised. */
export function createBodyProcessor(format: SeedFormat, allowRawHtml: boolean) {
  const parser = format === 'txt' ? unified().use(rawTextParse) : unified().use(remarkParse);
  return parser
    .use(bodyTransforms)
    .use(remarkHtml, { sanitize: format === 'md' && allowRawHtml ? false : bodySchema })
    .freeze();
}

/** A processor as built by createBodyProcessor. */
export type BodyProcessor = ReturnType<typeof createBodyProcessor>;
