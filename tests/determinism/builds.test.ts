import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { differences, snapshotDir, spawnCli } from '../support/spawn-cli.js';

const FIXTURE_SEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'basic', 'seeds');
let work: string;
let seeds: string;
let config: string;
let reference: Map<string, Buffer>;

/** Builds into a fresh folder and returns its snapshot. */
async function buildSnapshot(name: string, args: string[], env: Record<string, string> = {}, seedsDir = seeds) {
  const out = path.join(work, name);
  const r = await spawnCli(['build', '--seeds', seedsDir, '--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--cache-dir', path.join(work, `cache-${name}`), ...args], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return snapshotDir(out);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-determinism-'));
  // 400 raw-text articles (enough to start worker threads) plus the hand-written fixture seeds.
  const corpus = await writeCorpus({ count: 400, out: path.join(work, 'corpus'), format: 'txt', generator: 'builtin' });
  seeds = corpus.seedsDir;
  config = corpus.configFile;
  await cp(FIXTURE_SEEDS, path.join(seeds, 'fixture'), { recursive: true });
  reference = await buildSnapshot('reference', ['--no-cache'], { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
}, 180_000);

describe('two builds of the same input are byte-identical', () => {
  it('whatever the time zone, locale and worker count', async () => {
    const other = await buildSnapshot('kiritimati', ['--no-cache', '--workers', '0'], { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(differences(reference, other)).toEqual([]);
    const adak = await buildSnapshot('adak', ['--no-cache', '--workers', '1'], { TZ: 'America/Adak', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(differences(reference, adak)).toEqual([]);
  }, 120_000);

  it('whatever order the files were created in', async () => {
    const reversed = path.join(work, 'reversed-seeds');
    const files = (await readdir(seeds, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const e of files.reverse()) {
      const rel = path.relative(seeds, path.join(e.parentPath, e.name));
      await cp(path.join(seeds, rel), path.join(reversed, rel));
    }
    // Same paths relative to --seeds, so source paths (and slug order) are the same.
    const other = await buildSnapshot('reversed', ['--no-cache'], {}, reversed);
    expect(differences(reference, other)).toEqual([]);
  }, 120_000);

  it('cached and cold builds agree, and a rebuild with nothing changed is a no-op', async () => {
    const first = await buildSnapshot('cached', []);
    expect(differences(reference, first)).toEqual([]);
    const r = await spawnCli(['build', '--seeds', seeds, '--out', path.join(work, 'cached'), '--config', config, '--base-url', 'https://news.example.org/archive/', '--cache-dir', path.join(work, 'cache-cached')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^up to date: 4\d\d articles, .*nothing changed in [\d.]+ s → .*\/cached\/\n$/);
  }, 120_000);
});

describe('an incremental rebuild after editing one seed', () => {
  it('equals a cold build of the edited seeds and leaves unchanged files untouched (same mtime)', async () => {
    const edited = path.join(work, 'edited-seeds');
    await cp(seeds, edited, { recursive: true });
    const out = path.join(work, 'incremental');
    const args = ['--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--cache-dir', path.join(work, 'cache-incremental'), '--no-search'];
    expect((await spawnCli(['build', '--seeds', edited, ...args])).code).toBe(0);
    const before = new Map<string, number>();
    for (const rel of (await snapshotDir(out)).keys()) before.set(rel, (await stat(path.join(out, rel))).mtimeMs);
    await new Promise((r) => setTimeout(r, 20));
    await appendFile(path.join(edited, '000123.txt'), '\n\nA brand new closing paragraph about Zanzibar.\n');
    const r = await spawnCli(['build', '--seeds', edited, ...args]);
    expect(r.code).toBe(0);
    // The new paragraph names nothing in the taxonomy: the last build's site is taken up, one seed parsed.
    expect(r.stdout).toMatch(/ rewritten \(1 seed edited\) in /);
    const incremental = await snapshotDir(out);
    const cold = await buildSnapshot('edited-cold', ['--no-cache', '--no-search'], {}, edited);
    expect(differences(cold, incremental)).toEqual([]);
    const rewritten: string[] = [];
    for (const rel of incremental.keys()) if ((await stat(path.join(out, rel))).mtimeMs !== before.get(rel)) rewritten.push(rel);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThan(10);
    expect(rewritten.some((p) => p.endsWith('/index.html') && /^\d{4}\/\d{2}\/\d{2}\//.test(p))).toBe(true);
  }, 120_000);
});


describe('a cold build over the previous site (--no-cache into an existing folder)', () => {
  it('equals a cold build into a new folder, rewrites only the files whose bytes changed and deletes what the site no longer has', async () => {
    const edited = path.join(work, 'over-folder-seeds');
    await cp(seeds, edited, { recursive: true });
    const out = path.join(work, 'over-folder');
    const args = ['--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--no-cache', '--no-search'];
    expect((await spawnCli(['build', '--seeds', edited, ...args])).code).toBe(0);
    const first = await snapshotDir(out);
    const before = new Map<string, number>();
    for (const rel of first.keys()) before.set(rel, (await stat(path.join(out, rel))).mtimeMs);
    await new Promise((r) => setTimeout(r, 20));
    // One seed edited (a new paragraph), one deleted; a stray file in the output.
    await appendFile(path.join(edited, '000123.txt'), '\n\nA brand new closing paragraph about Zanzibar.\n');
    await rm(path.join(edited, '000200.txt'));
    await writeFile(path.join(out, 'stray.html'), 'not part of the site');
    const r = await spawnCli(['build', '--seeds', edited, ...args]);
    expect(r.code).toBe(0);
    const over = await snapshotDir(out);
    expect(differences(await buildSnapshot('over-folder-cold', ['--no-cache', '--no-search'], {}, edited), over)).toEqual([]);
    const rewritten: string[] = [];
    for (const rel of over.keys()) if ((await stat(path.join(out, rel))).mtimeMs !== before.get(rel)) rewritten.push(rel);
    // The edited page and the listings, feeds and sitemap that change with a deleted article, not the rest.
    expect(rewritten.length).toBeGreaterThan(1);
    expect(rewritten.length).toBeLessThan(over.size / 4);
    const deleted = [...first.keys()].filter((p) => !over.has(p));
    expect(over.has('stray.html')).toBe(false);
    // The deleted article's folder went with its page: no empty folder is left behind.
    expect(deleted.some((p) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p))).toBe(true);
    const folders = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isDirectory());
    for (const folder of folders) expect((await readdir(path.join(folder.parentPath, folder.name))).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('the search index after an edit', () => {
  it("re-indexes only the edited article's year: the other years' bundles keep their bytes and mtime, and the whole equals a cold build", async () => {
    const edited = path.join(work, 'search-seeds');
    await cp(seeds, edited, { recursive: true });
    const out = path.join(work, 'search-incremental');
    const args = ['--seeds', edited, '--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--cache-dir', path.join(work, 'cache-search')];
    expect((await spawnCli(['build', ...args])).code).toBe(0);
    const first = await snapshotDir(out);
    /** The search bundle a file belongs to: `pagefind/year-YYYY/` for an older year, `pagefind/` for the newest. */
    const bundleOf = (rel: string) => /^pagefind\/year-\d{4}\//.exec(rel)?.[0] ?? 'pagefind/';
    const bundles = new Set([...first.keys()].filter((p) => p.startsWith('pagefind/')).map(bundleOf));
    // The corpus spans several years: one bundle per year.
    expect(bundles.size).toBeGreaterThan(2);
    const before = new Map<string, number>();
    for (const rel of first.keys()) before.set(rel, (await stat(path.join(out, rel))).mtimeMs);
    await new Promise((r) => setTimeout(r, 20));
    await appendFile(path.join(edited, '000123.txt'), '\n\nA brand new closing paragraph about Zanzibar.\n');
    expect((await spawnCli(['build', ...args])).code).toBe(0);
    const incremental = await snapshotDir(out);
    expect(differences(await buildSnapshot('search-cold', ['--no-cache'], {}, edited), incremental)).toEqual([]);
    const rewritten: string[] = [];
    for (const rel of incremental.keys()) if ((await stat(path.join(out, rel))).mtimeMs !== before.get(rel)) rewritten.push(rel);
    const articlePages = rewritten.filter((p) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p));
    expect(articlePages).toHaveLength(1);
    const year = articlePages[0]!.slice(0, 4);
    const newestYear = [...first.keys()].filter((p) => /^\d{4}\//.test(p)).map((p) => p.slice(0, 4)).sort().at(-1);
    expect([...new Set(rewritten.filter((p) => p.startsWith('pagefind/')).map(bundleOf))]).toEqual([year === newestYear ? 'pagefind/' : `pagefind/year-${year}/`]);
    // An article moved to a year newer than all: that year's bundle becomes the main one and the
    // former newest moves to its own folder; still the same as a cold build.
    const text = await readFile(path.join(edited, '000124.txt'), 'utf8');
    await writeFile(path.join(edited, '000124.txt'), text.replace(/^(\s*date )\d{4}-\d{2}-\d{2}/, '$12099-01-02'));
    expect((await spawnCli(['build', ...args])).code).toBe(0);
    const moved = await snapshotDir(out);
    expect(differences(await buildSnapshot('search-cold-moved', ['--no-cache'], {}, edited), moved)).toEqual([]);
    expect(moved.has(`pagefind/year-${newestYear}/pagefind-entry.json`)).toBe(true);
  }, 180_000);
});

describe("an edit that keeps the site's shape takes up the last build's site", () => {
  it('and equals a cold build, edit after edit; an edit that changes the shape builds the site whole', async () => {
    const edited = path.join(work, 'shape-seeds');
    await cp(seeds, edited, { recursive: true });
    const out = path.join(work, 'shape');
    const args = ['--seeds', edited, '--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--cache-dir', path.join(work, 'cache-shape'), '--no-search'];
    expect((await spawnCli(['build', ...args])).code).toBe(0);
    const rewrite = async (name: string, change: (text: string) => string) => {
      const file = path.join(edited, name);
      await writeFile(file, change(await readFile(file, 'utf8')));
    };
    const rebuildMatchesCold = async (step: string) => {
      const r = await spawnCli(['build', ...args]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const coldOut = path.join(work, `shape-cold-${step}`);
      const coldRun = await spawnCli(['build', ...args.map((a) => (a === out ? coldOut : a)), '--no-cache']);
      expect(coldRun.code).toBe(0);
      expect(differences(await snapshotDir(coldOut), await snapshotDir(out))).toEqual([]);
      // Kept pages are only counted (no search index, no progress bar), yet the summary counts them all.
      const counts = (stdout: string) => /\d+ articles, \d+ tags, \d+ pages/.exec(stdout)?.[0];
      expect(counts(r.stdout)).toBeDefined();
      expect(counts(r.stdout)).toBe(counts(coldRun.stdout));
      return r.stdout;
    };
    /** The text with a word added after its last "the" (far from the lead sentence the title comes from). */
    const addWord = (t: string) => `${t.slice(0, t.lastIndexOf(' the '))} the edited${t.slice(t.lastIndexOf(' the ') + 4)}`;
    // A word near the end of one body: its page, and the pages listing it, change.
    await rewrite('000200.txt', addWord);
    expect(await rebuildMatchesCold('word')).toMatch(/ \(1 seed edited\) in /);
    // Two seeds at once, one of them the newest article (on the front page, in the feeds, a neighbour of others).
    const newest = (await readdir(edited)).filter((n) => n.endsWith('.txt')).sort().at(-1)!;
    await rewrite(newest, (t) => `${t}\n\nA closing paragraph.\n`);
    await rewrite('000017.txt', (t) => t.replace(/\./, '!'));
    expect(await rebuildMatchesCold('two')).toMatch(/ \(2 seeds edited\) in /);
    // A new date moves the article: the site is built whole (and still equals a cold build).
    await rewrite('000200.txt', (t) => t.replace(/^(\s*date )\d{4}-\d{2}-\d{2}/, '$11999-12-31'));
    const whole = await rebuildMatchesCold('date');
    expect(whole).not.toMatch(/edited/);
    expect(whole).toMatch(/ rewritten in /);
    // And the site snapshot written by that full build is taken up by the next edit.
    await rewrite('000201.txt', addWord);
    expect(await rebuildMatchesCold('after-whole')).toMatch(/ \(1 seed edited\) in /);
  }, 180_000);
});

describe("a site with warnings and skipped seeds is taken up too", () => {
  it('showing the same warnings and skips as a full build, and a build without --skip-invalid still fails', async () => {
    const edited = path.join(work, 'problem-seeds');
    await cp(seeds, edited, { recursive: true });
    await writeFile(path.join(edited, 'warned.md'), '---\ntitle: A warned article\ndate: 2024-05-06\nlayout: wire\n---\n\nA body about the harbour.\n');
    await writeFile(path.join(edited, 'broken.txt'), 'date 2024-02-30\n\nAn impossible day.\n');
    const out = path.join(work, 'problems');
    const common = ['--seeds', edited, '--config', config, '--base-url', 'https://news.example.org/archive/', '--no-search'];
    const args = [...common, '--out', out, '--cache-dir', path.join(work, 'cache-problems'), '--skip-invalid'];
    const first = await spawnCli(['build', ...args], { CI: '' });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^warning: .*warned\.md:4: unknown front matter key "layout"/m);
    expect(first.stderr).toMatch(/^skipped: .*broken\.txt:1:\d+: invalid date 2024-02-30/m);
    const step = async (name: string) => {
      const r = await spawnCli(['build', ...args], { CI: '' });
      const cold = await spawnCli(['build', ...common, '--out', path.join(work, `problems-cold-${name}`), '--no-cache', '--skip-invalid'], { CI: '' });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(cold.stderr);
      expect(differences(await snapshotDir(path.join(work, `problems-cold-${name}`)), await snapshotDir(out))).toEqual([]);
      return r.stdout;
    };
    // Nothing changed, but a build with warnings is never "up to date": the site is taken up, nothing parsed.
    expect(await step('same')).toMatch(/\(0 seeds edited\)/);
    const file = path.join(edited, '000300.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text.slice(0, text.lastIndexOf(' the '))} the edited${text.slice(text.lastIndexOf(' the ') + 4)}`);
    expect(await step('edit')).toMatch(/\(1 seed edited\)/);
    // The warned seed edited: its new warning is shown, it is not put in the drafts pack.
    await writeFile(path.join(edited, 'warned.md'), '---\ntitle: A warned article\ndate: 2024-05-06\nlayout: wire\n---\n\nA body about the harbour, edited.\n');
    expect(await step('warned')).toMatch(/\(1 seed edited\)/);
    const strict = await spawnCli(['build', ...common, '--out', out, '--cache-dir', path.join(work, 'cache-problems')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/broken\.txt:1:\d+: invalid date 2024-02-30/);
  }, 180_000);
});
