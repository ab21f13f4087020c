import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { inProcessBuildOptions } from '../support/build-options.js';
import { differences, snapshotDir } from '../support/spawn-cli.js';
import { strictXml, type XmlElement } from '../support/strict-xml.js';

const UPDATED = '---\ntitle: Harbour reopens\ndate: 2024-01-02\nupdated: 2024-03-01\ntags: [Harbour]\n---\nThe harbour reopened on Tuesday.\n';
const PLAIN = '---\ntitle: Harbour fees rise\ndate: 2024-02-01\ntags: [Harbour]\n---\nFees at the harbour rose.\n';

/** A site folder with the two seeds and a config; its build options. */
async function siteOf(updated: string): Promise<{ work: string; seeds: string; options: ReturnType<typeof inProcessBuildOptions> }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-updated-'));
  const seeds = path.join(work, 'seeds');
  await mkdir(seeds);
  await writeFile(path.join(seeds, 'a.md'), updated);
  await writeFile(path.join(seeds, 'b.md'), PLAIN);
  await writeFile(path.join(work, 'site.config.json'), '{"baseUrl": "https://news.example.org/"}\n');
  return { work, seeds, options: inProcessBuildOptions(work, seeds, path.join(work, 'site.config.json')) };
}

/** The child elements named `name`. */
const children = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
/** The text of the first child named `name`. */
const textOf = (element: XmlElement, name: string) => children(element, name)[0]?.text;

let site: Map<string, Buffer>;
beforeAll(async () => {
  const { options } = await siteOf(UPDATED);
  await build(options);
  site = await snapshotDir(options.outDir);
});

describe('an article updated after its date', () => {
  it('says so under its headline, in its metadata and in its JSON-LD; an article never updated does not', () => {
    const page = site.get('2024/01/02/harbour-reopens/index.html')!.toString();
    expect(page).toContain('<time datetime="2024-01-02" data-pagefind-sort="date">January 2, 2024</time> · <span class="updated">Updated <time datetime="2024-03-01">March 1, 2024</time></span>');
    expect(page).toContain('<meta property="article:modified_time" content="2024-03-01">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>;
    expect([jsonLd['datePublished'], jsonLd['dateModified']]).toEqual(['2024-01-02', '2024-03-01']);
    const plain = site.get('2024/02/01/harbour-fees-rise/index.html')!.toString();
    expect(plain).not.toContain('Updated');
    expect(plain).not.toContain('modified_time');
  });

  it("is its feed entries' updated (published stays its date), and the feeds' updated is their latest entry's", () => {
    for (const file of ['feed.xml', 'tags/harbour/feed.xml']) {
      const feed = strictXml(site.get(file)!.toString());
      expect(textOf(feed, 'updated')).toBe('2024-03-01T00:00:00.000Z');
      const entries = children(feed, 'entry').map((e) => [textOf(e, 'title'), textOf(e, 'published'), textOf(e, 'updated')]);
      expect(entries).toEqual([
        ['Harbour fees rise', '2024-02-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
        ['Harbour reopens', '2024-01-02T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
      ]);
    }
  });

  it("is its page's lastmod in the sitemap", () => {
    const sitemap = site.get('sitemap.xml')!.toString();
    expect(sitemap).toContain('<url><loc>https://news.example.org/2024/01/02/harbour-reopens/</loc><lastmod>2024-03-01</lastmod></url>');
    expect(sitemap).toContain('<url><loc>https://news.example.org/2024/02/01/harbour-fees-rise/</loc><lastmod>2024-02-01</lastmod></url>');
  });

  it('changed in an edit, reaches its page, the feeds and the sitemap as in a cold build', async () => {
    const edited = await siteOf(UPDATED);
    await build(edited.options);
    await writeFile(path.join(edited.seeds, 'a.md'), UPDATED.replace('updated: 2024-03-01', 'updated: 2024-04-15'));
    await build(edited.options);
    const cold = await siteOf(UPDATED.replace('updated: 2024-03-01', 'updated: 2024-04-15'));
    await build({ ...cold.options, cacheDir: undefined });
    const [incremental, fresh] = [await snapshotDir(edited.options.outDir), await snapshotDir(cold.options.outDir)];
    expect(differences(incremental, fresh)).toEqual([]);
    expect(incremental.get('sitemap.xml')!.toString()).toContain('<lastmod>2024-04-15</lastmod>');
    expect(incremental.get('tags/harbour/feed.xml')!.toString()).toContain('<updated>2024-04-15T00:00:00.000Z</updated>');
  });
});
