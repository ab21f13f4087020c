import { cp, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/spawn-cli.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
const INVALID = path.join(import.meta.dirname, '..', 'invalid');

describe('npm run check', () => {
  it('validates every seed and the config, prints a summary, and writes nothing (no output, cache or lock)', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-check-'));
    const r = await spawnCli(['check', '--seeds', path.join(FIXTURE, 'seeds'), '--config', path.join(FIXTURE, 'site.config.json')], {}, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^checked 7 articles, 13 tags: no errors in [\d.]+ s\n$/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('with --skip-invalid, lists each invalid seed as skipped and counts it in the summary instead of saying "no errors"', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-check-'));
    await cp(path.join(FIXTURE, 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
    await cp(path.join(INVALID, 'bad-date', 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
    const invalid = await readdir(path.join(INVALID, 'bad-date', 'seeds'));
    const r = await spawnCli(['check', '--skip-invalid', '--config', path.join(FIXTURE, 'site.config.json')], { CI: 'false' }, cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`skipped: seeds/${invalid[0]}:1:7: invalid date 2024-02-30 (hint: February 2024 has 29 days)\n`);
    expect(r.stdout).toMatch(/^checked 7 articles, 13 tags, 1 seed skipped in [\d.]+ s\n$/);
  });

  it('lists every problem of every seed at once and exits 1', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-check-'));
    await cp(path.join(INVALID, 'many-at-once', 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
    await cp(path.join(INVALID, 'wrong-types', 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
    const r = await spawnCli(['check', '--config', path.join(FIXTURE, 'site.config.json')], {}, cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'seeds/a-empty.txt:1: empty file (hint: a seed needs at least a "date YYYY-MM-DD" line and a body)',
        'seeds/b-binary.txt:2: binary file (contains a NUL byte) (hint: seeds must be UTF-8 text)',
        'seeds/c-month.txt:1:6: invalid date 2024-13-01 (hint: the month comes before the day: 2024-01-13?)',
        'seeds/e-empty-body.txt:2: empty body (hint: a seed needs some text after its date)',
        'seeds/types.md:2: front matter title: expected a string',
        'seeds/types.md:4: front matter draft: expected true or false',
        '6 errors; nothing was written',
        '',
      ].join('\n'),
    );
    expect((await readdir(cwd)).sort()).toEqual(['seeds']);
  });
});
