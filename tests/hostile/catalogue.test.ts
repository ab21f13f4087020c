import { cp, mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotDir, spawnCli } from '../support/spawn-cli.js';
import { strictXml } from '../support/strict-xml.js';
import { unsafeContent } from './html-safety.js';

const HOSTILE = import.meta.dirname;
const INVALID = path.join(import.meta.dirname, '..', 'invalid');
const BASE = '/archive/';
const allowedScript = (src: string) => src === `${BASE}pagefind/pagefind-ui.js` || src === `${BASE}search.js`;
/** An alias's redirect page may send readers on to an article page of the site, nowhere else. */
const allowedRefresh = (url: string) => new RegExp(`^${BASE}\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$`).test(url);

let work: string;
let seeds: string;
let site: Map<string, Buffer>;
let buildOutput: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-hostile-'));
  seeds = path.join(work, 'seeds');
  await cp(path.join(HOSTILE, 'seeds'), seeds, { recursive: true });
  // A very large article (about 5 MB) builds like any other.
  const paragraph = 'The council met again on Tuesday to discuss the harbour, and members said more talks were needed. ';
  await writeFile(path.join(seeds, 'huge.txt'), `date 2024-05-08\n${Array.from({ length: 2600 }, () => paragraph.repeat(20)).join('\n\n')}\n`);
  buildOutput = await spawnCli(['build', '--seeds', seeds, '--out', path.join(work, 'dist'), '--config', path.join(HOSTILE, 'site.config.json'), '--no-cache']);
  site = await snapshotDir(path.join(work, 'dist'));
}, 120_000);

