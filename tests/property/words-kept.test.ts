import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDateline } from '../../src/article/dateline.js';
import { loadParseContext, parseSeed } from '../../src/seeds/parse.js';

const context = await loadParseContext({ Iraq: [], Baghdad: [] }, false);

/** The words of a text: runs of letters and digits. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** HTML text as a reader sees it: tags gone, the entities the body uses decoded. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Pieces of scraped news text: words, punctuation, datelines, posts, headline-like lines, line breaks. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/) },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', ' — ', '–', '"', '“', '”', '’', "'", '(', ')', ':', ';', '!', '?', '%', '$', '&', '*', '#', '-', '•', '…') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\n\n\n', ' ', '  ', '\t') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'BAGHDAD, Feb 8 (Reuters) - ',
      'BAGHDAD — ',
      'By Jane Doe\n\n',
      'Updated: 10:32 GMT, 8 February 2024\n',
      '— Jane Doe (@jdoe) March 3, 2024',
      ' pic.twitter.com/AbC123',
      'https://example.org/a?b=1',
      'Read more: ',
      'Advertisement',
      'Iraq',
      'U.S.',
      '2024',
      '3.5',
      'Kata’ib',
      'e-mail',
    ),
  },
);

describe('raw text', () => {
  it('loses no word: every word of any seed is on its record (dateline, body, related headlines), or the seed, nothing but a dateline, is refused as empty', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 120 }), (pieces) => {
        const text = pieces.join(' ');
        const result = parseSeed({ path: 's.txt', bytes: new TextEncoder().encode(`date 2024-01-01\n${text}`) }, context);
        // Refused only with nothing to publish: no word, or nothing but a dateline.
        if (!result.ok) return (wordsOf(text).length === 0 || splitDateline(text.trim())?.rest === '') && result.errors.every((e) => e.message === 'empty body');
        const a = result.article;
        const shown = [a.dateline ?? '', shownText(a.bodyHtml), ...a.relatedHeadlines].join(' ');
        const missing = wordsOf(text).filter((w) => !shown.includes(w));
        expect(missing).toEqual([]);
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

/** Pieces of Markdown prose: words, emphasis, code, headings, lists, quotes, breaks and HTML blocks (no link or definition syntax, whose addresses are not text). */
const markdownPiece = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/) },
  { weight: 3, arbitrary: fc.constantFrom('*', '**', '_', '`', '~~', '.', ',', '!', '&', '"', '’', '—', '|', '\\') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\n# ', '\n## ', '\n- ', '\n* ', '\n1. ', '\n> ', '\n    ', '\n```\n', '\n---\n', '\n===\n', '  \n') },
  { weight: 1, arbitrary: fc.constantFrom('\n\n<div>', '</div>\n\n', '\n\n<figure><figcaption>', '</figcaption></figure>\n\n', '<b>', '</b>', '\n\n<!-- note -->\n\n', '\n\n<table><tr><td>', '</td></tr></table>\n\n') },
);

describe('Markdown', () => {
  it('loses no word of its text: every word outside markup is on the page', () => {
    fc.assert(
      fc.property(fc.array(markdownPiece, { minLength: 1, maxLength: 80 }), (pieces) => {
        const body = pieces.join(' ');
        const result = parseSeed({ path: 's.md', bytes: new TextEncoder().encode(`---\ntitle: T\ndate: 2024-01-01\n---\nLead.\n\n${body}\n`) }, context);
        if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
        // Words of the text: the source without its tags, comments and list numbers (markup, not text).
        const words = wordsOf(body.replace(/<!--[\s\S]*?-->|<\/?[a-z]+>|\n1\. /g, ' '));
        const shown = shownText(result.article.bodyHtml);
        expect(words.filter((w) => !shown.includes(w))).toEqual([]);
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
