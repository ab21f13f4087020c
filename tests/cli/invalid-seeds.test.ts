import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './run-cli.js';

const INVALID = path.join(import.meta.dirname, '..', 'invalid');
const cases = (await readdir(INVALID)).sort();

describe('a build over invalid seeds', () => {
  it.each(cases)('%s: exits 1 with the exact expected messages and leaves the previous output untouched', async (name) => {
    const caseDir = path.join(INVALID, name);
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-invalid-'));
    const out = path.join(tmp, 'dist');
    await mkdir(out);
    await writeFile(path.join(out, 'index.html'), 'previous site');
    await writeFile(path.join(tmp, 'config.json'), '{}');
    const { code, stdout, stderr } = await runCli(['build', '--seeds', path.join(caseDir, 'seeds'), '--out', out, '--config', path.join(tmp, 'config.json')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split(`${caseDir}${path.sep}`).join('')).toBe(await readFile(path.join(caseDir, 'expected-error.txt'), 'utf8'));
    expect(await readdir(out)).toEqual(['index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect((await readdir(tmp)).sort()).toEqual(['config.json', 'dist']);
  });
});

describe('a report line about a seed', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('never carries a control or bidirectional character from a file name or a front-matter key to the terminal: each is written as a \\u escape', async () => {
    vi.stubEnv('CI', ''); // CI=true (as on the CI machine) leaves warnings out of the report
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-invalid-'));
    const seeds = path.join(tmp, 'seeds');
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'clear\u001b[2Jscreen\u0007\u0085.txt'), 'date 2024-13-01\nText.\n');
    await writeFile(path.join(seeds, 'name\u202egnp.md'), '---\ntitle: T\ndate: 2024-01-01\nk\u202ex: 1\n---\nText.\n');
    await writeFile(path.join(tmp, 'config.json'), '{}');
    const { code, stderr } = await runCli(['build', '--seeds', seeds, '--out', path.join(tmp, 'dist'), '--config', path.join(tmp, 'config.json'), '--skip-invalid', '--no-search']);
    expect(code).toBe(0);
    expect(stderr.split(`${seeds}${path.sep}`).join('')).toBe(
      [
        'warning: name\\u202egnp.md:4: unknown front matter key "k\\u202ex" (ignored) (hint: known keys: title, date, updated, tags, slug, summary, author, source, draft, aliases, lang)',
        'skipped: clear\\u001b[2Jscreen\\u0007\\u0085.txt:1:6: invalid date 2024-13-01 (hint: the month comes before the day: 2024-01-13?)',
        '',
      ].join('\n'),
    );
  });
});

describe('the summary of a build with --skip-invalid', () => {
  it('counts the seeds it skipped, not their problems: one seed with two wrong types is "1 seed skipped"', async () => {
    vi.stubEnv('CI', '');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-invalid-'));
    const seeds = path.join(tmp, 'seeds');
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'good.txt'), 'date 2024-01-01\nText.\n');
    await writeFile(path.join(seeds, 'types.md'), '---\ntitle: [not, text]\ndate: 2024-01-01\ndraft: maybe\n---\nText.\n');
    await writeFile(path.join(tmp, 'config.json'), '{}');
    const { code, stdout, stderr } = await runCli(['build', '--seeds', seeds, '--out', path.join(tmp, 'dist'), '--config', path.join(tmp, 'config.json'), '--skip-invalid', '--no-search']);
    expect(code).toBe(0);
    expect(stderr.split('\n').filter((line) => line.startsWith('skipped: '))).toHaveLength(2);
    expect(stdout).toMatch(/^built 1 article, 0 tags, \d+ pages, 1 seed skipped in /);
  });
});