describe('the hostile catalogue builds safely', () => {
  it('builds every hostile seed (an unknown front-matter key is only a warning)', () => {
    expect(buildOutput.code).toBe(0);
    expect(buildOutput.stderr).toBe('');
    expect(buildOutput.stdout).toMatch(/^built 13 articles, /);
  });

  it('no page contains executable content: no script but JSON-LD and the search UI, no on* attributes, no javascript: URLs, no iframes', () => {
    const problems: string[] = [];
    for (const [file, bytes] of site) {
      if (!file.endsWith('.html')) continue;
      for (const p of unsafeContent(bytes.toString('utf8'), allowedScript, allowedRefresh)) problems.push(`${file}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('every feed and sitemap is well-formed XML to a strict parser', () => {
    const problems: string[] = [];
    for (const [file, bytes] of site) {
      if (!file.endsWith('.xml')) continue;
      try {
        strictXml(bytes.toString('utf8'));
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('drops the control characters YAML escapes write into front matter: none in any page, feed or sitemap, the words kept', () => {
    const withControls = [...site].filter(([file, bytes]) => /\.(html|xml|json)$/.test(file) && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.test(bytes.toString('utf8')));
    expect(withControls.map(([file]) => file)).toEqual([]);
    const page = [...site].find(([f]) => f.startsWith('2024/05/09/'))![1].toString();
    expect(page).toContain('Bell, escape [31m and NUL written by YAML escapes');
    expect(page).toContain('R&amp;D &lt;Labs&gt;');
    const feed = strictXml(site.get('feed.xml')!.toString());
    const entry = feed.children.find((e) => e.name === 'entry' && e.children.some((c) => c.name === 'title' && c.text.startsWith('Bell')))!;
    expect(entry.children.filter((c) => c.name === 'category').map((c) => c.attributes['term'])).toEqual(['AT&T', 'R&D <Labs>']);
  });

  it('shows hostile text as text: the title, tags, author and dateline are escaped, not dropped', () => {
    const article = [...site].find(([f, b]) => /^2024\/05\/01\//.test(f) && b.toString().includes('<h1'))!;
    const html = article[1].toString();
    expect(html).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &#34;quotes&#34;');
    expect(html).toContain('By &#34;&gt;&lt;svg onload=alert(&#39;author&#39;)&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;tag&#39;)&gt;');
  });

  it('reads TOML and JSON front matter as safely as YAML: escaped, control characters dropped, the date as written, no key from __proto__', () => {
    const toml = [...site].find(([f, b]) => /^2024\/05\/10\/[a-z0-9-]+\/index\.html$/.test(f) && b.toString().includes('<h1'))![1].toString();
    expect(toml).toContain('&lt;script&gt;alert(&#39;toml-title&#39;)&lt;/script&gt;  Bell from TOML');
    expect(toml).toContain('By &#34;&gt;&lt;svg onload=alert(&#39;toml-author&#39;)&gt;');
    expect(toml).not.toContain('params');
    const json = [...site].find(([f, b]) => /^2024\/05\/11\/[a-z0-9-]+\/index\.html$/.test(f) && b.toString().includes('<h1'))![1].toString();
    expect(json).toContain('&lt;/script&gt;&lt;script&gt;alert(&#39;json-title&#39;)&lt;/script&gt; [31m red from JSON');
    expect(json).toContain('By &lt;svg onload=alert(&#39;json-author&#39;)&gt;');
  });

  it("writes an alias's redirect page at the old address as given, the address never in the page, only the article's", () => {
    const redirects = [`<img src=x onerror=alert('alias')>/index.html`, 'old story/index.html', `"><script>alert('alias2')< script>/index.html`, 'nível/index.html', '2019/05/03/old-slug.html'];
    for (const file of redirects) {
      const html = site.get(file)?.toString();
      expect([file, html?.match(/url=(\S+)"/)?.[1]]).toEqual([file, `${BASE}2024/05/12/old-addresses-of-every-shape/`]);
      expect(html).not.toMatch(/alert|old story|nível|old-slug/);
    }
  });

  it('keeps every output path inside the output folder, with slugs made of [a-z0-9-] only', () => {
    for (const file of site.keys()) {
      expect(file.split('/').every((part) => part !== '..' && part !== '')).toBe(true);
    }
    expect([...site.keys()].filter((f) => f.startsWith('2024/05/01/'))).toEqual(['2024/05/01/etc-passwd/index.html']);
    const tagDirs = [...new Set([...site.keys()].filter((f) => f.startsWith('tags/') && f.endsWith('/index.html') && f.split('/').length === 3).map((f) => f.split('/')[1]))].sort();
    for (const slug of tagDirs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(tagDirs).toEqual(expect.arrayContaining(['c', 'c-plus-plus', 'escape', 'iraq', 'b-onmouseover-alert-taxonomy-evil-tag-b']));
  });

  it('gives two same-day articles with one headline two stable slugs', () => {
    expect([...site.keys()].filter((f) => f.startsWith('2024/05/05/')).sort()).toEqual(['2024/05/05/same-headline-2/index.html', '2024/05/05/same-headline/index.html']);
    expect(site.get('2024/05/05/same-headline/index.html')!.toString()).toContain('First of two.');
  });

  it('reads a BOM and CRLF file like any other', () => {
    const page = [...site].find(([f]) => f.startsWith('2024/05/06/'))!;
    expect(page[0]).toBe('2024/05/06/a-file-with-a-bom-and-crlf-line-ends/index.html');
    expect(page[1].toString()).toContain('<p>Second paragraph.</p>');
  });

  it('publishes every word of a 5 MB article', () => {
    const page = [...site].find(([f]) => f.startsWith('2024/05/08/'))!;
    const html = page[1].toString();
    const body = html.slice(html.indexOf('<div class="body"'), html.indexOf('</article>'));
    expect(body.split('The council met again on Tuesday').length - 1).toBe(2600 * 20);
  });
});

describe('a strict build over hostile and invalid seeds', () => {
  let mixed: string;
  beforeAll(async () => {
    mixed = path.join(work, 'mixed');
    await cp(path.join(HOSTILE, 'seeds'), mixed, { recursive: true });
    for (const name of await readdir(INVALID)) await cp(path.join(INVALID, name, 'seeds'), path.join(mixed, 'invalid', name), { recursive: true });
    await symlink('/etc/hostname', path.join(mixed, 'outside-link.txt'));
    await mkdir(path.join(work, 'previous'), { recursive: true });
    await writeFile(path.join(work, 'previous', 'index.html'), 'the previous site');
  });

  it('exits 1, names every invalid file, and leaves the existing output folder exactly as it was', async () => {
    const r = await spawnCli(['build', '--seeds', mixed, '--out', path.join(work, 'previous'), '--config', path.join(HOSTILE, 'site.config.json')]);
    expect(r.code).toBe(1);
    const named = new Set(r.stderr.split('\n').filter((l) => l.includes(': ')).map((l) => path.basename(l.split(':')[0]!)));
    expect([...named].sort()).toEqual(['a-empty.txt', 'alias-b.md', 'alias-c.md', 'b-binary.txt', 'bad.txt', 'broken.md', 'c-month.txt', 'deep-lists.md', 'deep-quotes.md', 'e-empty-body.txt', 'hugo.md', 'json.md', 'latin1.txt', 'nodate.txt', 'outside-link.txt', 'types.md', 'x.md']);
    expect(r.stderr).toContain(`${path.join(mixed, 'outside-link.txt')}:1: symbolic link points outside the seeds folder (hint: copy the file into the seeds folder instead)`);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('18 errors; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect([...(await snapshotDir(path.join(work, 'previous')))]).toEqual([['index.html', Buffer.from('the previous site')]]);
  });

  it('with --skip-invalid publishes the valid seeds, lists each skipped one, and still has no executable content', async () => {
    const out = path.join(work, 'skipped');
    const r = await spawnCli(['build', '--seeds', mixed, '--out', out, '--config', path.join(HOSTILE, 'site.config.json'), '--skip-invalid', '--no-cache'], { CI: '' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('skipped: '))).toHaveLength(18);
    // 18 problems in 17 seeds: the summary counts seeds (the first of two seeds with one alias is published).
    expect(r.stdout).toMatch(/^built 14 articles, .*, 17 seeds skipped[, ]/);
    for (const [file, bytes] of await snapshotDir(out)) {
      if (file.endsWith('.html')) expect([file, unsafeContent(bytes.toString(), allowedScript, allowedRefresh)]).toEqual([file, []]);
    }
  });
});

