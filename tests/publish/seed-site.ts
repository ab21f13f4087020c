import path from 'node:path';
import { loadSite, renderSite } from '../../src/build.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The shipped seed site rendered in memory with the base URL of issue 3, by output path. */
export async function seedSiteFiles(): Promise<Map<string, string>> {
  const { site } = await loadSite({
    seedsDir: path.join(ROOT, 'seeds'),
    outDir: '/nonexistent',
    configFile: path.join(ROOT, 'site.config.json'),
    configRequired: true,
    templatesDir: path.join(ROOT, 'templates'),
    publicDir: path.join(ROOT, 'public'),
    baseUrl: 'https://news.example.org/archive/',
    skipInvalid: false,
  });
  return new Map([...renderSite(site, path.join(ROOT, 'templates'))].map((f) => [f.path, String(f.bytes)]));
}

/** The seed article's page path. */
export const SEED_ARTICLE = '2024/02/08/the-us-central-command-centcom-has-said-that-it-killed-a-a/index.html';
