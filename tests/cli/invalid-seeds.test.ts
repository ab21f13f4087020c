import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
