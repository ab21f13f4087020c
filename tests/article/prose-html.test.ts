import fc from 'fast-check';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadMarkdownProcessor, rawTextProcessor, type BodyProcessor } from '../../src/article/body-html.js';
import { loadHtmlBlockParser } from '../../src/article/html-blocks.js';
import { bodyHtmlOf } from '../../src/article/prose-html.js';

// As prepareParseContext does for a seed that may hold an HTML block.
await loadHtmlBlockParser();
const sanitising = await loadMarkdownProcessor(false);
const rawHtml = await loadMarkdownProcessor(true);
const rawText = rawTextProcessor();

/** The body tree a processor makes of `body` (parse and transforms), as parse.ts makes it. */
function treeOf(processor: BodyProcessor, body: string): Root {
  return processor.runSync(processor.parse(new VFile({ path: 'a.md', value: body })), new VFile({ path: 'a.md', value: body })) as Root;
}

/** The body HTML both ways: written here, and remark-html's own of the same tree. */
function bothWays(processor: BodyProcessor, body: string): { ours: string; remarkHtml: string } {
  const tree = treeOf(processor, body);
  const ours = bodyHtmlOf(processor, tree, new VFile({ path: 'a.md', value: body }));
  return { ours, remarkHtml: String(processor.stringify(tree, new VFile({ path: 'a.md', value: body }))) };
}

