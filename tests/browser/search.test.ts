import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServe, type ServedSite } from '../support/served-site.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(path.join(FIXTURE, 'seeds'), path.join(FIXTURE, 'site.config.json'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records every request it makes, every failed or non-2xx response and every script error. */
async function watchedPage(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { page, requests, problems };
}

/** Types a query into Pagefind's UI and waits for its result message ("N results for …" / "No results …"). */
async function search(page: Page, query: string): Promise<{ message: string; links: string[] }> {
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(query);
  const message = page.locator('.pagefind-ui__message');
  await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`results? for .*${query}`, 'i'));
  await expect.poll(async () => (await page.locator('.pagefind-ui__result').count()) === Number((await message.textContent())!.match(/^(\d+)/)?.[1] ?? 0), { timeout: 15_000 }).toBe(true);
  return { message: (await message.textContent())!.trim(), links: await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href)) };
}

const article = (rel: string) => `${site.root}2024/${rel}/`;

describe('Pagefind search on the fixture site served under /archive/', () => {
  it('finds articles by a word of their body, every result link lands on the article, and nothing is fetched outside /archive/', async () => {
    const { page, requests, problems } = await watchedPage();
    await page.goto(`${site.root}search/`);
    const { message, links } = await search(page, 'economy');
    expect(message).toBe('3 results for economy');
    expect(links.sort()).toEqual(
      [article('03/15/markets-rose-on-friday-as-investors-weighed-the-economy-with'), article('03/14/a-brief-note-about-c-plus-plus-and-the-economy-written-with'), article('03/14/inside-sao-paulos-night-markets-and-their-traders')].sort(),
    );
    await page.locator('.pagefind-ui__result-link', { hasText: 'Inside São Paulo' }).click();
    await expect.poll(() => page.url()).toBe(article('03/14/inside-sao-paulos-night-markets-and-their-traders'));
    expect(await page.locator('h1').textContent()).toBe("Inside São Paulo's <Night> Markets & Their Traders");
    expect(requests.filter((u) => !u.startsWith(site.root))).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${site.root}pagefind/`) && u.endsWith('.pf_fragment'))).toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);

  it('indexes article bodies only: words of the masthead, navigation and footer find nothing', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.root}search/`);
    // "golden": the site description; "Gazette": title and footer; "Skip": the skip link. Inside the
    // article, marked data-pagefind-ignore: "Tags" (the tag list's heading), "Source" (the source link's label).
    for (const word of ['golden', 'Gazette', 'Skip', 'Tags', 'Source']) expect((await search(page, word)).message).toBe(`No results for ${word}`);
    expect((await search(page, 'Beirut')).message).toBe('1 result for Beirut');
    expect(problems).toEqual([]);
  }, 60_000);

  it('filters by tag and year narrow the results', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.root}search/`);
    expect((await search(page, 'economy')).message).toBe('3 results for economy');
    const groups = page.locator('.pagefind-ui__filter-panel details');
    // Pagefind's UI draws each filter group when its filter data arrives, after the results message: wait for both.
    await expect.poll(async () => (await page.locator('.pagefind-ui__filter-name').allTextContents()).map((t) => t.trim().toLowerCase()).sort()).toEqual(['tag', 'year']);
    await groups.filter({ hasText: /tag/i }).locator('summary').click();
    await page.getByLabel(/^São Paulo/).check();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toBe('2 results for economy');
    await groups.filter({ hasText: /year/i }).locator('summary').click();
    await expect.poll(() => page.getByLabel(/^2024/).count()).toBe(1);
    expect(problems).toEqual([]);
  }, 60_000);

  it('runs the query of a ?q= link', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.root}search/?q=storm`);
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 15_000 }).toBe('2 results for storm');
    expect(problems).toEqual([]);
  }, 30_000);
});

describe('an archive spanning years: one search bundle per year, merged in the browser', () => {
  let years: ServedSite;
  beforeAll(async () => {
    const seeds = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-years-'));
    await cp(path.join(FIXTURE, 'seeds'), seeds, { recursive: true });
    await writeFile(path.join(seeds, 'old-harbour.md'), '---\ntitle: The old harbour economy\ndate: 2019-06-01\ntags: [Harbour]\n---\n\nThe economy of the old harbour was quiet that summer, the harbour master said.\n');
    years = await buildAndServe(seeds, path.join(FIXTURE, 'site.config.json'));
  }, 180_000);
  afterAll(async () => {
    await years?.close();
  });

  it('finds articles of every year, and the year filter lists and narrows to each', async () => {
    const { page, requests, problems } = await watchedPage();
    await page.goto(`${years.root}search/`);
    const { message, links } = await search(page, 'economy');
    expect(message).toBe('4 results for economy');
    expect(links).toContain(`${years.root}2019/06/01/the-old-harbour-economy/`);
    // The 2019 bundle is its own, fetched from its folder.
    expect(requests.some((u) => u.startsWith(`${years.root}pagefind/year-2019/`))).toBe(true);
    const groups = page.locator('.pagefind-ui__filter-panel details');
    await groups.filter({ hasText: /year/i }).locator('summary').click();
    await expect.poll(() => page.getByLabel(/^(2019|2024)/).count()).toBe(2);
    await page.getByLabel(/^2019/).check();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toBe('1 result for economy');
    expect(problems).toEqual([]);
  }, 60_000);
});
