import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServeSeeds, type ServedSite } from '../support/served-site.js';

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServeSeeds({
    'harbour.md': '---\ntitle: Harbour reopens\ndate: 2024-01-02\naliases: [/posts/harbour-reopens/, /2019/05/old-harbour.html, /not%C3%ADcias/porto/]\n---\nThe harbour reopened on Tuesday.\n',
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("an article's old address, in Chromium", () => {
  it.each(['posts/harbour-reopens/', '2019/05/old-harbour.html', 'not%C3%ADcias/porto/'])('%s sends the reader on to the article, on the host the site is served from', async (alias) => {
    const page = await browser.newPage();
    await page.goto(`${site.root}${alias}`);
    await expect.poll(() => page.url()).toBe(`${site.root}2024/01/02/harbour-reopens/`);
    expect(await page.locator('h1').textContent()).toBe('Harbour reopens');
    await page.close();
  });
});
