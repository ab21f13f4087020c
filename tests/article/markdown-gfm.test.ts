import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { parsedArticle } from '../support/parsed-article.js';

/** The body HTML of a seed with `body` under a minimal head, in the format its path names. */
function bodyOf(path: string, body: string): string {
  const head = path.endsWith('.md') ? '---\ntitle: T\ndate: 2024-11-06\n---\n' : 'date 2024-11-06\n';
  return parsedArticle(path, head + body).bodyHtml;
}

const TABLE = '| Candidate | Votes |\n|-----------|------:|\n| Smith     | 1,204 |\n| Jones     |   987 |';

describe('GitHub-flavoured Markdown, as Hugo and Eleventy read it', () => {
  it('makes a pipe table a table, each column\'s alignment a class on its cells (HTML\'s align is obsolete)', () => {
    expect(bodyOf('a.md', `The results are in.\n\n${TABLE}\n`)).toBe(
      '<p>The results are in.</p>\n<table>\n<thead>\n<tr>\n<th>Candidate</th>\n<th class="align-right">Votes</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Smith</td>\n<td class="align-right">1,204</td>\n</tr>\n<tr>\n<td>Jones</td>\n<td class="align-right">987</td>\n</tr>\n</tbody>\n</table>\n',
    );
    expect(bodyOf('a.md', '> | a | b | c |\n> |:--|:-:|---|\n> | 1 | 2 | 3 |\n')).toContain('<td class="align-left">1</td>\n<td class="align-center">2</td>\n<td>3</td>');
  });

  it('strikes ~~text~~ through and links bare www, http(s) and e-mail addresses', () => {
    expect(bodyOf('a.md', 'Turnout was ~~low~~ high. See www.example.org, https://example.org/results or desk@example.org.\n')).toBe(
      '<p>Turnout was <del>low</del> high. See <a href="http://www.example.org">www.example.org</a>, <a href="https://example.org/results">https://example.org/results</a> or <a href="mailto:desk@example.org">desk@example.org</a>.</p>\n',
    );
  });

  it('writes a task list item\'s box as ☑ or ☐, not as a form control the sanitiser would drop with its state', () => {
    const html = bodyOf('a.md', '- [x] counted\n- [ ] certified\n  - [X] nested, done\n');
    expect(html).toBe('<ul>\n<li>☑ counted</li>\n<li>☐ certified\n<ul>\n<li>☑ nested, done</li>\n</ul>\n</li>\n</ul>\n');
  });

  it('links each footnote reference to its note and back: every in-page link has its target', () => {
    const html = bodyOf('a.md', 'A claim.[^1] Another.[^source]\n\n[^1]: The county clerk.\n[^source]: A second note.\n');
    expect(html).toContain('<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>');
    expect(html).toContain('<section data-footnotes><h2 id="footnote-label">Footnotes</h2>');
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(['user-content-fn-1', 'user-content-fn-2', 'user-content-fnref-1', 'user-content-fnref-2']);
    for (const target of targets) expect(html).toContain(` id="${target}"`);
  });

  it('numbers footnote ids in order of first reference, so a label of any characters gives a plain id', () => {
    const html = bodyOf('a.md', 'First.[^<b>&"] Second.[^zz] Again.[^<b>&"]\n\n[^zz]: Z.\n[^unused]: U.\n[^<b>&"]: B.\n');
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(['user-content-fnref-1', 'user-content-fnref-2', 'user-content-fnref-1-2', 'footnote-label', 'user-content-fn-1', 'user-content-fn-2']);
    expect(html).toContain('<li id="user-content-fn-1">\n<p>B. ');
  });

  it('leaves a valid page: tables, footnotes and task lists pass html-validate', async () => {
    const body = bodyOf('a.md', `Lead.[^1]\n\n${TABLE}\n\n- [x] counted\n\n~~gone~~ www.example.org\n\n[^1]: Note.\n`);
    const page = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>T</title>\n</head>\n<body>\n<main>\n<div class="body">\n${body}</div>\n</main>\n</body>\n</html>\n`;
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page, 'page.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('keeps ids out of a body but the footnotes\': an HTML block\'s id and a scraped checkbox are still removed', () => {
    expect(bodyOf('a.md', '<div id="top"><input type="text" name="q"> Search</div>\n')).toBe('<p>Search</p>\n');
  });

  it('describes an image with no alt text but a title by its title, in Markdown and in an HTML block (an empty alt with a title fails WCAG H67)', () => {
    expect(bodyOf('a.md', '![](https://example.org/a.png "Route of the march") and ![](/b.png)\n')).toBe(
      '<p><img src="https://example.org/a.png" alt="Route of the march" title="Route of the march"> and <img src="/b.png" alt=""></p>\n',
    );
    // The counterexample fast-check found for html-blocks-valid.test.ts.
    expect(bodyOf('a.md', '<details><a><img title="t" src="https://example.org/i.jpg">Words</img></a></details>\n\n<a></a>\n')).toBe(
      '<p><a><img title="t" src="https://example.org/i.jpg" alt="t">Words</a></p>\n',
    );
  });

  it('reads none of it in raw text, where nothing is Markdown', () => {
    expect(bodyOf('a.txt', `${TABLE}\n\n~~low~~ www.example.org [^1]\n`)).toBe(
      '<p>| Candidate | Votes |\n|-----------|------:|\n| Smith     | 1,204 |\n| Jones     |   987 |</p>\n<p>~~low~~ www.example.org [^1]</p>\n',
    );
  });
});
