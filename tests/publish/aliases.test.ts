import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { inProcessBuildOptions } from '../support/build-options.js';
import { differences, snapshotDir } from '../support/spawn-cli.js';

const HARBOUR = '---\ntitle: Harbour reopens\ndate: 2024-01-02\naliases: [/posts/harbour-reopens/, /2019/05/old-harbour.html]\n---\nThe harbour reopened on Tuesday.\n';
const FEES = '+++\ntitle = "Harbour fees rise"\ndate = 2024-02-01\nredirect_from = ["/news/fees/"]\n+++\nFees at the harbour rose.\n';

/** A site folder with `seeds` (file name → text) and a config with a base path; its in-process build options. */
async function siteOf(seeds: Readonly<Record<string, string>>) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-aliases-'));
  const seedsDir = path.join(work, 'seeds');
  await mkdir(seedsDir);
  for (const [name, text] of Object.entries(seeds)) await writeFile(path.join(seedsDir, name), text);
  await writeFile(path.join(work, 'site.config.json'), '{"baseUrl": "https://news.example.org/archive/"}\n');
  return { seedsDir, options: inProcessBuildOptions(work, seedsDir, path.join(work, 'site.config.json')) };
}

describe('an article with aliases', () => {
  it('gets a redirect page at each old address, sending readers on and search engines to the article, out of the sitemap', async () => {
    const { options } = await siteOf({ 'a.md': HARBOUR, 'b.md': FEES });
    await build(options);
    const site = await snapshotDir(options.outDir);
    const redirect = site.get('posts/harbour-reopens/index.html')!.toString();
    expect(redirect).toContain('<link rel="canonical" href="https://news.example.org/archive/2024/01/02/harbour-reopens/">');
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/archive/2024/01/02/harbour-reopens/">');
    expect(redirect).toContain('<p><a href="/archive/2024/01/02/harbour-reopens/">https://news.example.org/archive/2024/01/02/harbour-reopens/</a></p>');
    expect(site.get('2019/05/old-harbour.html')!.toString()).toBe(redirect);
    expect(site.get('news/fees/index.html')!.toString()).toContain('url=/archive/2024/02/01/harbour-fees-rise/');
    expect(site.get('sitemap.xml')!.toString()).not.toMatch(/posts|old-harbour|news\/fees/);
  });

  it("written as the article's own address (a Hugo url that already was it) is no clash, and no redirect page", async () => {
    const { options } = await siteOf({ 'a.md': HARBOUR.replace('aliases: [/posts/harbour-reopens/, /2019/05/old-harbour.html]', 'url: /2024/01/02/harbour-reopens/') });
    await build(options);
    const site = await snapshotDir(options.outDir);
    expect(site.get('2024/01/02/harbour-reopens/index.html')!.toString()).toContain('<h1 class="headline"');
  });

  it('edited to other aliases, loses the old redirect pages and gets the new ones, as a cold build of the edit; an edit of its text leaves them as they were', async () => {
    const { seedsDir, options } = await siteOf({ 'a.md': HARBOUR, 'b.md': FEES });
    await build(options);
    const before = await stat(path.join(options.outDir, 'news/fees/index.html'));
    await writeFile(path.join(seedsDir, 'b.md'), FEES.replace('Fees at the harbour rose.', 'Fees at the harbour rose again.'));
    await build(options);
    expect((await stat(path.join(options.outDir, 'news/fees/index.html'))).mtimeMs).toBe(before.mtimeMs);
    const edited = HARBOUR.replace('aliases: [/posts/harbour-reopens/, /2019/05/old-harbour.html]', 'aliases: /posts/reopened/');
    await writeFile(path.join(seedsDir, 'a.md'), edited);
    await build(options);
    const cold = await siteOf({ 'a.md': edited, 'b.md': FEES.replace('Fees at the harbour rose.', 'Fees at the harbour rose again.') });
    await build({ ...cold.options, cacheDir: undefined });
    const [incremental, fresh] = [await snapshotDir(options.outDir), await snapshotDir(cold.options.outDir)];
    expect(differences(incremental, fresh)).toEqual([]);
    expect([...incremental.keys()].filter((f) => /posts|old-harbour|news/.test(f)).sort()).toEqual(['news/fees/index.html', 'posts/reopened/index.html']);
  });
});
