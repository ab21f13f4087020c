/** What may stay of a body's HTML: the schema remark-html sanitises with (and html-blocks.ts, before it). */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Elements GitHub's schema allows that HTML has made obsolete (`strike`, `tt`) or that a body has no use for (a lone checkbox): their text stays. */
const LEFT_OUT_ELEMENTS = new Set(['strike', 'tt', 'input']);

/**
 * GitHub's sanitising schema with only the attributes a news body uses, plus the elements an embedded
 * social post needs. GitHub's list also keeps obsolete presentation (`align`, `border`), form, microdata
 * and `id` attributes: a validator refuses them, or they point nowhere on an archive's page (a scraped
 * block's ids repeat when the HTML parser copies a misnested link). A style sheet in an HTML block is
 * removed with its content, as a script is (left to the schema, its rules would show as text).
 */
export const bodySchema: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !LEFT_OUT_ELEMENTS.has(name)), 'figure', 'figcaption', 'time'],
  attributes: {
    '*': ['dir', 'lang', 'title'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    ol: ['start'],
    code: defaultSchema.attributes?.['code'] ?? [],
    figure: [['className', 'social-post']],
    time: ['dateTime'],
  },
  required: {},
};
