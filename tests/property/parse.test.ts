import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadParseContext, parseSeed } from '../../src/seeds/parse.js';
import { rawTextToMdast } from '../../src/seeds/raw-text.js';
import { unsafeContent } from '../hostile/html-safety.js';

const context = await loadParseContext({ Iraq: [], "Kata'ib Hezbollah": ['Kataib Hezbollah'] }, false);

/** Text that mixes markup-looking fragments with ordinary words. */
const hostileText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '# h', '* li', '> q', '&amp;', '</p>', '\n\n', ' — Name (@h) March 3, 2024', ' pic.twitter.com/abc')), { maxLength: 12 })
  .map((parts) => parts.join(' '));

describe('the raw-text parser', () => {
  it('never throws and only ever builds paragraphs of text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const tree = rawTextToMdast(text);
        return tree.children.every((p) => p.type === 'paragraph' && p.children.every((c) => c.type === 'text'));
      }),
    );
  });
});

describe('parseSeed', () => {
  it('never throws on arbitrary bytes: it returns a draft or errors with a file and line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('s.txt', 's.md'), (bytes, file) => {
        const result = parseSeed({ path: file, bytes }, context);
        return result.ok || result.errors.every((e) => e.file === file && e.line >= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets text become markup: no <script, no on*= handler, no javascript: link in the body HTML', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('txt', 'md'), (text, format) => {
        const source = format === 'txt' ? `date 2024-01-01\n${text} end` : `---\ndate: 2024-01-01\ntitle: T\n---\n${text} end`;
        const result = parseSeed({ path: `s.${format}`, bytes: new TextEncoder().encode(source) }, context);
        if (!result.ok) return true;
        // Parsed as HTML, not matched as text: "onerror=" shown as escaped text is fine.
        return unsafeContent(result.article.bodyHtml, () => false).length === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('in raw text every "<" of the source is escaped in the body HTML: the only elements are the ones broadsheet writes', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = parseSeed({ path: 's.txt', bytes: new TextEncoder().encode(`date 2024-01-01\n${text} end`) }, context);
        if (!result.ok) return true;
        const html = result.article.bodyHtml;
        const tags = html.match(/<\/?([a-z]+)/g) ?? [];
        // A dateline is marked where it stands: <span class="dateline">, the only span.
        const spans = html.match(/<span[^>]*>/g) ?? [];
        return tags.every((t) => /^<\/?(p|figure|figcaption|blockquote|a|time|span)$/.test(t)) && spans.every((s) => s === '<span class="dateline">');
      }),
      { numRuns: 300 },
    );
  });
});

describe('front matter in its three forms', () => {
  /** Lines a block of front matter may hold: each form's keys and values, near misses, fences and brackets. */
  const line = fc.oneof(
    fc.constantFrom('title: T', 'date: 2024-01-02', 'tags: [a, b', 'updated: 2023-12-31', 'title = "T"', 'date = 2024-01-02T23:30:00-05:00', 'lastmod = 2024-02-30', 'tags = ["a",', '[params]', '"title": "T",', '"date": "2024-01-02"', '{', '}', '---', '+++', '"', '\\', ''),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const seed = fc.tuple(fc.constantFrom('---\n', '+++\n', '{\n', '{"date": "2024-01-02", '), fc.array(line, { maxLength: 8 }), fc.constantFrom('---\n', '+++\n', '}\n', ''), fc.string({ maxLength: 30 }), fc.constantFrom('s.md', 's.txt'));

  it('never throws: a seed gives a draft or errors, each at a line of its file', () => {
    fc.assert(
      fc.property(seed, ([open, lines, close, body, file]) => {
        const text = `${open}${lines.join('\n')}\n${close}${body}`;
        const result = parseSeed({ path: file, bytes: new TextEncoder().encode(text) }, context);
        const lineCount = text.split('\n').length;
        return result.ok || result.errors.every((e) => e.file === file && e.line >= 1 && e.line <= lineCount);
      }),
      { numRuns: 2000 },
    );
  });
});
