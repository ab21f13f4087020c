import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { inProcessBuildOptions } from '../support/build-options.js';
import { snapshotDir } from '../support/spawn-cli.js';

describe("an article in another language than the site's", () => {
  it('is marked lang on its <article> and in its JSON-LD; one in the site\'s language, or with none, is not marked', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-lang-'));
    const seeds = path.join(work, 'seeds');
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'fr.md'), '---\ntitle: Le port rouvre\ndate: 2024-01-02\nlang: fr\n---\nLe port a rouvert mardi.\n');
    await writeFile(path.join(seeds, 'en.md'), '---\ntitle: Harbour reopens\ndate: 2024-01-03\nlang: EN-gb\n---\nThe harbour reopened.\n');
    await writeFile(path.join(seeds, 'none.md'), '---\ntitle: Fees rise\ndate: 2024-01-04\n---\nFees rose.\n');
    await writeFile(path.join(work, 'site.config.json'), '{"language": "en-GB"}\n');
    const options = inProcessBuildOptions(work, seeds, path.join(work, 'site.config.json'));
    await build(options);
    const site = await snapshotDir(options.outDir);
    const page = (slug: string, date: string) => site.get(`2024/01/${date}/${slug}/index.html`)!.toString();
    const inLanguage = (html: string) => (JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!) as { inLanguage: string }).inLanguage;
    const fr = page('le-port-rouvre', '02');
    expect(fr).toContain('<html lang="en-GB">');
    expect(fr).toContain('<article class="article" lang="fr" data-pagefind-body>');
    expect(inLanguage(fr)).toBe('fr');
    for (const html of [page('harbour-reopens', '03'), page('fees-rise', '04')]) {
      expect(html).toContain('<article class="article" data-pagefind-body>');
      expect(inLanguage(html)).toBe('en-GB');
    }
  });
});
