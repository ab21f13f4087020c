import { BodyReader } from '../../src/cache/body-store.js';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CardReader, CardWriter } from '../../src/render/card-store.js';
import { FeedEntries, renderSiteFeed, renderTagFeed, renderTagFeedJob, tagFeedJob } from '../../src/render/feeds.js';
import type { Site, TagEntry } from '../../src/site/site.js';
import { BASE_URL, fixtureModel, renderFiles, seedSiteFiles } from './seed-site.js';
import { childrenNamed, strictXml } from '../support/strict-xml.js';

const seedFiles = await seedSiteFiles();
const fixture = await fixtureModel();
const fixtureFiles = renderFiles(fixture);
const ARTICLE_URL = `${BASE_URL}2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/`;
const ATOM_NS = 'http://www.w3.org/2005/Atom';

type Attrs = Record<string, string>;
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: Attrs[];
  author?: { name: string }[];
  category?: Attrs[];
}
interface AtomFeed {
  '@xmlns': string;
  id: string;
  title: string;
  updated: string;
  author?: { name: string }[];
  link: Attrs[];
  entry?: AtomEntry[];
}

/** The Atom document as plain data, attributes as `@name`, repeatable elements always arrays. */
function atom(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  // fast-xml-parser's validator lets `&` and `<` in attribute values pass; a strict parser does not.
  expect(strictXml(xml).name).toBe('feed');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name) });
  return parser.parse(xml).feed as AtomFeed;
}

const isAbsolute = (url: string) => url.startsWith(BASE_URL);
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The RFC 4287 MUSTs a reader relies on: feed id/title/updated/author/self link; entry id/title/updated/link. */
function expectRfc4287(xml: string, selfUrl: string): AtomFeed {
  const feed = atom(xml);
  expect(feed['@xmlns']).toBe(ATOM_NS);
  expect(isAbsolute(feed.id)).toBe(true);
  expect(String(feed.title).length).toBeGreaterThan(0);
  expect(feed.updated).toMatch(isoDate);
  expect(feed.author?.[0]?.name).toBeTruthy();
  expect(feed.link.filter((l) => l['@rel'] === 'self').map((l) => l['@href'])).toEqual([selfUrl]);
  expect(feed.link.filter((l) => l['@rel'] === 'alternate').every((l) => isAbsolute(l['@href']!))).toBe(true);
  for (const entry of feed.entry ?? []) {
    expect(isAbsolute(entry.id)).toBe(true);
    expect(String(entry.title).length).toBeGreaterThan(0);
    expect(entry.updated).toMatch(isoDate);
    // A link without rel is rel="alternate": the article page.
    expect(entry.link.filter((l) => (l['@rel'] ?? 'alternate') === 'alternate').map((l) => l['@href'])).toEqual([entry.id]);
  }
  return feed;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the Atom feeds of the seed site, read by a real feed parser', () => {
  it('the site feed lists the article at its absolute URL, with the newest article date as updated (not the build clock)', () => {
    const xml = seedFiles.get('feed.xml')!;
    expectRfc4287(xml, `${BASE_URL}feed.xml`);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Broadsheet');
    expect(feed.self).toBe(`${BASE_URL}feed.xml`);
    expect(feed.url).toBe(BASE_URL);
    expect(feed.updated?.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(feed.authors.map((a) => a.name)).toEqual(['Broadsheet']);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.url).toBe(ARTICLE_URL);
    expect(item!.id).toBe(ARTICLE_URL);
    expect(item!.title).toMatch(/^The US central command \(CENTCOM\) has said/);
    expect(item!.published?.toISOString()).toBe('2024-02-08T00:00:00.000Z');
    expect(item!.content).toContain('CENTCOM said in a statement.');
    expect(item!.content).toContain('Washington, February 8');
    expect(item!.categories.map((c) => c.label ?? c.term)).toEqual(expect.arrayContaining(['Iraq', 'Baghdad', "Kata'ib Hezbollah"]));
    for (const c of item!.categories) expect(c.url).toMatch(new RegExp(`^${BASE_URL}tags/[a-z0-9-]+/$`));
  });

  it('every tag has its own valid feed with absolute links and the tag in its title', () => {
    const tagFeeds = [...seedFiles.keys()].filter((f) => /^tags\/[^/]+\/feed\.xml$/.test(f));
    expect(tagFeeds.length).toBeGreaterThanOrEqual(9);
    for (const path of tagFeeds) {
      expectRfc4287(seedFiles.get(path)!, `${BASE_URL}${path}`);
      const feed = parseFeed(seedFiles.get(path)!);
      expect(feed.self).toBe(`${BASE_URL}${path}`);
      expect(feed.url).toBe(`${BASE_URL}${path.replace(/feed\.xml$/, '')}`);
      expect(feed.items.map((i) => i.url)).toEqual([ARTICLE_URL]);
      expect(feed.items[0]!.description).toBeTruthy();
    }
    expect(parseFeed(seedFiles.get('tags/kataib-hezbollah/feed.xml')!).title).toBe("Broadsheet: Kata'ib Hezbollah");
  });
});

