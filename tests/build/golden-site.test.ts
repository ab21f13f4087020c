import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../src/build.js';
import { loadSite } from '../../src/load-site.js';
import { renderSite } from '../../src/render/site-files.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
const EXPECTED = path.join(FIXTURE, 'expected');
const ROOT = path.join(import.meta.dirname, '..', '..');

/** Build options for the fixture site, rendered in memory (no output folder). */
export const fixtureOptions: BuildOptions = {
  seedsDir: path.join(FIXTURE, 'seeds'),
  outDir: '/nonexistent',
  configFile: path.join(FIXTURE, 'site.config.json'),
  configRequired: true,
  templatesDir: path.join(ROOT, 'templates'),
  publicDir: path.join(ROOT, 'public'),
  skipInvalid: false,
};

/** Every file under `dir`, relative and sorted. */
async function listExpected(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await listExpected(dir, r)));
    else files.push(r);
  }
  return files.sort();
}

describe('the fixture site, built in memory', async () => {
  const { site } = await loadSite(fixtureOptions);
  const files = [...renderSite(site, fixtureOptions.templatesDir)];

  it('writes exactly the committed set of files', async () => {
    expect(files.map((f) => f.path).sort()).toEqual(await listExpected(EXPECTED));
  });

  it.each(files.map((f) => [f.path, f] as const))('%s matches its golden file', async (filePath, file) => {
    await expect(String(file.bytes)).toMatchFileSnapshot(path.join(EXPECTED, filePath));
  });
});
