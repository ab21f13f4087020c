import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { loadParseContext, parseSeed } from '../../src/seeds/parse.js';

/** Elements a scraped page's HTML holds: GitHub's list, obsolete ones, form controls, media, unknown ones. */
const TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li',
  'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var', 'figure', 'figcaption', 'time', 'center', 'font', 'form', 'button', 'select', 'option',
  'textarea', 'label', 'video', 'audio', 'iframe', 'svg', 'math', 'article', 'aside', 'nav', 'header', 'footer', 'main', 'abbr', 'small', 'mark', 'cite',
  'caption', 'col', 'colgroup', 'meter', 'progress', 'noscript', 'x-widget',
];

/** Attributes, with values as scraped pages write them. */
const ATTRIBUTES = [
  'align="center"', 'width="100"', 'height="50"', 'border="1"', 'name="n"', 'id="top"', 'class="c"', 'title="t"', 'lang="fr"', 'dir="rtl"',
  'alt="a"', 'src="https://example.org/i.jpg"', 'href="https://example.org/"', 'cite="https://example.org/"', 'datetime="2024-01-01"', 'colspan="2"',
  'rowspan="2"', 'scope="col"', 'abbr="x"', 'start="3"', 'value="2"', 'open', 'type="text"', 'style="color:red"', 'onclick="x()"', 'summary="s"',
  'valign="top"', 'nowrap', 'color="red"', 'size="3"', 'tabindex="1"', 'span="2"', 'headers="h"', 'itemprop="p"', 'srcset="https://example.org/i.jpg 2x"',
];

/** An HTML block: nested elements around words, as a line of a Markdown seed. */
const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }),
      depth > 1 ? fc.array(fc.oneof(fc.constantFrom('Words', 'more words', ''), element(depth - 1)), { maxLength: 3 }) : fc.constantFrom(['Words'], []),
    )
    .map(([tag, attributes, children]) => `<${tag}${attributes.map((a) => ` ${a}`).join('')}>${children.join('')}</${tag}>`),
);

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

describe('HTML blocks from any scraped page', () => {
  it('leave a valid page: whatever elements and attributes they hold, the body passes html-validate', async () => {
    const context = await loadParseContext({}, false);
    await fc.assert(
      fc.asyncProperty(fc.array(element(3), { minLength: 1, maxLength: 4 }), async (blocks) => {
        const result = parseSeed({ path: 'a.md', bytes: new TextEncoder().encode(`---\ntitle: T\ndate: 2024-01-01\n---\nLead.\n\n${blocks.join('\n\n')}\n`) }, context);
        if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
        const page = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>T</title>\n</head>\n<body>\n<main>\n<div class="body">\n${result.article.bodyHtml}</div>\n</main>\n</body>\n</html>\n`;
        const report = await validator.validateString(page, 'page.html');
        const problems = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`));
        expect({ blocks, problems }).toEqual({ blocks, problems: [] });
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
