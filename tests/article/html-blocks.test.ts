import fc from 'fast-check';
import type { Nodes, Parents } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadMarkdownProcessor } from '../../src/article/body-html.js';
import { htmlBlockHast, isHtmlBlock, MAX_HTML_NESTING, mayHoldHtmlBlock } from '../../src/article/html-blocks.js';
import { createParseContext, parseSeed, prepareParseContext } from '../../src/seeds/parse.js';
import { unsafeContent } from '../hostile/html-safety.js';

/** A Markdown seed's bytes with `body` under a minimal front matter. */
function seed(body: string): { path: string; bytes: Uint8Array } {
  return { path: 's.md', bytes: new TextEncoder().encode(`---\ntitle: T\ndate: 2024-01-01\n---\n${body}\n`) };
}

/** The parse context a build makes for these seeds: only what they need is loaded (prepareParseContext). */
async function contextFor(...seeds: { path: string; bytes: Uint8Array }[]) {
  const context = createParseContext({}, false);
  await prepareParseContext(context, seeds);
  return context;
}

describe('HTML blocks in Markdown', () => {
  // First: the parser is not loaded yet in this file's thread.
  it('are never read without the HTML parser: the build loads it for a seed that may hold one', async () => {
    expect(() => htmlBlockHast('<div>x</div>', 1)).toThrow('the HTML parser was not loaded');
    const withBlock = seed('Lead.\n\n<div>Words kept</div>');
    const context = await contextFor(withBlock);
    expect(context.htmlBlocks).toBe(true);
    const result = parseSeed(withBlock, context);
    expect(result.ok && result.article.bodyHtml).toBe('<p>Lead.</p>\n<p>Words kept</p>\n');
  });

  it('keep their words as paragraphs with their inline markup: no script or style sheet, handler, script link or comment', async () => {
    const body = [
      'Lead with <b>bold</b> inline.',
      '<div class="caption" onclick="alert(1)">Photo: <em>Reuters</em> &amp; AP<!-- credit --></div>',
      '<figure><img src="https://example.org/p.jpg" onerror="alert(2)" alt="A photo"><figcaption>Crowds <a href="javascript:alert(3)">gather</a></figcaption></figure>',
      '<script>alert(4)</script> Words after a script',
      '<style>p { color: red }</style>',
      '> <p>Quoted words</p>',
      '- <span>Listed words</span>',
      '<table><tr><td>Cell one</td><td>Cell two</td></tr></table>',
    ].join('\n\n');
    const s = seed(body);
    const result = parseSeed(s, await contextFor(s));
    if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
    expect(result.article.bodyHtml).toBe(
      [
        '<p>Lead with bold inline.</p>',
        '<p>Photo: <em>Reuters</em> &#x26; AP</p>',
        '<p><img src="https://example.org/p.jpg" alt="A photo"></p>',
        '<p>Crowds <a>gather</a></p>',
        '<p>Words after a script</p>',
        '<blockquote>',
        '<p>Quoted words</p>',
        '</blockquote>',
        '<ul>',
        '<li>Listed words</li>',
        '</ul>',
        '<p>Cell one</p>',
        '<p>Cell two</p>',
        '',
      ].join('\n'),
    );
    // Lead (4), caption (3), figure (2), after the script (4), quote (2), list (2), table (4).
    expect(result.article.wordCount).toBe(21);
  });

  it('lead a body that has no paragraph: its headline and summary come from the first block with words', async () => {
    const s = { path: 's.md', bytes: new TextEncoder().encode('---\ndate: 2024-03-05\n---\n<p>The council voted on Tuesday to close the bridge. Traffic will divert.</p>\n\n<p>Second block.</p>\n') };
    const result = parseSeed(s, await contextFor(s));
    if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
    expect(result.article).toMatchObject({ title: 'The council voted on Tuesday to close the bridge', titleDerived: true, summary: 'The council voted on Tuesday to close the bridge. Traffic will divert.' });
  });

  it('nested too deeply are an error naming the line the block starts on; as deep as MAX_HTML_NESTING they convert', async () => {
    const nested = (depth: number) => `${'<div>'.repeat(depth)}word${'</div>'.repeat(depth)}`;
    const deep = seed(`Lead.\n\n> ${nested(50_000)}`);
    const tooDeep = seed(`Lead.\n\nText.\n\n${nested(MAX_HTML_NESTING + 1)}`);
    const deepest = seed(`Lead.\n\n${nested(MAX_HTML_NESTING)}`);
    const context = await contextFor(deep, tooDeep, deepest);
    const errors = (s: { path: string; bytes: Uint8Array }) => {
      const result = parseSeed(s, context);
      return result.ok ? [] : result.errors.map((e) => e.format());
    };
    const message = `HTML block nested too deeply (more than ${MAX_HTML_NESTING} elements inside each other) (hint: nest fewer elements inside each other)`;
    expect(errors(deep)).toEqual([`s.md:7: ${message}`]);
    expect(errors(tooDeep)).toEqual([`s.md:9: ${message}`]);
    const result = parseSeed(deepest, context);
    expect(result.ok && result.article.bodyHtml).toBe('<p>Lead.</p>\n<p>word</p>\n');
  });

  it('keep every word in them, whatever the elements around it', async () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{2,8}$/);
    const tag = fc.constantFrom('div', 'section', 'p', 'span', 'font', 'custom-box', 'center', 'figure', 'aside', 'details', 'noscript', 'article');
    const block = fc.tuple(fc.array(tag, { minLength: 1, maxLength: 3 }), fc.array(word, { minLength: 1, maxLength: 6 })).map(([tags, words]) => ({
      html: `${tags.map((t) => `<${t} class="x">`).join('')}${words.join(' ')}${[...tags].reverse().map((t) => `</${t}>`).join('')}`,
      words,
    }));
    const context = createParseContext({}, false);
    await prepareParseContext(context, [seed('<div>x</div>')]);
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const result = parseSeed(seed(['Lead.', ...blocks.map((b) => b.html)].join('\n\n')), context);
        if (!result.ok) return false;
        const text = result.article.bodyHtml.replace(/<[^>]*>/g, ' ');
        return blocks.every((b) => b.words.every((w) => text.includes(w)));
      }),
      { numRuns: 300 },
    );
  });

  it('never let markup through that could run: elements, handlers and links of every kind are removed', async () => {
    const hostile = fc.constantFrom(
      '<div onclick="alert(1)">x</div>',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload="alert(1)"><text>x</text></svg>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
      '<object data="data:text/html,x"></object>',
      '<img src="data:image/svg+xml,x" onerror="alert(1)">',
      '<style>@import url(x)</style>',
      '<script>alert(1)</script>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<base href="javascript:alert(1)//">',
      '<details open ontoggle="alert(1)">x</details>',
      '<p style="background:url(javascript:alert(1))">x</p>',
    );
    const context = createParseContext({}, false);
    await prepareParseContext(context, [seed('<div>x</div>')]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', '> ', '- ', '  '), hostile), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\n'), (blocks, separator) => {
        const result = parseSeed(seed(blocks.map(([prefix, html]) => prefix + html).join(separator)), context);
        return result.ok && unsafeContent(result.article.bodyHtml, () => false).length === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('are always foreseen from the seed bytes: mayHoldHtmlBlock is true for every document with one', async () => {
    const parser = await loadMarkdownProcessor(false);
    const piece = fc.oneof(
      fc.constantFrom('<div>', '</div>', '<p>x</p>', '<!-- c -->', '<?php x ?>', '<!DOCTYPE html>', '<![CDATA[x]]>', '<b>', '<x-y a="1">', '<pre>', '<script>', '<textarea>', '<a href="x">'),
      fc.constantFrom('\n', '\n\n', '\r\n', '> ', '>', '- ', '* ', '+ ', '1. ', '12) ', '  ', '    ', '\t', 'text ', '`', '```\n', '<', ' x'),
      fc.string({ maxLength: 6 }),
    );
    /** True when the tree holds an html node that is a block (its parent holds blocks). */
    const hasBlock = (node: Nodes, parent?: Parents): boolean =>
      (node.type === 'html' && isHtmlBlock(parent)) || ('children' in node && node.children.some((child) => hasBlock(child, node)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        const tree = parser.parse(new VFile({ value: text }));
        return !hasBlock(tree) || mayHoldHtmlBlock(new TextEncoder().encode(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('are not looked for in seeds with no "<" opening a line', () => {
    expect(mayHoldHtmlBlock(new TextEncoder().encode('Prices rose 3% (<5% forecast) as x<y and a <b>bold</b> word.\n'))).toBe(false);
    expect(mayHoldHtmlBlock(new TextEncoder().encode('Text\n  > - <div>'))).toBe(true);
  });
});
