import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServe, type ServedSite } from '../support/served-site.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(path.join(ROOT, 'seeds'), path.join(ROOT, 'site.config.json'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Records every request a page makes and every failed request, error response, script error or dialog. */
function watch(page: Page): { requests: string[]; problems: string[] } {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { requests, problems };
}

describe('a reader in Chromium, on the seed site served under /archive/', () => {
  it('goes front page → article → tag → back to the article → month archive → search, and lands on the article', async () => {
    const page = await browser.newPage();
    const { requests, problems } = watch(page);
    await page.goto(site.root);
    await page.getByRole('link', { name: /The US central command \(CENTCOM\) has said/ }).first().click();
    await expect.poll(() => page.url()).toBe(`${site.root}2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('The US central command (CENTCOM) has said');
    expect(await page.locator('.article-header .meta time').textContent()).toBe('February 8, 2024');
    expect(await page.locator('.article-header .dateline').textContent()).toBe('Washington, February 8');
    expect(await page.locator('figure.social-post').count()).toBe(2);
    expect(await page.locator('.also li').allTextContents()).toHaveLength(2);

    await page.locator('.article-tags').getByRole('link', { name: "Kata'ib Hezbollah" }).click();
    await expect.poll(() => page.url()).toBe(`${site.root}tags/kataib-hezbollah/`);
    await page.getByRole('link', { name: /The US central command/ }).first().click();
    await page.locator('.kicker a').click();
    await expect.poll(() => page.url()).toBe(`${site.root}2024/02/`);
    expect(await page.locator('h1').textContent()).toBe('February 2024');

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toBe(`${site.root}search/`);
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('Hezbollah');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await expect.poll(() => page.url()).toBe(`${site.root}2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/`);
    expect(await page.locator('h1').textContent()).toContain('The US central command (CENTCOM) has said');
    // Every page, stylesheet, script, search index chunk and wasm file came from under /archive/, and all answered.
    expect(requests.filter((u) => !u.startsWith(site.root))).toEqual([]);
    expect(requests).toContain(`${site.root}style.css`);
    expect(requests.some((u) => u.startsWith(`${site.root}pagefind/wasm.`))).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);

  it('the served build carries what issue 3 promises: the feed entry, sitemap, robots, canonical, OpenGraph and NewsArticle JSON-LD at public URLs', async () => {
    const PUBLIC = 'https://news.example.org/archive/';
    const ARTICLE = '2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/';
    const feed = parseFeed(await (await fetch(`${site.root}feed.xml`)).text());
    expect(feed.items.map((i) => i.url)).toEqual([PUBLIC + ARTICLE]);
    expect(await (await fetch(`${site.root}sitemap.xml`)).text()).toContain(`<loc>${PUBLIC}${ARTICLE}</loc><lastmod>2024-02-08</lastmod>`);
    expect(await (await fetch(`${site.root}robots.txt`)).text()).toContain(`Sitemap: ${PUBLIC}sitemap.xml`);

    const page = await browser.newPage();
    await page.goto(site.root + ARTICLE);
    const head = await page.evaluate(`(() => {
      const meta = (p) => document.querySelector('meta[property="' + p + '"]')?.getAttribute('content');
      return {
        canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
        ogType: meta('og:type'),
        ogUrl: meta('og:url'),
        tags: [...document.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute('content')),
        ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
      };
    })()`) as { canonical: string; ogType: string; ogUrl: string; tags: string[]; ld: Record<string, unknown> };
    expect(head).toMatchObject({ canonical: PUBLIC + ARTICLE, ogType: 'article', ogUrl: PUBLIC + ARTICLE });
    expect(head.tags).toContain("Kata'ib Hezbollah");
    expect(head.ld).toMatchObject({ '@type': 'NewsArticle', dateline: 'Washington, February 8', datePublished: '2024-02-08', url: PUBLIC + ARTICLE, keywords: head.tags });
  }, 30_000);

  it('search offers filters by tag and year', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.root}search/`);
    await page.locator('.pagefind-ui__search-input').fill('strike');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    // The filter groups are drawn when their data arrives, which may be after the first result.
    await expect.poll(async () => (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((f) => f.trim().toLowerCase())).toEqual(expect.arrayContaining(['tag', 'year']));
  }, 60_000);

  it('answers an unknown address with the 404 page and a link home', async () => {
    const page = await browser.newPage();
    const { requests, problems } = watch(page);
    const response = await page.goto(`${site.root}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    // The 404 page is served at any depth: its stylesheet still loads (it is linked under /archive/, not relative).
    expect(requests).toContain(`${site.root}style.css`);
    expect(await page.locator('main').evaluate((m) => (globalThis as unknown as { getComputedStyle(e: unknown): { maxWidth: string } }).getComputedStyle(m).maxWidth)).not.toBe('none');
    expect(problems).toEqual([`404: ${site.root}no/such/page/`]);
    await page.getByRole('link', { name: 'Go to the front page' }).click();
    await expect.poll(() => page.url()).toBe(site.root);
  }, 30_000);
});
