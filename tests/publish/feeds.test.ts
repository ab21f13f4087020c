import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { seedSiteFiles } from './seed-site.js';

const files = await seedSiteFiles();
const ARTICLE_URL = 'https://news.example.org/archive/2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/';

describe('the Atom feeds, read by a real feed parser', () => {
  it('the site feed lists the article at its absolute URL, with the newest article date as updated (not the build clock)', () => {
    const xml = files.get('feed.xml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Broadsheet');
    expect(feed.self).toBe('https://news.example.org/archive/feed.xml');
    expect(feed.url).toBe('https://news.example.org/archive/');
    expect(feed.updated?.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(feed.authors.map((a) => a.name)).toEqual(['Broadsheet']);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.url).toBe(ARTICLE_URL);
    expect(item!.id).toBe(ARTICLE_URL);
    expect(item!.title).toMatch(/^The US central command \(CENTCOM\) has said/);
    expect(item!.published?.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(item!.content).toContain('CENTCOM said in a statement.');
    expect(item!.categories.map((c) => c.label ?? c.term)).toEqual(expect.arrayContaining(['Iraq', 'Baghdad', "Kata'ib Hezbollah"]));
  });

  it('every tag has its own valid feed with absolute links and the tag in its title', () => {
    const tagFeeds = [...files.keys()].filter((f) => /^tags\/[^/]+\/feed\.xml$/.test(f));
    expect(tagFeeds.length).toBeGreaterThanOrEqual(9);
    for (const path of tagFeeds) {
      const feed = parseFeed(files.get(path)!);
      expect(feed.self).toBe(`https://news.example.org/archive/${path}`);
      expect(feed.items.map((i) => i.url)).toEqual([ARTICLE_URL]);
      expect(feed.items[0]!.description).toBeTruthy();
    }
    expect(parseFeed(files.get('tags/kataib-hezbollah/feed.xml')!).title).toBe("Broadsheet: Kata'ib Hezbollah");
  });
});
