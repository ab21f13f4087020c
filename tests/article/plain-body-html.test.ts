import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import type { BlockContent, PhrasingContent, Root } from 'mdast';
import remarkHtml from 'remark-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rawTextPipeline } from '../../src/article/body-html.js';
import { bodySchema, markdownPipeline } from '../../src/article/markdown-body.js';
import { plainBodyHtml } from '../../src/article/plain-body-html.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const rawText = rawTextPipeline();
const sanitised = unified().use(remarkHtml, { sanitize: bodySchema });
const unsanitised = unified().use(remarkHtml, { sanitize: false });

/** A raw-text body's tree after the body transforms (dateline, social posts, related headlines). */
function rawTree(text: string): Root {
  return rawText.tree(new VFile({ value: text }));
}

/** What remark-html writes for a tree, sanitised with the body schema or not at all. */
function remarkHtmlOf(tree: Root, sanitise: boolean): string {
  const processor = sanitise ? sanitised : unsanitised;
  return String(processor.stringify(structuredClone(tree)));
}

/** Text with everything an escaper can get wrong: markup, references, quotes, NUL, CR, tabs and spaces at line ends, astral letters, lone surrogates. */
const hostileText = fc.stringMatching(/^[a-z <>&"'`\0\r\n\t.—@()\u{1F600}\uD800é]{0,30}$/u);

/** Words and the pieces a raw seed's paragraphs are made of, including social-post attributions and glued headlines. */
const rawPiece = fc.constantFrom(
  'The strike', 'killed', 'three people.', 'BAGHDAD, Feb 8 (Reuters) -', '<script>alert(1)</script>', 'R&D', '"quoted"', "it's",
  'pic.twitter.com/geUn8GnVFv', '— Liz Sly (@LizSly) February 7, 2024', '\u2014 A (@b_c) Sept 1, 2020', 'US Drone Strike Kills Militia Leader In Baghdad',
  '\n', '\n\n', '  ', '\t', '\u{1F600}', '\uD800', '`', 'https://example.com/a?b=1&c=2',
);

/** Pieces of Markdown: every construct the direct writer knows, and many it must leave to remark-html. */
const markdownPiece = fc.oneof(
  fc.constantFrom(
    'word', ' ', '\n', '\n\n', '  \n', '\\\n', '\t', '*', '**', '_', '__', '`', '``', '# ', '## ', '####### ', '---', '***', '> ', '- ', '1. ', '    code',
    '[a](https://example.com/x "t")', '[a](https://example.com/ü x)', '[a](HTTPS://a.example)', '[a](javascript:alert(1))', '[a](/rel)', '<https://auto.example>',
    '![i](https://example.com/i.png)', '<b>bold</b>', '<script>x</script>', '&amp;', '&#0;', '[ref]', '[ref]: https://example.com', 'a~~b~~', '\\*', '<', '&', '"', "'",
  ),
  hostileText,
);

/** Trees of the supported shape with hostile text and URLs: phrasing nested in emphasis, strong and links, with hard breaks anywhere. */
const { phrasing } = fc.letrec<{ phrasing: PhrasingContent; inline: PhrasingContent[] }>((tie) => ({
  phrasing: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map((value): PhrasingContent => ({ type: 'text', value })),
    fc.tuple(hostileText, hostileText).map(([value, date]): PhrasingContent => ({ type: 'text', value, data: { hName: 'time', hProperties: { dateTime: date } } })),
    hostileText.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
    fc.constant<PhrasingContent>({ type: 'break' }),
    fc.tuple(fc.constantFrom('https://', 'http://'), hostileText, tie('inline') as fc.Arbitrary<PhrasingContent[]>).map(([scheme, rest, children]) => ({ type: 'link', url: scheme + rest, children }) as PhrasingContent),
    fc.tuple(fc.constantFrom('emphasis', 'strong'), tie('inline') as fc.Arbitrary<PhrasingContent[]>).map(([type, children]) => ({ type, children }) as PhrasingContent),
  ),
  inline: fc.array(tie('phrasing') as fc.Arbitrary<PhrasingContent>, { maxLength: 4 }),
}));
const paragraph = fc.tuple(fc.array(phrasing, { maxLength: 5 }), fc.boolean()).map(([children, caption]): BlockContent => ({ type: 'paragraph', children, ...(caption && { data: { hName: 'figcaption' } }) }));
const block: fc.Arbitrary<BlockContent> = fc.oneof(
  { weight: 3, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(phrasing, { maxLength: 3 })).map(([depth, children]) => ({ type: 'heading', depth, children }) as BlockContent) },
  { weight: 1, arbitrary: fc.constant<BlockContent>({ type: 'thematicBreak' }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([children, figure]): BlockContent => ({ type: 'blockquote', children, ...(figure && { data: { hName: 'figure', hProperties: { className: ['social-post'] } } }) })) },
);
const plainTree = fc.array(block, { maxLength: 5 }).map((children): Root => ({ type: 'root', children }));