describe('the Atom feeds of the fixture site (several days, tags, an author)', () => {
  it("lists the articles newest first, each entry's updated its article's update else its date, the feed's the latest of them, each with its own tags as categories", () => {
    const xml = fixtureFiles.get('feed.xml')!;
    expectRfc4287(xml, `${BASE_URL}feed.xml`);
    const feed = parseFeed(xml);
    // The fixture's Markdown article (2024-03-14) was updated on 2024-03-20, after the newest article's date (2024-03-15).
    expect(feed.updated?.toISOString()).toBe('2024-03-20T00:00:00.000Z');
    expect(feed.items.map((i) => i.url)).toEqual(fixture.articles.map((a) => `${BASE_URL}${a.date.replaceAll('-', '/')}/${a.slug}/`));
    expect(feed.items.map((i) => i.url)).not.toContainEqual(expect.stringMatching(/unpublished-draft/));
    for (const [i, article] of fixture.articles.entries()) {
      const item = feed.items[i]!;
      expect(item.updated?.toISOString()).toBe(`${article.updated ?? article.date}T00:00:00.000Z`);
      expect(item.published?.toISOString()).toBe(`${article.date}T00:00:00.000Z`);
      expect(item.categories.map((c) => c.term)).toEqual(article.tags.map((t) => t.name));
    }
  });

  it('names an article author when known, else the publisher', () => {
    const items = parseFeed(fixtureFiles.get('feed.xml')!).items;
    const byAuthor = items.find((i) => i.url!.includes('inside-sao-paulos-night-markets'));
    expect(byAuthor!.authors.map((a) => a.name)).toEqual(['Ana Lima']);
    expect(items.find((i) => i.url!.includes('storm-hits-coast'))!.authors.map((a) => a.name)).toEqual(['Fixture Media']);
  });

  it('a tag feed holds exactly the articles of its tag', () => {
    for (const tag of fixture.tags) {
      const feed = parseFeed(fixtureFiles.get(`tags/${tag.slug}/feed.xml`)!);
      expect(feed.items.map((i) => i.url)).toEqual(tag.articles.map((a) => `${BASE_URL}${a.date.replaceAll('-', '/')}/${a.slug}/`));
      const latest = tag.articles.map((a) => a.updated ?? a.date).sort().at(-1)!;
      expect(feed.updated?.toISOString()).toBe(`${latest}T00:00:00.000Z`);
    }
  });

  it('names a tag like "AT&T <R&D>" in well-formed XML that a feed reader reads back (an unescaped & in an attribute made every such feed unreadable)', () => {
    const tag = fixture.tags[0]!;
    const name = 'AT&T <R&D> "Labs"';
    const renamed = { ...tag, name, articles: tag.articles.map((a) => ({ ...a, tags: a.tags.map((t) => (t.slug === tag.slug ? { ...t, name } : t)) })) };
    const xml = String(renderTagFeed(fixture, renamed).bytes);
    expectRfc4287(xml, `${BASE_URL}tags/${tag.slug}/feed.xml`);
    const feed = parseFeed(xml);
    expect(feed.title).toBe(`${fixture.config.title}: ${name}`);
    for (const item of feed.items) expect(item.categories.map((c) => c.term)).toContain(name);
  });

  it('is well-formed XML whose tag names, titles, summaries and author a strict parser reads back exactly, whatever their text (control characters never reach it)', () => {
    const tag = fixture.tags[0]!;
    const markup = fc.constantFrom('&', '&amp;', '&lt;', '&#34;', '<', '>', '"', "'", ']]>', '<![CDATA[', '\t', '\n', ' ');
    const xmlText = fc
      .array(fc.oneof(markup, fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|\r/g, '') || 'x');
    fc.assert(
      fc.property(xmlText, xmlText, xmlText, xmlText, (name, title, summary, author) => {
        const articles = tag.articles.slice(0, 1).map((a) => ({ ...a, title, summary, author, tags: [{ ...tag, name }] }));
        const feed = strictXml(String(renderTagFeed(fixture, { ...tag, name, articles }).bytes));
        const [entry] = childrenNamed(feed, 'entry');
        expect(childrenNamed(entry!, 'category').map((c) => c.attributes['term'])).toEqual([name]);
        expect(childrenNamed(feed, 'title')[0]!.text).toBe(`${fixture.config.title}: ${name}`);
        // Titles and summaries are HTML (type="html"): escaped once, then carried in CDATA.
        expect(childrenNamed(entry!, 'title')[0]!.text).toBe(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
        expect(childrenNamed(entry!, 'summary')[0]!.text).toBe(summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
        expect(childrenNamed(childrenNamed(entry!, 'author')[0]!, 'name')[0]!.text).toBe(author);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the newest feedSize articles', () => {
    const feed = parseFeed(String(renderSiteFeed({ ...fixture, config: { ...fixture.config, feedSize: 2 } }, new BodyReader('')).bytes));
    expect(feed.items.map((i) => i.title)).toEqual(fixture.articles.slice(0, 2).map((a) => a.title));
  });

  it('is the same bytes whatever the clock says', () => {
    const before = String(renderSiteFeed(fixture, new BodyReader('')).bytes) + String(renderTagFeed(fixture, fixture.tags[0]!).bytes);
    vi.useFakeTimers({ now: new Date('2031-07-04T12:00:00Z') });
    expect(String(renderSiteFeed(fixture, new BodyReader('')).bytes) + String(renderTagFeed(fixture, fixture.tags[0]!).bytes)).toBe(before);
  });
});

describe('a tag feed made in a render worker, from card refs', () => {
  /** Any UTF-16 unit: front matter escapes can give a field lone surrogates. */
  const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  /** Text that looks like the Atom around an entry, where a feed is cut to splice entries. */
  const markup = fc
    .array(fc.oneof(fc.constantFrom('\n    <entry>', '\n    </entry>', '\n</feed>', ']]>', '<![CDATA['), fc.string({ maxLength: 5 })), { maxLength: 4 })
    .map((parts) => parts.join(''));
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit, maxLength: 40 }), markup);
  const article = fc.record(
    {
      date: fc.constantFrom('2024-02-29', '1999-12-31', '2026-01-01'),
      slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      title: text,
      dateline: text,
      summary: text,
      author: text,
      tags: fc.array(fc.record({ name: text, slug: fc.stringMatching(/^[a-z0-9-]{1,12}$/) }), { maxLength: 9 }),
    },
    { requiredKeys: ['date', 'slug', 'title', 'summary', 'tags'] },
  );

  it('has the bytes of the same feed made from the articles themselves (any text, Atom markup included, an author or not, more tags than a card shows, entries shared with earlier feeds)', () => {
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(text, fc.array(fc.nat(), { maxLength: 6 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (pool, picks, feedSize) => {
          const site = { ...fixture, config: { ...fixture.config, feedSize } } as Site;
          const cards = new CardWriter('/archive/');
          const entries = new FeedEntries();
          picks.forEach(([name, pick], i) => {
            // Each tag lists some of the pool's articles, once each, so the feeds share entries.
            const articles = [...new Set(pick.map((n) => pool[n % pool.length]!))];
            const tag = { name, slug: `oslo-${i}`, articles } as unknown as TagEntry;
            const fromCards = renderTagFeedJob(tagFeedJob(site, tag, cards), new CardReader(cards.handle()), entries);
            expect(fromCards.path).toBe(`tags/oslo-${i}/feed.xml`);
            expect(Buffer.from(fromCards.bytes)).toEqual(Buffer.from(renderTagFeed(site, tag).bytes));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes an entry an earlier feed of the pass wrote without reading its card again, not even for the feed\'s `updated`', () => {
    const site = { ...fixture, config: { ...fixture.config, feedSize: 50 } } as Site;
    const articles = fixture.articles;
    const cards = new CardWriter('/archive/');
    const entries = new FeedEntries();
    const first = tagFeedJob(site, { name: 'First', slug: 'first', articles } as unknown as TagEntry, cards);
    const second = tagFeedJob(site, { name: 'Second', slug: 'second', articles } as unknown as TagEntry, cards);
    const reader = new CardReader(cards.handle());
    const read = vi.spyOn(reader, 'fields');
    renderTagFeedJob(first, reader, entries);
    expect(read).toHaveBeenCalledTimes(articles.length);
    read.mockClear();
    const xml = String(renderTagFeedJob(second, reader, entries).bytes);
    expect(read).toHaveBeenCalledTimes(0);
    expect(xml).toBe(String(renderTagFeed(site, { name: 'Second', slug: 'second', articles } as unknown as TagEntry).bytes));
    expect(xml.match(/<entry>/g)).toHaveLength(articles.length);
  });
});
