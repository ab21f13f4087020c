import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServeSeeds, type ServedSite } from '../support/served-site.js';

/** A results table far wider than a phone: twelve columns of long names, their numbers aligned right. */
const WIDE_TABLE = [
  `| ${Array.from({ length: 12 }, (_, i) => `Constituency number ${i + 1}`).join(' | ')} |`,
  `|${'--:|'.repeat(12)}`,
  `| ${Array.from({ length: 12 }, (_, i) => `${(i + 1) * 1204}`).join(' | ')} |`,
].join('\n');

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServeSeeds({
    'results.md': `---\ntitle: Election results by constituency\ndate: 2024-11-06\n---\nThe count is complete.[^clerk]\n\n${WIDE_TABLE}\n\nTurnout was ~~low~~ high.\n\n[^clerk]: Figures from the county clerk.\n`,
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a Markdown article with a wide table and a footnote, in Chromium', () => {
  it('keeps a phone-wide page: the table scrolls sideways inside the body instead of widening the page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.root);
    await page.click('.card-title a');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const table = await page.$eval('.body table', (t) => ({ scroll: (t as unknown as { scrollWidth: number }).scrollWidth, client: (t as unknown as { clientWidth: number }).clientWidth }));
    expect(table.scroll).toBeGreaterThan(table.client);
    expect(await page.$$eval('.body th', (cells) => cells.length)).toBe(12);
    const align = await page.$eval('.body td', (cell) => (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string } }).getComputedStyle(cell).textAlign);
    expect(align).toBe('right');
    await page.close();
  });

  it('goes from a footnote reference to its note and back', async () => {
    const page = await browser.newPage();
    await page.goto(site.root);
    await page.click('.card-title a');
    await page.click('.body sup a');
    expect(await page.$eval(':target', (e) => e.textContent!.trim())).toMatch(/^Figures from the county clerk\./);
    await page.click(':target a[data-footnote-backref]');
    expect(await page.$eval(':target', (e) => e.textContent)).toBe('1');
    await page.close();
  });
});
