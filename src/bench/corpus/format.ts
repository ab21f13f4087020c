/** Serialises a corpus article as raw scraped text (`.txt`) or Markdown with YAML front matter (`.md`). */
import type { CorpusArticle } from './article.js';

/** Raw scraped form: ` date YYYY-MM-DD <body>`, paragraphs separated by a blank line; no title, no tags. */
export function toRawText(art: CorpusArticle): string {
  return ` date ${art.iso} ${art.paras.join('\n\n')}\n`;
}

function yamlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Escapes every character CommonMark could treat as syntax, so the paragraph renders literally. */
export function escapeMarkdown(p: string): string {
  const s = p.replace(/[\\`*_{}[\]<>#!|~&]/g, '\\$&');
  // Line-start list/quote/heading markers and ordered-list "12." / "12)".
  return s.replace(/^([+\-=>])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Markdown form: front matter (title, date, slug, tags) and the escaped paragraphs. */
export function toMarkdown(art: CorpusArticle): string {
  const frontMatter = ['---', `title: ${yamlString(art.title)}`, `date: ${art.iso}`, `slug: ${art.slug}`, 'tags:', ...art.tags.map((t) => `  - ${yamlString(t)}`), '---', ''].join('\n');
  return `${frontMatter}${art.paras.map(escapeMarkdown).join('\n\n')}\n`;
}
