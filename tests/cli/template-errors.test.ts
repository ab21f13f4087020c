import { cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { differences, snapshotDir, spawnCli } from '../support/spawn-cli.js';
import { runCli } from './run-cli.js';

const TEMPLATES = path.join(import.meta.dirname, '..', '..', 'templates');
const SEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'basic', 'seeds');

/** A copy of the shipped templates with the headline's output tag left unclosed on line 6 of article.html. */
async function brokenTemplates(dir: string): Promise<string> {
  const templates = path.join(dir, 'templates');
  await cp(TEMPLATES, templates, { recursive: true });
  const file = path.join(templates, 'article.html');
  const lines = (await readFile(file, 'utf8')).split('\n');
  expect(lines[5]).toContain('{{ article.title }}');
  lines[5] = lines[5]!.replace('{{ article.title }}', '{{ article.title ');
  await writeFile(file, lines.join('\n'));
  return templates;
}

describe('a broken template stops the build with one message naming file, line and column', () => {
  it('exits 2 and leaves the previous site as it was (in-process rendering)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const out = path.join(tmp, 'out');
    const args = ['build', '--seeds', SEEDS, '--out', out, '--no-search', '--cache-dir', path.join(tmp, 'cache')];
    expect((await runCli(args)).code).toBe(0);
    const before = await snapshotDir(out);
    const templates = await brokenTemplates(tmp);
    const r = await runCli([...args, '--templates', templates]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${path.relative(process.cwd(), path.join(templates, 'article.html'))}:6:83: template error: expected "|" before filter\n` });
    expect(differences(before, await snapshotDir(out))).toEqual([]);
  });

  it('names an undefined variable (templates are strict), without LiquidJS repeating the position', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    const file = path.join(templates, 'article.html');
    await writeFile(file, (await readFile(file, 'utf8')).replace('{{ article.title }}', '{{ article.titel }}'));
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--no-search', '--no-cache', '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\S*article\.html:6:67: template error: undefined variable: article\.titel\n$/);
  });

  it('names the partial and place once for an error in a card (a partial the card_html filter renders), not the list page too', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    const file = path.join(templates, 'partials', 'card.html');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('{{ card.title }}');
    await writeFile(file, text.replace('{{ card.title }}', '{{ card.title | no_such_filter }}'));
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--no-search', '--no-cache', '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\S*partials\/card\.html:2:62: template error: undefined filter: no_such_filter\n$/);
  });

  it('exits 2 with the same message, no stack trace, while render workers still have batches out', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    // 400 articles: enough pages that rendering goes to worker threads.
    const corpus = await writeCorpus({ count: 400, out: path.join(tmp, 'corpus'), format: 'txt', generator: 'builtin' });
    const out = path.join(tmp, 'out');
    const args = ['build', '--seeds', corpus.seedsDir, '--config', corpus.configFile, '--out', out, '--no-search', '--workers', '2', '--cache-dir', path.join(tmp, 'cache')];
    expect((await spawnCli(args)).code).toBe(0);
    const before = await snapshotDir(out);
    const templates = await brokenTemplates(tmp);
    const r = await spawnCli([...args, '--templates', templates], {}, tmp);
    expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: 'templates/article.html:6:83: template error: expected "|" before filter\n' });
    expect(differences(before, await snapshotDir(out))).toEqual([]);
  }, 120_000);
});

describe('a templates folder short of a template stops before anything is read, naming every file missing', () => {
  it('lists each missing page template with a hint, exit 2, for build and check alike', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    await rm(path.join(templates, 'article.html'));
    await rm(path.join(templates, 'tags.html'));
    const expected = [
      `${templates}/article.html: page template missing (hint: copy article.html from broadsheet's templates/ folder)`,
      `${templates}/tags.html: page template missing (hint: copy tags.html from broadsheet's templates/ folder)`,
    ].join('\n');
    const built = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--no-search', '--no-cache', '--templates', templates]);
    expect(built).toEqual({ code: 2, stdout: '', stderr: `${expected}\n` });
    const checked = await runCli(['check', '--seeds', SEEDS, '--templates', templates]);
    expect(checked).toEqual({ code: 2, stdout: '', stderr: `${expected}\n` });
  });

  it('names a templates folder that is not there, or not a folder', async () => {
    const r = await runCli(['build', '--seeds', SEEDS, '--out', '/nonexistent/out', '--templates', '/nonexistent/templates']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "/nonexistent/templates: templates folder not found (hint: pass --templates <dir>, or leave it out for broadsheet's own)\n" });
    const file = path.join(TEMPLATES, 'article.html');
    const notFolder = await runCli(['check', '--seeds', SEEDS, '--templates', file]);
    expect(notFolder).toEqual({ code: 2, stdout: '', stderr: `${file}: not a folder (hint: pass --templates <dir>, or leave it out for broadsheet's own)\n` });
  });

  it('names a page template that links to a file outside the folder (LiquidJS would not read it), before anything is read', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    await rename(path.join(templates, 'article.html'), path.join(tmp, 'article.html'));
    await symlink(path.join(tmp, 'article.html'), path.join(templates, 'article.html'));
    const r = await runCli(['check', '--seeds', SEEDS, '--templates', templates]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${templates}/article.html: page template links to ${tmp}/article.html, outside ${templates}: templates are read only from inside their folder (hint: copy the file into the folder instead of linking to it)\n` });
  });

  it('names a missing layout or partial at the tag that asks for it, with the file it looked for', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    await rm(path.join(templates, 'partials', 'head.html'));
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--no-search', '--no-cache', '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\S*layout\.html:4:1: template error: \S*\/partials\/head\.html: template missing \(hint: copy partials\/head\.html from broadsheet's templates\/ folder\)\n$/);
  });

  it('names the card partial when it is missing (the card_html filter asks for it by name)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-template-'));
    const templates = path.join(tmp, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    await rm(path.join(templates, 'partials', 'card.html'));
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--no-search', '--no-cache', '--templates', templates]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${templates}/partials/card.html: template missing (hint: copy partials/card.html from broadsheet's templates/ folder)\n` });
  });
});
