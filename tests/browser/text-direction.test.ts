import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServeSeeds, type ServedSite } from '../support/served-site.js';

/** The first characters of each article's text, as the checks below cut them. */
const AR = 'قال مسؤولون'.slice(0, 8);
const EN = 'Officials'.slice(0, 8);

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServeSeeds({
    'ar.txt': 'date 2024-02-08\n\nقال مسؤولون في بغداد يوم الخميس إن المحادثات ستستأنف الأسبوع المقبل. وأضافوا أن الوفدين اتفقا على جدول أعمال.\n\nOfficials declined to comment.\n',
    'en.txt': 'date 2024-02-07\n\nOfficials in Baghdad said on Wednesday that talks would resume. Both delegations agreed on an agenda.\n',
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('an Arabic article in an English archive, in Chromium', () => {
  it('is laid out right to left where its text is shown (headline, body, card title and summary), and English text stays left to right, an English paragraph in it too', async () => {
    const page = await browser.newPage();
    const direction = (selector: string) => page.$$eval(selector, (elements) => elements.map((e) => `${e.textContent!.trim().slice(0, 8)}: ${(globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(e).direction}`));
    await page.goto(site.root);
    expect(await direction('.card-title')).toEqual([`${AR}: rtl`, `${EN}: ltr`]);
    expect(await direction('.card .summary')).toEqual([`${AR}: rtl`, `${EN}: ltr`]);
    await page.click('.card-title a >> nth=0');
    expect(await direction('h1.headline')).toEqual([`${AR}: rtl`]);
    expect(await direction('.body p')).toEqual([`${AR}: rtl`, 'Official: rtl']);
    // Each paragraph is laid out in its own text's direction: the Arabic one from the right edge, the English one from the left.
    const edges = await page.$$eval('.body p', (paragraphs) =>
      paragraphs.map((p) => {
        const range = (globalThis as unknown as { document: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { left: number; right: number }[] } } }).document.createRange();
        range.selectNodeContents(p);
        const box = (p as unknown as { getBoundingClientRect(): { left: number; right: number } }).getBoundingClientRect();
        const first = range.getClientRects()[0]!;
        return { fromLeft: Math.round(first.left - box.left), fromRight: Math.round(box.right - first.right) };
      }),
    );
    expect(edges[0]!.fromRight).toBeLessThanOrEqual(1);
    expect(edges[1]!.fromLeft).toBeLessThanOrEqual(1);
    expect(edges[1]!.fromRight).toBeGreaterThan(50);
    expect(await direction('.prev-next a')).toEqual([`${EN}: ltr`]);
    await page.close();
  });
});