describe('bodyHtmlOf', () => {
  it('writes plain paragraphs as remark-html does: < and & escaped in hexadecimal, spaces and tabs trimmed around line endings, a final line feed', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'AT&T <said> "no" > yes  \n\t  next line\t' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'two ' }, { type: 'text', value: 'texts' }] },
      ],
    };
    const html = bodyHtmlOf(rawText, tree, new VFile({ value: '' }));
    expect(html).toBe('<p>AT&#x26;T &#x3C;said> "no" > yes\nnext line\t</p>\n<p>two texts</p>\n');
    expect(html).toBe(String(rawText.stringify(tree, new VFile({ value: '' }))));
  });

  it('trims line edges in one pass: long runs of spaces and tabs, with and without line endings, come out as remark-html writes them', () => {
    const blanks = ' \t'.repeat(100_000);
    for (const value of [`${blanks}x\n${blanks}y`, `a${blanks}\r\n${blanks}`, `${blanks}\r${blanks}\n\n${blanks}b`]) {
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] };
      expect(bodyHtmlOf(rawText, tree, new VFile({ value: '' }))).toBe(String(rawText.stringify(tree, new VFile({ value: '' }))));
    }
  });

  it('gives an empty body no HTML at all, as remark-html does', () => {
    const tree: Root = { type: 'root', children: [] };
    expect(bodyHtmlOf(rawText, tree, new VFile({ value: '' }))).toBe('');
  });

  it('leaves every other block to remark-html, in place, with link references finding definitions in other blocks', () => {
    const body = 'Lead & <b>bold</b> claim.\n\n# A heading\n\nPlain again.\n\nSee [the report][r].\n\n> quoted\n\n[r]: https://example.org/report\n\nLast.';
    const { ours, remarkHtml } = bothWays(sanitising, body);
    expect(ours).toBe(remarkHtml);
    expect(ours).toContain('<a href="https://example.org/report">the report</a>');
  });

  it('writes embedded social posts (figures) through remark-html between plain paragraphs', () => {
    const body = 'Officials met on Friday.\n\nWe are here. pic.twitter.com/AbC123 — Jane Doe (@jane) March 3, 2021\n\nThey left.';
    const { ours, remarkHtml } = bothWays(rawText, body);
    expect(ours).toBe(remarkHtml);
    expect(ours).toContain('<figure class="social-post">');
  });

  it('writes a social post whose text and name need escaping, and a quote, exactly as remark-html does', () => {
    const body = 'Lead.\n\nWe <are> & "here" pic.twitter.com/AbC1 — Jane & Doe (@jane_1) March 3, 2021';
    const { ours, remarkHtml } = bothWays(rawText, body);
    expect(ours).toBe(
      '<p>Lead.</p>\n<figure class="social-post">\n<blockquote>\n<p>We &#x3C;are> &#x26; "here" <a href="https://pic.twitter.com/AbC1">pic.twitter.com/AbC1</a></p>\n</blockquote>\n<figcaption>— Jane &#x26; Doe (<a href="https://twitter.com/jane_1">@jane_1</a>) <time datetime="2021-03-03">March 3, 2021</time></figcaption>\n</figure>\n',
    );
    expect(ours).toBe(remarkHtml);
  });

  it.each([
    ['a quote renamed to another element', { type: 'blockquote', data: { hName: 'aside' }, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }] }],
    ['a figure with another class', { type: 'blockquote', data: { hName: 'figure', hProperties: { className: ['other'] } }, children: [] }],
    ['a figure with a second property', { type: 'blockquote', data: { hName: 'figure', hProperties: { className: ['social-post'], id: 'x' } }, children: [] }],
    ['a paragraph with properties', { type: 'paragraph', data: { hProperties: { id: 'p1' } }, children: [{ type: 'text', value: 'x' }] }],
    ['a paragraph with children of its own', { type: 'paragraph', data: { hChildren: [] }, children: [{ type: 'text', value: 'x' }] }],
    ['a time that is no date', { type: 'paragraph', children: [{ type: 'text', value: 'x', data: { hName: 'time', hProperties: { dateTime: '"><script>' } } }] }],
    ['a link with data', { type: 'paragraph', children: [{ type: 'link', url: 'https://example.org/', data: { hName: 'span' }, children: [{ type: 'text', value: 'x' }] }] }],
  ] as const)('leaves %s to remark-html (a paragraph it writes empty left out)', (_, node) => {
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Lead.' }] }, structuredClone(node)] } as unknown as Root;
    const remarkHtml = String(sanitising.stringify(structuredClone(tree), new VFile({ value: '' })));
    expect(bodyHtmlOf(sanitising, tree, new VFile({ value: '' }))).toBe(remarkHtml.replace(/^<p><\/p>\n/gm, ''));
  });

  it("leaves a document holding its placeholder character to remark-html whole", () => {
    const body = 'One \uE001 0 \uE001.\n\n# Two\n\n\uE0010\uE001';
    const { ours, remarkHtml } = bothWays(sanitising, body);
    expect(ours).toBe(remarkHtml);
  });

  /** A block of Markdown or raw text: prose with characters that need escaping, or some other construct. */
  const proseLine = fc.stringMatching(/^[ \t]?[A-Za-z][A-Za-z &<>"'.,\u00e9\u2019\uE001 \t]{0,40}$/);
  const block = fc.oneof(
    fc.array(proseLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
    fc.constantFrom(
      '# Heading & more',
      '> a quote\n> two lines',
      '- item one\n- item <two>',
      '```\ncode <x> & y\n```',
      '<div onclick="x()">raw html</div>',
      'Text with *emphasis* and `code`.',
      'A link [there][ref] and <https://example.org>.',
      '[ref]: https://example.org/ref',
      'one  \ntwo',
      'Tabs\tand  spaces  \n  after a break',
      'Line one\r\nline two',
      '***',
      'See [the report](https://example.org/a_b-c.html) & more.',
      'A [titled link](https://example.org/x "A title").',
      'A [query](http://example.org/q?x=1&y=%20) and [an accent](https://example.org/café).',
      'A [*bold* link](https://example.org/).',
      'A [script](javascript:alert(1)).',
      'Mail [me](mailto:a@example.org).',
      '> > Nested quote\n>\n> - with a list',
      '>',
    ),
    // An embedded social post, in either format: text that needs escaping, a name, a handle, a date.
    fc
      .tuple(
        fc.stringMatching(/^[A-Za-z][A-Za-z &<>"'.,]{0,30}$/),
        fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), { nil: undefined }),
        fc.stringMatching(/^[A-Z][A-Za-z&<' ]{0,20}[a-z]$/),
        fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/),
        fc.constantFrom('March 3, 2021', 'Sept 30, 2019', 'jan 1 2000'),
      )
      .map(([text, pic, name, handle, date]) => `${text}${pic === undefined ? '' : ` pic.twitter.com/${pic}`} — ${name} (@${handle}) ${date}`),
  );
  /** A dateline opening the document, as written: its separator, and the space or line break after it. */
  const dateline = fc.constantFrom('Washington, February 8: ', 'WASHINGTON (AP) — ', 'WASHINGTON—', 'LONDON, Feb 8 (Reuters) -\n', 'NEW DELHI: ', 'BEIRUT (AP) —', 'A&B CITY (AP) — ');

  it('gives byte for byte what remark-html gives, for any document of such blocks, in both formats and with or without raw HTML', () => {
    fc.assert(
      fc.property(fc.option(dateline, { nil: undefined }), fc.array(block, { maxLength: 8 }), fc.constantFrom('\n\n', '\n\n\n', '\r\n\r\n'), (opening, blocks, separator) => {
        const body = (opening ?? '') + blocks.join(separator);
        for (const processor of [sanitising, rawHtml, rawText]) {
          const { ours, remarkHtml } = bothWays(processor, body);
          expect(ours).toBe(remarkHtml);
        }
      }),
      { numRuns: 300 },
    );
  });
});
