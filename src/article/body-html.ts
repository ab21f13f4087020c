/** The two unified processors (raw text, Markdown) that turn a seed body into safe HTML. */
import type { Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import remarkHtml from 'remark-html';
import { unified, type Plugin } from 'unified';
import { withProseSetAside } from '../seeds/prose-blocks.js';
import { rawTextParse } from '../seeds/raw-text.js';
import { bodySchema } from './body-schema.js';
import { bodyTransforms } from './body-transforms.js';
import { plainFootnoteIds } from './footnotes.js';
import { htmlNodeHandler } from './html-blocks.js';
import { imageTitlesAsAlt } from './image-alt.js';
import { tableAlignment } from './table-alignment.js';
import { taskListBoxes } from './task-list.js';

/** Which processor a seed goes through. */
export type SeedFormat = 'txt' | 'md';

/**
 * The frozen processor around a parser: body transforms, then HTML. Sanitised by `sanitize`'s schema
 * unless false; then an HTML block is parsed and sanitised first, so its words stay (html-blocks.ts).
 */
function processorWith(parser: Plugin<[], string, Root>, sanitize: Schema | false, syntax: Plugin<[], Root>[] = []) {
  return unified()
    .use(parser)
    .use(syntax)
    .use(bodyTransforms)
    .use(remarkHtml, sanitize === false ? { sanitize } : { sanitize, handlers: { html: htmlNodeHandler } })
    .freeze();
}

/** A processor as built by processorWith. */
export type BodyProcessor = ReturnType<typeof processorWith>;

/** The raw-text processor: paragraphs built directly, nothing read as Markdown. */
export function rawTextProcessor(): BodyProcessor {
  return processorWith(rawTextParse, bodySchema);
}

/**
 * The Markdown processor: GitHub-flavoured Markdown (remark-gfm: tables, ~~strikethrough~~, bare
 * addresses as links, task lists, footnotes), as Hugo and Eleventy read it. `allowRawHtml` lets
 * Markdown's raw HTML through unsanitised. remark-parse (micromark, ≈ 190 KB of code with its GFM
 * extensions) is loaded on first use: a process that parses only raw text never loads it (an edit of
 * a raw-text seed, the parse workers of a raw-text archive). It tokenizes what is not plain prose; the
 * prose blocks are set aside and put back into its tree (prose-blocks.ts).
 */
export async function loadMarkdownProcessor(allowRawHtml: boolean): Promise<BodyProcessor> {
  const [{ default: remarkParse }, { default: remarkGfm }] = await Promise.all([import('remark-parse'), import('remark-gfm')]);
  return processorWith(withProseSetAside(remarkParse as Plugin<[], string, Root>), allowRawHtml ? false : bodySchema, [remarkGfm as Plugin<[], Root>, taskListBoxes, plainFootnoteIds, tableAlignment, imageTitlesAsAlt]);
}
