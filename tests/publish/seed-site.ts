import path from 'node:path';
import { loadSite } from '../../src/load-site.js';
import { renderSite } from '../../src/render/site-files.js';
import type { Site } from '../../src/site/site.js';

const ROOT = path.join(import.meta.dirname, '..', '..');
/** The base URL of issue 3: the site is published under a sub-path. */
export const BASE_URL = 'https://news.example.org/archive/';

/** Loads the site model of a seeds folder with its config, built for {@link BASE_URL}. */
export async function loadModel(seedsDir: string, configFile: string): Promise<Site> {
  const { site } = await loadSite({
    seedsDir,
    outDir: '/nonexistent',
    configFile,
    configRequired: true,
    templatesDir: path.join(ROOT, 'templates'),
    publicDir: path.join(ROOT, 'public'),
    baseUrl: BASE_URL,
    skipInvalid: false,
  });
  return site;
}

/** Every output file of a site model rendered in memory (no search index), by output path. */
export function renderFiles(site: Site): Map<string, string> {
  return new Map([...renderSite(site, path.join(ROOT, 'templates'))].map((f) => [f.path, String(f.bytes)]));
}

/** The shipped seed site rendered in memory with the base URL of issue 3, by output path. */
export async function seedSiteFiles(): Promise<Map<string, string>> {
  return renderFiles(await loadModel(path.join(ROOT, 'seeds'), path.join(ROOT, 'site.config.json')));
}

/** The fixture site (tests/fixtures/basic: eight seeds, one draft, two days, Markdown with an author). */
export function fixtureModel(): Promise<Site> {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'basic');
  return loadModel(path.join(dir, 'seeds'), path.join(dir, 'site.config.json'));
}

/** The seed article's page path. */
export const SEED_ARTICLE = '2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/index.html';
