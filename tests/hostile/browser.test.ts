import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { buildAndServe, type ServedSite } from '../support/served-site.js';
import { snapshotDir } from '../support/spawn-cli.js';

const HOSTILE = import.meta.dirname;
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe(path.join(HOSTILE, 'seeds'), path.join(HOSTILE, 'site.config.json'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the hostile catalogue in Chromium', () => {
  it('never opens a dialog, never runs injected script and never leaves the site, on any page (redirects followed), even with the pointer over every link, image and block', async () => {
    const pages = [...(await snapshotDir(site.out)).keys()].filter((f) => f.endsWith('.html')).map((f) => f.replace(/index\.html$/, ''));
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    const offSite: string[] = [];
    for (const rel of pages) {
      // An alias's redirect page sends the browser on to its article as it loads.
      await page.goto(site.root + rel).catch(async (error: Error) => {
        if (!/interrupted by another navigation/.test(error.message)) throw error;
        await page.waitForLoadState();
      });
      if (!page.url().startsWith(site.root)) offSite.push(`${rel} → ${page.url()}`);
      for (const el of await page.locator('main a, main img, main div').all()) await el.hover({ timeout: 500 }).catch(() => undefined);
    }
    expect(offSite).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
