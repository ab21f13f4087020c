import fc from 'fast-check';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadMarkdownProcessor } from '../../src/article/body-html.js';
import { loadHtmlBlockParser } from '../../src/article/html-blocks.js';
import { bodyHtmlOf } from '../../src/article/prose-html.js';
import { build } from '../../src/build.js';
import { bodyForFeed, bodyForPage, firstImageOf } from '../../src/render/body-links.js';
import { inProcessBuildOptions } from '../support/build-options.js';

await loadHtmlBlockParser();
const markdown = await loadMarkdownProcessor(false);

/** A Markdown body's HTML, as a parse writes it. */
function bodyOf(text: string): string {
  const file = new VFile({ path: 'a.md', value: text });
  return bodyHtmlOf(markdown, markdown.runSync(markdown.parse(file), file) as Root, file);
}

const PAGE = 'https://example.org/archive/2024/02/08/story/';

describe('bodyForPage', () => {
  it('gives root-relative links, images and quotes the base path, and leaves other addresses and the text alone', () => {
    const html = bodyOf('![map](/images/a&b.png) [earlier](/2024/02/07/x/ "t") [cdn](//cdn.example/x) [here](notes.html) [top](#top) [web](https://example.net/) <q>x</q> and the text href="/not-a-link"');
    expect(bodyForPage(html, '/archive/')).toBe(
      '<p><img src="/archive/images/a&#x26;b.png" alt="map"> <a href="/archive/2024/02/07/x/" title="t">earlier</a> <a href="//cdn.example/x">cdn</a> <a href="notes.html">here</a> <a href="#top">top</a> <a href="https://example.net/">web</a> x and the text href="/not-a-link"</p>\n',
    );
    expect(bodyForPage(html, '/')).toBe(html);
  });
});

describe('bodyForFeed', () => {
  it('makes every address without a scheme absolute, as it resolves on the article page (root-relative ones under the base path)', () => {
    const html = bodyOf('![map](/images/a.png?x=1&y=2) [earlier](/2024/02/07/x/) [cdn](//cdn.example/x) [here](notes.html) [top](#top) [mail](mailto:desk@example.org) [web](https://example.net/a?b=1&c=2)');
    expect(bodyForFeed(html, PAGE, '/archive/')).toBe(
      '<p><img src="https://example.org/archive/images/a.png?x=1&#x26;y=2" alt="map"> <a href="https://example.org/archive/2024/02/07/x/">earlier</a> <a href="https://cdn.example/x">cdn</a> <a href="https://example.org/archive/2024/02/08/story/notes.html">here</a> <a href="https://example.org/archive/2024/02/08/story/#top">top</a> <a href="mailto:desk@example.org">mail</a> <a href="https://example.net/a?b=1&#x26;c=2">web</a></p>\n',
    );
  });

  it('leaves a body whose addresses are all absolute as it is (the same string)', () => {
    const html = bodyOf('[web](https://example.net/) and text.');
    expect(bodyForFeed(html, PAGE, '/archive/')).toBe(html);
  });
});

/** The text of a hast tree, in document order. */
function textOf(node: HastRoot | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Every element's name and attributes other than href, src and cite, in document order. */
function otherAttributes(node: HastRoot | RootContent): string[] {
  const own = node.type === 'element' ? [`${node.tagName} ${JSON.stringify(Object.entries((node as Element).properties).filter(([k]) => !['href', 'src', 'cite'].includes(k)))}`] : [];
  return [...own, ...('children' in node ? node.children.flatMap(otherAttributes) : [])];
}

describe('rewriting body addresses', () => {
  it('never changes a word of the text or any other attribute, whatever the body holds', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('[a](/x "t>i&t\\"le")', '![i&m](/a?b=1&c=2)', '<a href="/raw">raw</a>', 'href="/text"', '`<a href="/code">`', '> quote', '\n\n', '*em*', '&amp;', '<div>block <a href="/in">in</a></div>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const html = bodyOf(pieces.join(' '));
        const before = fromHtml(html, { fragment: true });
        for (const after of [bodyForPage(html, '/archive/'), bodyForFeed(html, PAGE, '/archive/')]) {
          const tree = fromHtml(after, { fragment: true });
          expect(textOf(tree)).toBe(textOf(before));
          expect(otherAttributes(tree)).toEqual(otherAttributes(before));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a site published under a base path', () => {
  /** The output folder of a cold build of one Markdown seed, `a.md` with `body`, for https://example.org/archive/. */
  async function builtUnderBase(body: string): Promise<string> {
    const work = await mkdtemp(path.join(os.tmpdir(), 'body-links-'));
    await mkdir(path.join(work, 'seeds'));
    await writeFile(path.join(work, 'seeds', 'a.md'), `---\ntitle: Links\ndate: 2024-02-08\n---\n${body}`);
    await writeFile(path.join(work, 'site.config.json'), '{"baseUrl": "https://example.org/archive/"}');
    const options = { ...inProcessBuildOptions(work, path.join(work, 'seeds'), path.join(work, 'site.config.json')), outDir: path.join(work, 'dist'), noCache: true };
    await build(options);
    return options.outDir;
  }

  it('links body images and root-relative links under it on the page, and absolutely in the feed', async () => {
    const out = await builtUnderBase('See ![a photo](/images/x.jpg) and [rel](images/y.jpg).\n');
    expect(await readFile(path.join(out, '2024/02/08/links/index.html'), 'utf8')).toContain('<p>See <img src="/archive/images/x.jpg" alt="a photo"> and <a href="images/y.jpg">rel</a>.</p>');
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toContain('<p>See <img src="https://example.org/archive/images/x.jpg" alt="a photo"> and <a href="https://example.org/archive/2024/02/08/links/images/y.jpg">rel</a>.</p>');
  });

  it('gives an article with an image a large social card with that image, and its JSON-LD the image', async () => {
    const out = await builtUnderBase('Text.\n\n![a photo](/images/x.jpg?w=1&h=2)\n\n![second](/images/z.jpg)\n');
    const page = await readFile(path.join(out, '2024/02/08/links/index.html'), 'utf8');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">\n<meta property="og:image" content="https://example.org/archive/images/x.jpg?w=1&amp;h=2">\n');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(page)![1]!) as { image: string[] };
    expect(jsonLd.image).toEqual(['https://example.org/archive/images/x.jpg?w=1&h=2']);
  });
});

describe('firstImageOf', () => {
  it('is the first image of a page body, absolute, and only an http(s) one', () => {
    expect(firstImageOf('<p>x</p>', PAGE)).toBeUndefined();
    expect(firstImageOf('<p><img src="a.png" alt="a"> <img src="/b.png" alt="b"></p>', PAGE)).toBe(`${PAGE}a.png`);
    expect(firstImageOf('<p><img src="/archive/b.png?x=1&#x26;y=2" alt="b"></p>', PAGE)).toBe('https://example.org/archive/b.png?x=1&y=2');
    expect(firstImageOf('<p><img src="ftp://example.org/b.png" alt=""></p>', PAGE)).toBeUndefined();
  });
});
