import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'basic', 'seeds');

describe('usage and config errors exit 2 with one clear message', () => {
  it('a bad config value names the file and the key', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const config = path.join(tmp, 'site.config.json');
    await writeFile(config, JSON.stringify({ pageSize: -1 }));
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--config', config]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${config}:1: pageSize: expected a positive integer\n` });
  });

  it('a config that is not JSON says so', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const config = path.join(tmp, 'c.json');
    await writeFile(config, '{ title: ');
    const r = await runCli(['check', '--seeds', SEEDS, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${config}:1:3: invalid JSON: Expected property name or '}'\n`);
  });

  it('a missing seeds folder', async () => {
    const r = await runCli(['check', '--seeds', '/nonexistent/seeds']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '/nonexistent/seeds: seeds folder not found (hint: create it, or pass --seeds <dir>)\n' });
  });

  it('an empty seeds folder', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const r = await runCli(['check', '--seeds', tmp]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${tmp}: no seed files (.txt or .md) found (hint: add seeds, or pass --seeds <dir>)\n` });
  });

  it('an unknown command or flag', async () => {
    expect((await runCli(['publish'])).code).toBe(2);
    const r = await runCli(['build', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Unknown option '--colour'/);
  });

  it.each([['build'], ['dev'], ['serve'], ['check'], []])('--help after %s prints the usage and does nothing else', async (...command) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const out = path.join(tmp, 'out');
    const r = await runCli([...command, '--help', '--seeds', SEEDS, '--out', out, '--cache-dir', path.join(tmp, 'cache')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: broadsheet <build\|check\|serve\|dev\|bench> \[options\]\n/);
    expect(r.stderr).toBe('');
    expect(await readdir(tmp)).toEqual([]);
  });

  it.each([['-1'], ['ten'], ['1e3'], ['86401']])('a --seed-time-limit of %s is refused', async (value) => {
    const r = await runCli(['check', '--seeds', SEEDS, `--seed-time-limit=${value}`]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `--seed-time-limit: expected seconds from 0 (no limit) to 86400, got ${JSON.stringify(value)}\n` });
  });

  it('a base URL that is not absolute', async () => {
    const r = await runCli(['check', '--seeds', SEEDS, '--base-url', '/archive/']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '--base-url: expected an absolute URL such as https://example.org/archive/, got "/archive/"\n' });
  });

  it.each([
    ['https://example.org/my archive/', 'expected a URL without spaces or line breaks (write a space as %20)'],
    ['https://example.org/\tarchive/', 'expected a URL without spaces or line breaks (write a space as %20)'],
    ['https://example.org/\u0001/', 'expected a URL without control characters'],
  ])('a base URL %j with white space or a control character, which the URL parser would drop or encode but the pages would carry', async (url, problem) => {
    const r = await runCli(['check', '--seeds', SEEDS, '--base-url', url]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `--base-url: ${problem}, got ${JSON.stringify(url)}\n` });
  });

  it.each([['serve'], ['dev']])('%s refuses a bad --base-url before it starts anything', async (command) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const r = await runCli([command, '--seeds', SEEDS, '--out', path.join(tmp, 'out'), '--cache-dir', path.join(tmp, 'cache'), '--base-url', 'example.org']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '--base-url: expected an absolute URL such as https://example.org/archive/, got "example.org"\n' });
    expect(await readdir(tmp)).toEqual([]);
  });

  it('serve on a port in use says so, naming the address, with exit 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
      await mkdir(path.join(tmp, 'out'));
      await writeFile(path.join(tmp, 'out', 'index.html'), 'a site');
      const r = await runCli(['serve', '--out', path.join(tmp, 'out'), '--port', String(port)]);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `127.0.0.1:${port}: cannot listen: the port is in use (hint: stop what uses it, or pass --port with another number) (EADDRINUSE)\n` });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('serve without a built site says so, with exit 2, instead of answering every address with a bare 404', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const out = path.join(tmp, 'out');
    const r = await runCli(['serve', '--out', out]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${out}: no built site to serve (no index.html) (hint: run npm run build first, or pass --out <dir>)\n` });
  });

  it.each([['0'], ['65536'], ['http'], ['80.5'], ['-1']])('a --port of %s is refused before a server starts', async (port) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-usage-'));
    const r = await runCli(['serve', '--out', path.join(tmp, 'out'), `--port=${port}`]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `--port: expected a port number from 1 to 65535, got ${JSON.stringify(port)}\n` });
  });
});

describe('the output folder is never one a build must not replace', () => {
  it.each([
    ['the seeds folder', (tmp: string) => path.join(tmp, 'seeds'), 'the output folder must not contain, or be inside'],
    ['a parent of the seeds folder', (tmp: string) => tmp, 'the output folder must not contain, or be inside'],
    ['a folder that is not a built site', (tmp: string) => path.join(tmp, 'src'), 'this folder exists and does not look like a built site (no index.html); refusing to replace it (hint: choose a new or empty folder)'],
  ])('refuses %s with exit 2 and leaves it alone', async (_name, outOf, message) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-guard-'));
    await cp(SEEDS, path.join(tmp, 'seeds'), { recursive: true });
    await mkdir(path.join(tmp, 'src'));
    await writeFile(path.join(tmp, 'src', 'main.ts'), 'precious');
    const r = await runCli(['build', '--seeds', path.join(tmp, 'seeds'), '--out', outOf(tmp), '--no-cache', '--no-search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(await readFile(path.join(tmp, 'src', 'main.ts'), 'utf8')).toBe('precious');
    expect((await readdir(path.join(tmp, 'seeds'))).length).toBeGreaterThan(0);
  });
});

describe('an output folder whose parent does not exist yet', () => {
  it('is built, parents made (--out build/site on a fresh checkout)', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-nested-'));
    const out = path.join(tmp, 'build', 'www', 'site');
    const r = await runCli(['build', '--seeds', SEEDS, '--out', out, '--no-search', '--cache-dir', path.join(tmp, 'cache')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await readdir(out)).toContain('index.html');
    expect(await readdir(path.join(tmp, 'build', 'www'))).toEqual(['site']);
  });

  it('that cannot be made is a usage error naming it, not a stack trace', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-nested-'));
    await writeFile(path.join(tmp, 'build'), 'a file where a folder should be');
    const r = await runCli(['build', '--seeds', SEEDS, '--out', path.join(tmp, 'build', 'site'), '--no-search', '--cache-dir', path.join(tmp, 'cache')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${path.join(tmp, 'build', 'site')}: cannot make the folder it goes in (${path.join(tmp, 'build')}): a file is in the way (hint: choose another --out)\n` });
  });
});

describe('a file-system refusal', () => {
  it('is one line naming the path and the reason, exit 2, not a stack trace', async () => {
    // /proc takes no new files, even for root.
    const r = await runCli(['build', '--seeds', SEEDS, '--out', '/proc/broadsheet-site', '--no-search', '--no-cache']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '/proc/broadsheet-site.lock: cannot open: no such file or folder (ENOENT)\n' });
  });
});
