import fc from 'fast-check';
import type { Node, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseSettingProseAside, proseSkeleton, withProseSetAside } from '../../src/seeds/prose-blocks.js';

// As broadsheet reads Markdown: GitHub-flavoured (body-html.ts).
const published = unified().use(remarkParse).use(remarkGfm);
const setAside = unified().use(withProseSetAside(remarkParse)).use(remarkGfm);
/** The published remark-parse's tree of `markdown` (with remark-gfm), positions included. */
const remarkTree = (markdown: string): Root => published.parse(markdown);

describe('proseSkeleton', () => {
  it('replaces each block of plain prose by a one-line placeholder and keeps every other block as written', () => {
    const skeleton = proseSkeleton('Officials met on Friday.\nThey said "no".\n\nA *bold* claim.\n\n  Indented & plain, 3.5% up.');
    expect(skeleton?.markdown).toBe('\uE0000\uE000\n\nA *bold* claim.\n\n  \uE0001\uE000');
    expect(skeleton?.runs.map((run) => run.map((b) => b.text))).toEqual([['Officials met on Friday.\nThey said "no".'], ['Indented & plain, 3.5% up.']]);
  });

  it('gives prose blocks separated by blank lines only, at the same indentation, one placeholder', () => {
    const skeleton = proseSkeleton('One.\n\nTwo.\n\n\nThree.\n\n  Four.\n\n  Five.\n\n# Six\n\nSeven.\n');
    expect(skeleton?.markdown).toBe('\uE0000\uE000\n\n  \uE0001\uE000\n\n# Six\n\n\uE0002\uE000\n');
    expect(skeleton?.runs.map((run) => run.map((b) => b.text))).toEqual([['One.', 'Two.', 'Three.'], ['Four.', 'Five.'], ['Seven.']]);
  });

  it('reads backslash escapes of ASCII punctuation as their character, as Markdown does', () => {
    expect(proseSkeleton('Trust \\& accountability, \\*not\\* \\[this\\] \\\\ here.')?.runs[0]?.map((b) => b.text)).toEqual(['Trust & accountability, *not* [this] \\ here.']);
  });

  it.each([
    ['emphasis', 'a *b* c'],
    ['strong emphasis with underscores', 'a __b__ c'],
    ['a code span', 'a `b` c'],
    ['a link', 'see [the report](https://example.org)'],
    ['an autolink or HTML', 'a <b>c</b>'],
    ['a named character reference', 'AT&amp;T'],
    ['a numeric character reference', 'caf&#233;'],
    ['a hard break by trailing spaces', 'one  \ntwo'],
    ['a hard break by backslash', 'one\\\ntwo'],
    ['a backslash before a letter', 'C:\\temp'],
    ['a heading', '# Title'],
    ['a quote', '> quoted'],
    ['a bullet list', '- item'],
    ['an ordered list', '1990. A year'],
    ['a setext underline', 'Title\n====='],
    ['a thematic break', '***'],
    ['a fence', '```js'],
    ['an indentation of four spaces, code outside a list item', '    code'],
    ['a tab', 'a\tb'],
    ['a NUL', 'a\0b'],
    ['a table row', '| a | b |'],
    ['a table without outer pipes', 'a | b'],
    ['strikethrough', 'a ~~b~~ c'],
    ['a bare www address', 'see www.example.org'],
    ['a bare http address', 'see http://example.org'],
    ['a bare HTTPS address in capitals', 'see HTTPS://example.org'],
    ['an email address', 'write to desk@example.org'],
  ])('leaves a block with %s to remark-parse', (_, block) => {
    expect(proseSkeleton(block)).toBeUndefined();
  });

  it('sets nothing aside in a document with CR line endings, a placeholder character of its own or an opening byte order mark', () => {
    expect(proseSkeleton('One.\r\n\r\nTwo.')).toBeUndefined();
    expect(proseSkeleton('One \uE000.')).toBeUndefined();
    // micromark drops a BOM that opens the document: "\uFEFF# Title" is a heading, not prose.
    expect(proseSkeleton('\uFEFF# Title\n\nText.')).toBeUndefined();
  });
});

