import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiquid, renderTemplate } from '../../src/render/liquid.js';

describe("a template's date filter", () => {
  it("names months and weekdays in the site's language, never the machine's locale", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-liquid-locale-'));
    await writeFile(path.join(dir, 'day.html'), '{{ day | date: "%B %A" }}');
    const day = { day: '2024-02-08T12:00:00Z' };
    expect(renderTemplate(createLiquid(dir, 'en'), 'day', day, dir)).toBe('February Thursday');
    expect(renderTemplate(createLiquid(dir, 'fr'), 'day', day, dir)).toBe('février jeudi');
    expect(renderTemplate(createLiquid(dir, 'de-DE'), 'day', day, dir)).toBe('Februar Donnerstag');
  });

  it('keeps the calendar day of a date whatever the machine\'s time zone (it reads dates in UTC)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-liquid-zone-'));
    await writeFile(path.join(dir, 'day.html'), '{{ day | date: "%Y-%m-%d %A" }}');
    const zone = process.env['TZ'];
    try {
      for (const tz of ['America/Adak', 'Pacific/Kiritimati', 'UTC']) {
        process.env['TZ'] = tz;
        expect(renderTemplate(createLiquid(dir, 'en'), 'day', { day: '2024-02-08' }, dir)).toBe('2024-02-08 Thursday');
      }
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });
});