describe('plainBodyHtml', () => {
  it('writes the shipped seed exactly as remark-html does, embedded posts included', async () => {
    const text = await readFile(path.join(ROOT, 'seeds', '000_9c3213f5e7aee730.txt'), 'utf8');
    const tree = rawTree(text);
    const html = plainBodyHtml(tree);
    expect(html).toContain('<figure class="social-post">');
    expect(html).toBe(remarkHtmlOf(tree, true));
  });

  it('the raw-text pipeline writes every body exactly as remark-html would, never needing it (property)', () => {
    fc.assert(
      fc.property(fc.array(rawPiece, { maxLength: 40 }).map((pieces) => pieces.join(' ')), (text) => {
        const tree = rawTree(text);
        const html = rawText.html(tree, new VFile());
        expect(html).toBe(remarkHtmlOf(tree, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes any tree of paragraphs, headings, rules, emphasis, strong, code, breaks, links, times and social-post figures as remark-html does, sanitised or not (property)', () => {
    fc.assert(
      fc.property(plainTree, (tree) => {
        const html = plainBodyHtml(tree);
        expect(html).toBeDefined();
        expect(html).toBe(remarkHtmlOf(tree, true));
        expect(html).toBe(remarkHtmlOf(tree, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what the Markdown pipeline parses, wherever it can, exactly as remark-html does, sanitised or not (property)', () => {
    const sanitisedPipeline = markdownPipeline(false);
    const rawHtmlPipeline = markdownPipeline(true);
    let writtenDirectly = 0;
    fc.assert(
      fc.property(fc.array(markdownPiece, { maxLength: 30 }).map((pieces) => pieces.join('')), (markdown) => {
        for (const [pipeline, sanitise] of [[sanitisedPipeline, true], [rawHtmlPipeline, false]] as const) {
          const tree = pipeline.tree(new VFile({ value: markdown }));
          const direct = plainBodyHtml(tree);
          if (direct !== undefined) (writtenDirectly++, expect(direct).toBe(remarkHtmlOf(tree, sanitise)));
          expect(pipeline.html(tree, new VFile())).toBe(remarkHtmlOf(tree, sanitise));
        }
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: a good share of the documents are ones the direct writer takes.
    expect(writtenDirectly).toBeGreaterThan(1000);
  });

  it('writes a Markdown article of headings, emphasis, strong, code, breaks, links and a rule directly', () => {
    const markdown = '# Budget vote\n\nThe *first* vote, **late** on `Tuesday`,  \n  passed. [Read](https://example.com/a?b=1&c=2)\\\n_more_.\n\n---\n\n> A quote.\n';
    const tree = markdownPipeline(false).tree(new VFile({ value: markdown }));
    const html = plainBodyHtml(tree);
    expect(html).toBe(remarkHtmlOf(tree, true));
    expect(html).toContain('<br>\npassed.');
  });

  it.each<[string, BlockContent]>([
    ['an image', { type: 'paragraph', children: [{ type: 'image', url: 'https://a.example/i.png', alt: 'i' }] }],
    ['a list', { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }] }] }],
    ['a code block', { type: 'code', value: 'a' }],
    ['emphasis carrying data', { type: 'paragraph', children: [{ type: 'emphasis', data: { hProperties: { id: 'x' } }, children: [] }] }],
    ['a javascript: link', { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [] }] }],
    ['an upper-case scheme (the sanitiser drops it)', { type: 'paragraph', children: [{ type: 'link', url: 'HTTPS://a.example', children: [] }] }],
    ['a relative link', { type: 'paragraph', children: [{ type: 'link', url: '/a', children: [] }] }],
    ['a link with a title', { type: 'paragraph', children: [{ type: 'link', url: 'https://a.example', title: 't', children: [] }] }],
    ['a heading of depth 7', { type: 'heading', depth: 7 as 1, children: [{ type: 'text', value: 'a' }] }],
    ['raw HTML', { type: 'html', value: '<b>a</b>' }],
    ['a figure of another class', { type: 'blockquote', data: { hName: 'figure', hProperties: { className: ['x'] } }, children: [{ type: 'paragraph', children: [] }] }],
    ['an empty block quote', { type: 'blockquote', children: [] }],
    ['a paragraph with an id', { type: 'paragraph', data: { hProperties: { id: 'x' } }, children: [] }],
    ['a text named other than time', { type: 'paragraph', children: [{ type: 'text', value: 'a', data: { hName: 'script' } }] }],
  ])('leaves a tree with %s to remark-html', (_name, node) => {
    expect(plainBodyHtml({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'before' }] }, node] })).toBeUndefined();
  });
});