describe('parseSettingProseAside', () => {
  it.each([
    ['paragraphs of prose around other blocks', 'Lead paragraph, plain.\nSecond line.\n\n# Heading\n\nMore *prose* here.\n\n    indented continuation?\n\nLast one.\n'],
    ['prose inside a list item', '- item\n\n  Continued in the item,\n  over two lines.\n\nOutside.'],
    ['prose inside a fenced code block that spans blank lines', '```\ncode\n\nnot a paragraph\n```\n\nA paragraph.'],
    ['prose inside an HTML block that spans blank lines', '<pre>\n\nnot a paragraph\n\n</pre>\n\nA paragraph.'],
    ['prose after indented code, so itself code', '    code\n\n    still code\n\nText.'],
    ['prose indented by four inside a list item', '-   item\n\n    Its second paragraph.\n\n    Its third.'],
    ['a lazy continuation line with deep indentation', 'First line\n        second line\n\nnext'],
    ['a run of prose blocks ending a list item', '1. item\n\n   One.\n\n   Two.\n\nThree.\n\n4. next'],
    ['an opening byte order mark before a heading', '\uFEFF# Title\n\nText after it.'],
    ['an opening byte order mark before prose', '\uFEFFText.\n\n*More* text.'],
    ['a byte order mark inside the document', 'Text.\n\n\uFEFF# not a heading here\n\nMore.'],
    ['escapes and a reference to a definition elsewhere', 'Use \\[ref\\] here.\n\n[ref]: https://example.org\n\nSee [ref].'],
    ['bare addresses with escapes inside them', 'see http\\://example.org, www\\.example.org, WWW\\.x.org and a.b\\@c.example\n\nOther *x*.'],
    ['a table between prose', 'Results below.\n\n| Candidate | Votes |\n|---|--:|\n| Smith | 1,204 |\n\nTurnout was high.'],
    ['a footnote and its definition', 'A claim.[^1]\n\nMore prose.\n\n[^1]: The source.\n\nLast.'],
    ['a task list', '- [x] counted\n- [ ] certified\n\nPlain.'],
  ])('builds the tree remark-parse builds, positions included, for %s', (_, markdown) => {
    expect(setAside.parse(markdown)).toEqual(remarkTree(markdown));
  });

  it('parses only the skeleton when every placeholder comes back as a paragraph, and the whole document when one does not', () => {
    const parsed: string[] = [];
    const parse = (markdown: string): Root => (parsed.push(markdown), remarkTree(markdown));
    parseSettingProseAside('One.\n\nTwo *three*.', parse);
    expect(parsed).toEqual(['\uE0000\uE000\n\nTwo *three*.']);
    parsed.length = 0;
    parseSettingProseAside('```\n\nOne.\n\n```', parse);
    expect(parsed).toEqual(['```\n\n\uE0000\uE000\n\n```', '```\n\nOne.\n\n```']);
  });

  it('puts prose back into a tree nested 5,000 quotes deep without recursing over it', () => {
    const markdown = `${'> '.repeat(5000)}x\n\nAfter the quote, plain prose.`;
    // Compared as flat pre-order lists: the matchers' deep equality and JSON.stringify recurse.
    const flat = (tree: Root): unknown[] => {
      const out: unknown[] = [];
      for (const pending: Node[] = [tree]; pending.length > 0; ) {
        const { children, ...fields } = pending.pop() as Node & { children?: Node[] };
        out.push(JSON.stringify(fields), children?.length ?? -1);
        if (children) for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
      }
      return out;
    };
    expect(flat(setAside.parse(markdown))).toEqual(flat(remarkTree(markdown)));
  });

  it('parses the document as written when its skeleton would be no shorter (blocks as short as their placeholders)', () => {
    const parsed: string[] = [];
    const parse = (markdown: string): Root => (parsed.push(markdown), remarkTree(markdown));
    const markdown = '# h\n\na\n\n b\n\nc';
    expect(parseSettingProseAside(markdown, parse)).toEqual(remarkTree(markdown));
    expect(parsed).toEqual([markdown]);
  });

  it('asks remark-parse nothing for a document of prose blocks only', () => {
    const parsed: string[] = [];
    const parse = (markdown: string): Root => (parsed.push(markdown), remarkTree(markdown));
    const markdown = 'One.\n\n  Two,\n     still two.\n\n\nThree \\& four.\n';
    expect(parseSettingProseAside(markdown, parse)).toEqual(remarkTree(markdown));
    expect(parsed).toEqual([]);
    // Indented as code (or a list item's paragraph): left to remark-parse as written.
    parseSettingProseAside('One.\n\n    Two.', parse);
    expect(parsed).toEqual(['\uE0000\uE000\n\n    Two.']);
  });

  it('builds the tree remark-parse builds, positions included, for any document of prose lines, indented or not', () => {
    const prose = fc.constantFrom('Officials met on Friday.', 'They said "no" & left, 3.5% up (again).', 'São Paulo — café', 'trust \\& accountability', 'x', '1990 was a year');
    const line = fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '     '), prose).map(([indent, text]) => indent + text);
    const separator = fc.constantFrom('\n', '\n\n', '\n \n', '\n\n\n', '\n    \n');
    const document = fc.tuple(fc.array(fc.tuple(line, separator), { maxLength: 10 }), fc.constantFrom('', '\n', ' ', '\n\n')).map(([pairs, end]) => pairs.map(([l, s]) => l + s).join('') + end);
    fc.assert(
      fc.property(document, (markdown) => {
        expect(setAside.parse(markdown)).toEqual(remarkTree(markdown));
      }),
      { numRuns: 1000 },
    );
  });

  it('builds the tree remark-parse builds, positions included, for any document made of prose and Markdown', () => {
    // Prose lines, and fragments of every construct micromark knows, in any order and indentation.
    const prose = fc.constantFrom('Officials met on Friday.', 'They said "no" & left, 3.5% up (again).', 'São Paulo — café', 'trust \\& accountability', '\\*not emphasis\\*', '1990 was a year', 'It\'s 9:30 p.m.');
    const fragment = fc.constantFrom('# ', 'Setext\n===', '> ', '- ', '* ', '1. ', '2) ', '  ', '    ', '\t', '```', '~~~', '*', '**', '_', '`', '[', '](', ')', '![', '[ref]: http://a.example "t"', '[ref]', '<http://b.example>', '<b>', '</b>', '<pre>', '</pre>', '<!--', '-->', '&amp;', '&#x26;', '\\', '***', '---', '  ', '\u00a0', '\uFEFF', '|', '|---|', '| a |', '~', '~~', 'www.a.example', 'https://c.example/x', 'd@e.example', 'http\\://g.example', 'h\\@i.example', '[^1]', '[^1]:', '[x] ', '[ ] ');
    const line = fc.array(fc.oneof({ weight: 3, arbitrary: prose }, fragment, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join(' '));
    const separator = fc.constantFrom('\n', '\n\n', '\n  \n', '\n\n\n');
    const document = fc.array(fc.tuple(line, separator), { maxLength: 12 }).map((pairs) => pairs.map(([l, s]) => l + s).join(''));
    fc.assert(
      fc.property(document, (markdown) => {
        expect(setAside.parse(markdown)).toEqual(remarkTree(markdown));
      }),
      { numRuns: 2000 },
    );
  });
});
