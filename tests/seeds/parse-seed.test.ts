import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { loadParseContext, parseSeed, type ParseResult } from '../../src/seeds/parse.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
const config = parseConfig(JSON.parse(await readFile(path.join(ROOT, 'site.config.json'), 'utf8')), 'site.config.json');
const context = await loadParseContext(config.taxonomy, false);

/** Parses in-memory seed text. */
function parse(file: string, text: string): ParseResult {
  return parseSeed({ path: file, bytes: new TextEncoder().encode(text) }, context);
}

/** Every formatted error of a seed (none when it parses). */
function problems(file: string, text: string): string[] {
  const result = parse(file, text);
  return result.ok ? [] : result.errors.map((e) => e.format());
}

/** The draft of a seed that must parse. */
function ok(file: string, text: string) {
  const result = parse(file, text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
  return result.article;
}

describe('the shipped seed', async () => {
  const file = 'seeds/000_9c3213f5e7aee730.txt';
  const article = ok(file, await readFile(path.join(ROOT, file), 'utf8'));

  it('gets a headline derived from the lead sentence, not the dateline', () => {
    expect(article.titleDerived).toBe(true);
    expect(article.title.startsWith('The US central command (CENTCOM) has said')).toBe(true);
    expect(article.title.length).toBeLessThanOrEqual(141);
  });

  it('has its date and the Washington dateline', () => {
    expect(article.date).toBe('2024-02-08');
    expect(article.dateline).toBe('Washington, February 8');
  });

  it('turns both embedded posts into attributed quotes with handles, pic links and dates', () => {
    expect(article.socialPosts.map((p) => [p.authorName, p.handle, p.picUrl, p.date])).toEqual([
      ['Imtiaz Mahmood', 'ImtiazMadmood', 'https://pic.twitter.com/geUn8GnVFv', '2024-02-08'],
      ['Liz Sly', 'LizSly', 'https://pic.twitter.com/a6zWmT5ov1', '2024-02-07'],
    ]);
    expect(article.bodyHtml).toContain('<figure class="social-post">');
    expect(article.bodyHtml).toContain('<a href="https://twitter.com/LizSly">@LizSly</a>');
    expect(article.bodyHtml).toContain('<time datetime="2024-02-07">February 7, 2024</time>');
  });

  it('moves both glued headlines out of the body into related headlines', () => {
    expect(article.relatedHeadlines).toEqual([
      'Iran Begins Building Four More Nuclear Power Plants, Says Report',
      'US Strikes Iraq: United States Carries Out Drone Strike in Baghdad, Three Kataeb Hezbollah Members Including Commander Killed',
    ]);
    expect(article.bodyHtml).not.toContain('Iran Begins Building');
    expect(article.bodyHtml).not.toContain('Carries Out Drone Strike');
    expect(article.bodyHtml).toContain('CENTCOM said in a statement.');
  });

  it('is tagged from the taxonomy, every spelling on its canonical tag', () => {
    expect(article.tagNames).toEqual(expect.arrayContaining(['Iraq', 'Iran', 'Baghdad', 'Syria', 'Jordan', "Kata'ib Hezbollah", 'CENTCOM', 'Pentagon', 'Islamic Resistance in Iraq']));
  });

  it('keeps every word of the source somewhere on the record', async () => {
    const source = (await readFile(path.join(ROOT, file), 'utf8')).replace(/^\s*date \d{4}-\d{2}-\d{2}/, '');
    const shown = [article.dateline, article.bodyHtml, ...article.relatedHeadlines].join(' ').replace(/&#x26;|&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;|&#x22;/g, '"');
    const words = source.match(/[\p{L}\p{N}]+/gu) ?? [];
    const missing = words.filter((w) => !shown.includes(w));
    expect(missing).toEqual([]);
  });

  it('counts words and reading time', () => {
    // Every word of the source once: without its date line and the two headlines moved out of the body.
    expect(article.wordCount).toBe(446);
    expect(article.readingMinutes).toBe(Math.ceil(article.wordCount / 230));
  });
});

describe('the word count', () => {
  it('counts every word of the body once: across paragraphs, list items, hard breaks and embedded posts', () => {
    expect(ok('s.txt', 'date 2024-01-01\n\nOne two three\n\nFour five six\n\nSeven eight').wordCount).toBe(8);
    expect(ok('s.md', '---\ntitle: T\ndate: 2024-01-01\n---\n# One two\n\nThree four\\\nfive\n\n- six\n- seven\n\n> eight').wordCount).toBe(8);
    // An inline tag is markup; an HTML block's words are words, as the page shows them (no script, no style sheet).
    expect(ok('s.md', '---\ntitle: T\ndate: 2024-01-01\n---\nOne <b>two</b>\n\n<div>three four</div>\n\n<script>alert("x")</script>\n\n<style>p { color: red }</style>').wordCount).toBe(4);
    // 3 + the post's text (3), its picture link (pic.twitter.com, AbCd12), author, handle and date (6): each once.
    expect(ok('s.txt', 'date 2024-01-02\n\nAlpha beta gamma.\n\nDelta epsilon zeta pic.twitter.com/AbCd12 — Jane Doe (@jane) January 1, 2024').wordCount).toBe(14);
  });
});

describe('raw text is never read as Markdown', () => {
  it('keeps #, *, >, 1., [a](b) and <b> as literal, escaped text', () => {
    const article = ok('s.txt', 'date 2024-01-01\n# Not a heading\n\n* not a list\n\n> not a quote\n\n1. not a list\n\nA [link](http://x.y) and <b>bold</b> & _this_.');
    expect(article.bodyHtml).toBe(
      '<p># Not a heading</p>\n<p>* not a list</p>\n<p>> not a quote</p>\n<p>1. not a list</p>\n<p>A [link](http://x.y) and &#x3C;b>bold&#x3C;/b> &#x26; _this_.</p>\n',
    );
  });
});

describe('front matter on a .txt file overrides what is derived', () => {
  it('takes title, tags, slug and date from front matter', () => {
    const article = ok('s.txt', '---\ntitle: Given Title\ndate: 2024-05-06\ntags: [kataib hezbollah, Local]\nslug: my-slug\n---\nSome text about Iraq.');
    expect(article).toMatchObject({ title: 'Given Title', titleDerived: false, date: '2024-05-06', slugBase: 'my-slug' });
    expect(article.tagNames).toEqual(["Kata'ib Hezbollah", 'Local', 'Iraq']);
  });
});

const strict = await loadParseContext({ Iraq: [], Iran: [], Paris: [], "Kata'ib Hezbollah": ['Kataib Hezbollah', 'Kataeb Hezbollah'] }, false, 2);

describe('a taxonomy mention threshold', () => {
  const tags = (file: string, text: string): readonly string[] => {
    const result = parseSeed({ path: file, bytes: new TextEncoder().encode(text) }, strict);
    if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
    return result.article.tagNames;
  };

  it('tags only what the text mentions that often, alias spellings together', () => {
    expect(tags('s.txt', 'date 2024-01-01\nKataib Hezbollah said Iran, and Kataeb Hezbollah said Iraq.')).toEqual(["Kata'ib Hezbollah"]);
  });

  it('does not count the lead twice when the headline is derived from it', () => {
    expect(tags('s.txt', 'date 2024-01-01\nIran said no.\n\nNothing more.')).toEqual([]);
  });

  it('tags what the dateline or a written headline names', () => {
    expect(tags('s.txt', 'date 2024-01-01\nParis, March 3: Officials met.')).toEqual(['Paris']);
    expect(tags('s.md', '---\ntitle: Iran talks resume\ndate: 2024-01-01\n---\nOfficials met.')).toEqual(['Iran']);
  });

  it('reads a word that ends a block and one that starts the next as two words', () => {
    expect(tags('s.txt', 'date 2024-01-01\nThe talks were held in Iraq\n\nIran said little\n\nIran and Iraq')).toEqual(['Iraq', 'Iran']);
    expect(tags('s.md', '---\ndate: 2024-01-01\n---\n# Iraq\n\n- Iran\n- Iraq\n\n> Iran\n\nOne line\\\nIran')).toEqual(['Iraq', 'Iran']);
  });

  it('keeps every front-matter tag, however rarely the text names it', () => {
    expect(tags('s.md', '---\ndate: 2024-01-01\ntags: [iraq, Local]\n---\nIran, Iran and Iraq.')).toEqual(['Iraq', 'Local', 'Iran']);
  });
});

describe('an empty body', () => {
  it('says so at the line after the date, and names a dateline that is all the text there is', () => {
    const errors = (text: string) => {
      const result = parse('a.txt', text);
      return result.ok ? [] : result.errors.map((e) => e.format());
    };
    expect(errors('date 2024-01-01\n\n')).toEqual(['a.txt:2: empty body (hint: a seed needs some text after its date)']);
    expect(errors('date 2024-01-01\nBAGHDAD, Feb 8 (Reuters) -\n')).toEqual(['a.txt:2: empty body (hint: its only text is a dateline, "BAGHDAD, Feb 8 (Reuters)": the story goes after it)']);
  });
});

describe('front matter written as Hugo also writes it', () => {
  /** Every formatted error and warning for a seed. */
  const reported = (file: string, text: string) => {
    const result = parse(file, text);
    return [...(result.ok ? [] : result.errors), ...result.warnings].map((e) => e.format());
  };

  it("reads TOML between +++ lines (Hugo's own archetype): title, date as written whatever its offset, tags, draft; a [params] table is an unknown key at its line", () => {
    const text = '+++\ntitle = "Hugo post"\ndate = 2024-01-01T22:00:00-05:00\ndraft = false\ntags = ["Iraq", "Local"]\n[params]\n  subtitle = "x"\n+++\nIran said on Monday.\n';
    const result = parse('content/posts/hugo.md', text);
    if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
    expect(result.article).toMatchObject({ title: 'Hugo post', date: '2024-01-01', draft: false, tagNames: ['Iraq', 'Local', 'Iran'] });
    expect(result.warnings.map((w) => w.format())).toEqual([
      'content/posts/hugo.md:6: unknown front matter key "params" (ignored) (hint: known keys: title, date, updated, tags, slug, summary, author, source, draft, aliases, lang)',
    ]);
  });

  it('reads a JSON object opening the file, across lines or on one line, and the body after it', () => {
    const spread = ok('a.md', '{\n  "title": "Post",\n  "date": "2024-01-01",\n  "tags": ["Local"]\n}\n\nBody *text*.\n');
    expect(spread).toMatchObject({ title: 'Post', date: '2024-01-01', tagNames: ['Local'] });
    expect(spread.bodyHtml).toBe('<p>Body <em>text</em>.</p>\n');
    expect(ok('b.txt', '{"date": "2024-01-02", "author": "Ana Lima"}\nHarbour workers walked out.\n')).toMatchObject({ date: '2024-01-02', author: 'Ana Lima', title: 'Harbour workers walked out' });
  });

  it('reports TOML and JSON errors at their file lines, with the fix written in that form', () => {
    expect(reported('a.md', '+++\ntitle = 1984\ndate = 2024-01-01\n+++\nText.\n')).toEqual(['a.md:2: front matter title: expected a string (hint: write it in quotes (title = "…") so TOML reads it as text)']);
    expect(reported('a.md', '{\n  "date": "2024-01-01",\n  "draft": "no"\n}\nText.\n')).toEqual(['a.md:3: front matter draft: expected true or false']);
    expect(reported('a.md', '+++\ntitle = "T"\ndate = \n+++\nText.\n')).toEqual(['a.md:3: invalid TOML front matter: invalid value']);
    expect(reported('a.md', '+++\ndate = 2024-01-01\nText.\n')).toEqual(['a.md:1: front matter is not closed (hint: end it with a line of three pluses: +++)']);
  });

  it('leaves text that only starts like front matter as text', () => {
    expect(reported('a.md', '+++ is how it started.\n\nBody.\n')).toEqual(['a.md:1: missing date (hint: add date: YYYY-MM-DD to the front matter)']);
    expect(ok('a.txt', 'date 2024-01-01\n{braces} open this story.\n').title).toBe('{braces} open this story');
  });
});

describe('a Markdown paragraph of inline tags the sanitiser removes', () => {
  it('leaves no empty paragraph behind, in the body or in a quote', () => {
    expect(ok('a.md', '---\ndate: 2024-01-02\n---\nText.\n\n<a></a>\n\n> <span></span>\n\nMore.\n').bodyHtml).toBe('<p>Text.</p>\n<blockquote>\n</blockquote>\n<p>More.</p>\n');
    expect(ok('a.md', '---\ndate: 2024-01-02\n---\n# Head\n\n<b></b>\n\n- item\n').bodyHtml).toBe('<ul>\n<li>item</li>\n</ul>\n');
  });
});

describe("another generator's template syntax in a body", () => {
  it('is a warning in Markdown, the text published as written; raw text has no template syntax to warn about', () => {
    const result = parse('a.md', '---\ndate: 2024-01-02\n---\nA video:\n\n{{< youtube abc >}}\n');
    expect(result.ok && result.article.bodyHtml).toBe('<p>A video:</p>\n<p>{{&#x3C; youtube abc >}}</p>\n');
    expect(result.warnings.map((w) => w.format())).toEqual(['a.md:6: Hugo shortcode {{< youtube >}} is shown as text (hint: broadsheet runs no shortcodes or Liquid in a seed: write it as Markdown or HTML)']);
    expect(parse('a.txt', 'date 2024-01-02\n{{< youtube abc >}}\n').warnings).toEqual([]);
  });
});

describe('aliases, the old addresses of an article', () => {
  it("are read from aliases (Hugo) and redirect_from (Jekyll's plugin) as page paths, each once; the line is kept for clashes", () => {
    const draft = ok('a.md', '---\ndate: 2024-01-02\naliases: [/posts/old/, /2019/05/old.html]\nredirect_from: /posts/old\n---\nText.\n');
    expect([draft.aliases, draft.aliasesLine]).toEqual([['posts/old/', '2019/05/old.html'], 3]);
    expect(ok('a.md', '+++\ndate = 2024-01-02\nredirect_from = ["not%C3%ADcias/x"]\n+++\nText.\n')).toMatchObject({ aliases: ['notícias/x/'], aliasesLine: 3 });
    expect(ok('a.md', '---\ndate: 2024-01-02\n---\nText.\n')).not.toHaveProperty('aliases');
  });

  it("take in the address a post had in Hugo (url) or Jekyll (permalink): its old address", () => {
    expect(ok('a.md', '+++\ndate = 2024-01-02\nurl = "/2019/old-post/"\n+++\nText.\n')).toMatchObject({ aliases: ['2019/old-post/'], aliasesLine: 3 });
    expect(ok('a.md', '---\ndate: 2024-01-02\npermalink: /news/old.html\naliases: [/a/]\n---\nText.\n')).toMatchObject({ aliases: ['a/', 'news/old.html'], aliasesLine: 4 });
  });

  it('refused, are errors at their key line, every one at once', () => {
    expect(problems('a.md', '---\ndate: 2024-01-02\ntitle: T\naliases:\n  - ../../etc/passwd\n  - /tags/x/\n---\nText.\n')).toEqual([
      'a.md:4: alias ../../etc/passwd steps out of its folder with ".." (hint: an alias is an old address of the article on this site, such as /posts/old-title/ or /2019/05/old-title.html)',
      'a.md:4: alias /tags/x/ is inside /tags/, where broadsheet writes its own pages (hint: an alias is an old address of the article on this site, such as /posts/old-title/ or /2019/05/old-title.html)',
    ]);
  });
});

describe("an article's language", () => {
  it('is read from lang as a canonical language tag; an ill-formed one is an error at its line', () => {
    expect(ok('a.md', '---\ndate: 2024-01-02\nlang: pt-br\n---\nTexto.\n').lang).toBe('pt-BR');
    expect(ok('a.md', '---\ndate: 2024-01-02\n---\nText.\n')).not.toHaveProperty('lang');
    expect(problems('a.md', '---\ndate: 2024-01-02\nlang: french\n---\nText.\n')).toEqual(['a.md:3: front matter lang: expected a language tag such as fr or pt-BR']);
  });
});

describe('the date of an update', () => {
  it("is read from updated, Hugo's lastmod or modified, or Jekyll's last_modified_at, a timestamp as its written date", () => {
    expect(ok('a.md', '---\ndate: 2024-01-02\nupdated: 2024-01-05\n---\nText.\n').updated).toBe('2024-01-05');
    expect(ok('a.md', '+++\ndate = 2024-01-02T09:00:00Z\nlastmod = 2024-01-06T23:30:00-08:00\n+++\nText.\n').updated).toBe('2024-01-06');
    expect(ok('a.md', '---\ndate: 2024-01-02\nmodified: 2024-01-07\n---\nText.\n').updated).toBe('2024-01-07');
    expect(ok('a.md', '---\ndate: 2024-01-02\nlast_modified_at: 2024-01-08 10:00:00 +0100\n---\nText.\n').updated).toBe('2024-01-08');
    expect(ok('a.md', '---\ndate: 2024-01-02\nupdated: 2024-01-09\nlastmod: 2024-01-10\n---\nText.\n').updated).toBe('2024-01-09');
  });

  it('is read from an "Updated …" time stamp above a scraped story when front matter gives none, if it is after the date and one day only', () => {
    const stamped = (stamp: string, date = '2024-02-08') => ok('a.txt', `date ${date}\nBy Jane Doe\n${stamp}\n\nThe council voted on Tuesday.\n`).updated;
    expect(stamped('Published: 10:32 GMT, 8 February 2024 | Updated: 11:05 GMT, 9 February 2024')).toBe('2024-02-09');
    expect(stamped('Last updated Feb. 10, 2024 at 9:30 a.m. EST')).toBe('2024-02-10');
    expect(stamped('Updated: 11:05 GMT, 8 February 2024')).toBeUndefined();
    expect(stamped('Updated: 7 February 2024')).toBeUndefined();
    expect(stamped('Updated: 09/02/2024')).toBeUndefined();
    expect(stamped('Published: 9 February 2024')).toBeUndefined();
    expect(ok('a.md', '---\ndate: 2024-02-08\nupdated: 2024-03-01\n---\nUpdated: 9 February 2024\n\nThe council voted.\n').updated).toBe('2024-03-01');
    expect(ok('a.md', '---\ndate: 2024-02-08\nupdated: 2024-02-08\n---\nUpdated: 9 February 2024\n\nThe council voted.\n')).not.toHaveProperty('updated');
    expect(ok('a.txt', 'date 2024-02-08\nThe council voted on Tuesday.\n\nUpdated: 9 February 2024\n').updated).toBeUndefined();
  });

  it('on the day of the article is no update', () => {
    expect(ok('a.md', '---\ndate: 2024-01-02\nupdated: 2024-01-02T18:00:00Z\n---\nText.\n')).not.toHaveProperty('updated');
  });

  it('is an error at its line when it is no calendar date, or comes before the article', () => {
    expect(problems('a.md', '---\ndate: 2024-01-02\nlastmod: 2024-02-30\n---\nText.\n')).toEqual(['a.md:3: invalid date 2024-02-30 (hint: February 2024 has 29 days)']);
    expect(problems('a.md', '---\ntitle: T\ndate: 2024-01-02\nupdated: 2023-12-31\n---\nText.\n')).toEqual([
      "a.md:4: updated 2023-12-31 is before the article's date 2024-01-02 (hint: an update comes on or after the date the article was published)",
    ]);
  });
});

describe('a seed without a date whose file name starts with one, as Jekyll names posts', () => {
  it("takes the file name's date, as Jekyll does, in Markdown and raw text", () => {
    expect(ok('_posts/2024-01-15-budget-vote.md', '---\ntitle: Budget vote\n---\nText.\n').date).toBe('2024-01-15');
    expect(ok('2024-01-15_budget.txt', 'The council voted on Monday.\n').date).toBe('2024-01-15');
  });

  it('gives way to a date the seed writes itself', () => {
    expect(ok('2024-01-15-budget-vote.md', '---\ndate: 2024-03-01\n---\nText.\n').date).toBe('2024-03-01');
    expect(ok('2024-01-15-budget.txt', 'date 2024-03-02\nText.\n').date).toBe('2024-03-02');
  });

  it("is an error when the file name's date is no calendar date, saying so", () => {
    expect(problems('2024-02-30-x.md', '---\ntitle: X\n---\nText.\n')).toEqual(["2024-02-30-x.md:1: missing date (hint: add date: YYYY-MM-DD to the front matter; the file name's 2024-02-30 is no calendar date)"]);
    expect(problems('20240115-x.md', '---\ntitle: X\n---\nText.\n')).toEqual(['20240115-x.md:1: missing date (hint: add date: YYYY-MM-DD to the front matter)']);
  });
});

describe('a Markdown body that opens with a level-1 heading and has no front-matter title', () => {
  it('takes the heading as its headline and out of the body, so the page has one <h1>; the slug and the taxonomy read it as a headline', () => {
    const article = ok('a.md', '---\ndate: 2024-01-01\n---\n# Paris Council *Approves* Budget\n\nThe council voted on Tuesday. It passed 7-2.\n');
    expect(article).toMatchObject({ title: 'Paris Council Approves Budget', titleDerived: false, slugBase: 'paris-council-approves-budget', summary: 'The council voted on Tuesday. It passed 7-2.' });
    expect(article.bodyHtml).toBe('<p>The council voted on Tuesday. It passed 7-2.</p>\n');
    // Named once, in the heading: tagged under a threshold of two mentions, as a front-matter title's entries are.
    const tagged = parseSeed({ path: 'a.md', bytes: new TextEncoder().encode('---\ndate: 2024-01-01\n---\n# Paris Council Approves Budget\n\nThe council voted on Tuesday.\n') }, strict);
    expect(tagged.ok && tagged.article.tagNames).toEqual(['Paris']);
  });

  it('leaves the heading in the body under a front-matter title, a level-2 heading, a heading without a word, and raw text', () => {
    expect(ok('a.md', '---\ndate: 2024-01-01\ntitle: Given\n---\n# Heading\n\nText here.\n').bodyHtml).toBe('<h1>Heading</h1>\n<p>Text here.</p>\n');
    expect(ok('a.md', '---\ndate: 2024-01-01\n---\n## Section\n\nText here.\n')).toMatchObject({ title: 'Text here', bodyHtml: '<h2>Section</h2>\n<p>Text here.</p>\n' });
    expect(ok('a.md', '---\ndate: 2024-01-01\n---\n# ---\n\nText here.\n').title).toBe('Text here');
    expect(ok('a.txt', 'date 2024-01-01\n\n# Not a heading\n\nText here.\n').title).toBe('# Not a heading');
  });
});
