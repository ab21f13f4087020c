/** What may stay of a body's HTML: the schema remark-html sanitises with (and html-blocks.ts, before it). */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Elements GitHub's schema allows that HTML has made obsolete (`strike`, `tt`) or that a body has no use for (a lone checkbox): their text stays. */
const LEFT_OUT_ELEMENTS = new Set(['strike', 'tt', 'input']);

/** The id of the heading over a body's footnotes, which each reference names as what describes it. */
const FOOTNOTE_LABEL = 'footnote-label';

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
    a: ['href', ['id', /^user-content-fnref-\S+$/], 'dataFootnoteRef', 'dataFootnoteBackref', ['ariaDescribedBy', FOOTNOTE_LABEL], ['ariaLabel', /^Back to reference \S+$/]],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    ol: ['start'],
    code: defaultSchema.attributes?.['code'] ?? [],
    figure: [['className', 'social-post']],
    time: ['dateTime'],
    // A dateline, as written at the start of its paragraph (body-transforms.ts).
    span: [['className', 'dateline']],
    // GitHub-flavoured footnotes (remark-gfm): the references, the list of notes and the way back.
    sup: [],
    section: ['dataFootnotes'],
    h2: [['id', FOOTNOTE_LABEL]],
    li: [['id', /^user-content-fn-\S+$/]],
    // A table column's alignment (table-alignment.ts): HTML's own `align` is obsolete.
    th: [['className', 'align-left', 'align-center', 'align-right']],
    td: [['className', 'align-left', 'align-center', 'align-right']],
  },
  required: {},
  // The only ids allowed are the footnotes' above, already prefixed by mdast-util-to-hast: clobbering
  // them again would break their links.
  clobber: [],
};
