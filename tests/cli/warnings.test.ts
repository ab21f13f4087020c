import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/spawn-cli.js';

/** A site folder with two seeds, each with a front-matter key broadsheet does not know. */
async function siteWithWarnings(): Promise<string> {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-warnings-'));
  await mkdir(path.join(cwd, 'seeds'));
  await writeFile(path.join(cwd, 'seeds', 'a.md'), '---\ntitle: A\ndate: 2024-01-02\ncolour: red\n---\nBody text.\n');
  await writeFile(path.join(cwd, 'seeds', 'b.md'), '---\ntitle: B\ndate: 2024-01-03\nmood: calm\n---\nMore text.\n');
  await writeFile(path.join(cwd, 'site.config.json'), '{}\n');
  return cwd;
}

const WARNING = 'warning: seeds/a.md:4: unknown front matter key "colour" (ignored)';

describe('warnings', () => {
  it('are listed on stderr and counted in the summary line', async () => {
    const cwd = await siteWithWarnings();
    const r = await spawnCli(['build', '--no-search'], { CI: '' }, cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(WARNING);
    expect(r.stdout).toMatch(/^built 2 articles, 0 tags, \d+ pages, 2 warnings in [\d.]+ s → dist\/\n$/);
  });

  it('left out by CI=true or --quiet are still counted in the summary, for build and check alike', async () => {
    const cwd = await siteWithWarnings();
    const ci = await spawnCli(['build', '--no-search'], { CI: 'true' }, cwd);
    expect([ci.code, ci.stderr]).toEqual([0, '']);
    expect(ci.stdout).toMatch(/, 2 warnings/);
    const quiet = await spawnCli(['check', '--quiet'], { CI: '' }, cwd);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    expect(quiet.stdout).toMatch(/^checked 2 articles, 0 tags: no errors, 2 warnings in [\d.]+ s\n$/);
  });

  it('of the same kind in many seeds are listed for three and counted for the rest; the summary counts them all', async () => {
    const cwd = await siteWithWarnings();
    for (const name of ['c', 'd', 'e', 'f']) await writeFile(path.join(cwd, 'seeds', `${name}.md`), `---\ndate: 2024-01-04\ncolour: ${name}\n---\nText ${name}.\n`);
    const r = await spawnCli(['build', '--no-search'], { CI: '' }, cwd);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').map((line) => line.replace(/ \(hint: .*$/, ''))).toEqual([
      'warning: seeds/a.md:4: unknown front matter key "colour" (ignored)',
      'warning: seeds/b.md:4: unknown front matter key "mood" (ignored)',
      'warning: seeds/c.md:3: unknown front matter key "colour" (ignored)',
      'warning: seeds/d.md:3: unknown front matter key "colour" (ignored)',
      'warning: the same for 2 more seeds: unknown front matter key "colour" (ignored)',
      '',
    ]);
    expect(r.stdout).toMatch(/, 6 warnings in /);
  });
});
