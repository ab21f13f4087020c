import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServe, type ServedSite } from '../support/served-site.js';
import { snapshotDir } from '../support/spawn-cli.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
const ARTIFACTS = path.join(import.meta.dirname, '..', 'artifacts');
const PUBLIC_HOST = 'https://news.example.org/archive/';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: ServedSite;
let browser: Browser;
let files: Map<string, Buffer>;

beforeAll(async () => {
  site = await buildAndServe(path.join(FIXTURE, 'seeds'), path.join(FIXTURE, 'site.config.json'));
  files = await snapshotDir(site.out);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The internal links of a page or XML file, as absolute URLs on the local server. */
function linksOf(body: string, url: string, isXml: boolean): string[] {
  const raw = isXml
    ? [...body.matchAll(/<(?:loc|id)>([^<]+)<\/(?:loc|id)>|href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!)
    : [...body.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return raw
    .map((link) => (link.startsWith(PUBLIC_HOST) ? site.root + link.slice(PUBLIC_HOST.length) : link))
    .filter((link) => !/^(https?:)?\/\//.test(link) || link.startsWith(site.origin))
    .filter((link) => !link.startsWith('#') && !link.startsWith('mailto:'))
    .map((link) => new URL(link, url).href.replace(/#.*$/, ''));
}

describe('the fixture site served under /archive/', () => {
  it('has zero broken links: every page, feed, sitemap URL, stylesheet and script answers 200', async () => {
    const seen = new Set<string>([site.root]);
    const queue = [site.root, `${site.root}feed.xml`, `${site.root}sitemap.xml`, `${site.root}robots.txt`, `${site.root}404.html`];
    const broken: string[] = [];
    const outsideBase: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url} → ${response.status}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/html|xml/.test(type) && !url.endsWith('.xml')) continue;
      const body = await response.text();
      for (const link of linksOf(body, url, /xml/.test(type) || url.endsWith('.xml'))) {
        if (!link.startsWith(site.root)) outsideBase.push(`${url} → ${link}`);
        else if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(outsideBase).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
  }, 120_000);

  it('passes html-validate (recommended rules) on every page', async () => {
    // long-title (≤ 70 characters) is an SEO taste, off: a page title is the full headline, and headlines run longer.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const problems: string[] = [];
    for (const [file, bytes] of files) {
      if (!file.endsWith('.html')) continue;
      const report = await validator.validateString(bytes.toString('utf8'), file);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  const pageTypes = [
    ['front page', ''],
    ['article', '2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/'],
    ['markdown article', '2024/03/14/inside-sao-paulos-night-markets-and-their-traders/'],
    ['tag page', 'tags/iraq/'],
    ['tags index', 'tags/'],
    ['year archive', '2024/'],
    ['month archive', '2024/03/'],
    ['search', 'search/'],
    ['search results', 'search/?q=economy'],
    ['404', '404.html'],
  ] as const;

  /** Opens a page type and waits until it is complete (for search results: Pagefind has shown them). */
  async function open(page: Page, rel: string): Promise<void> {
    await page.goto(site.root + rel);
    if (rel.includes('?q=')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
  }

  it.each(['light', 'dark'] as const)('has no serious or critical axe-core violations on any page type (%s scheme)', async (scheme) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const violations: string[] = [];
    for (const [name, rel] of pageTypes) {
      await open(page, rel);
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate('axe.run()')) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') violations.push(`${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    await context.close();
    expect(violations).toEqual([]);
  }, 120_000);

  it('renders at phone and desktop widths without horizontal scrolling (screenshots in tests/artifacts/)', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const overflow: string[] = [];
    for (const [width, height, label] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      for (const [name, rel] of pageTypes.filter(([n]) => ['front page', 'article', 'tags index', 'search results'].includes(n))) {
        await open(page, rel);
        const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        if (scrollWidth > width) overflow.push(`${name} at ${width}px: ${scrollWidth}px wide`);
        await writeFile(path.join(ARTIFACTS, `${label}-${name.replace(/\s+/g, '-')}.png`), await page.screenshot({ fullPage: true }));
      }
      await page.close();
    }
    expect(overflow).toEqual([]);
  }, 120_000);
});
