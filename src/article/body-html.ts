/**
 * The two body pipelines (raw text, Markdown) that turn a seed body into a tree, its findings and safe
 * HTML. Raw text never needs remark-html: its trees are the shapes plainBodyHtml writes directly.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { rawTextParse } from '../seeds/raw-text.js';
import { bodyTransforms } from './body-transforms.js';
import { plainBodyHtml } from './plain-body-html.js';

/** Which pipeline a seed goes through. */
export type SeedFormat = 'txt' | 'md';

/** A body's way from text to HTML: the tree after the body transforms (findings left on `file.data.body`), then its HTML. */
export interface BodyPipeline {
  /** The body's tree, the body transforms applied. */
  tree(file: VFile): Root;
  /** The tree's safe HTML. */
  html(tree: Root, file: VFile): string;
}

/** The raw-text pipeline: paragraphs built directly, nothing read as Markdown, HTML written by plainBodyHtml. */
export function rawTextPipeline(): BodyPipeline {
  const processor = unified().use(rawTextParse).use(bodyTransforms).freeze();
  return {
    tree: (file) => processor.runSync(processor.parse(file), file) as Root,
    html(tree, file) {
      const html = plainBodyHtml(tree);
      if (html === undefined) throw new Error(`${file.path}: a raw-text body tree holds a node plainBodyHtml does not write (a bug in the body transforms)`);
      return html;
    },
  };
}

/**
 * The Markdown pipeline; `allowRawHtml` lets Markdown's raw HTML through unsanitised. remark-parse and
 * remark-html (≈ 300 KB of code with micromark and the hast utilities) are loaded on first use: a
 * process that parses only raw text never loads them.
 */
export async function loadMarkdownPipeline(allowRawHtml: boolean): Promise<BodyPipeline> {
  const { markdownPipeline } = await import('./markdown-body.js');
  return markdownPipeline(allowRawHtml);
}
