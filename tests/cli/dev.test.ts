import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/spawn-cli.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** A free TCP port on localhost. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** GET a URL: status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('npm run dev', () => {
  let dir: string;
  let child: ChildProcess;
  let stdout = '';
  let events = '';
  let base: string;
  let stream: http.ClientRequest | undefined;

  /** Waits until stdout has `count` lines matching `pattern` (the dev loop prints one per rebuild). */
  async function waitForLines(pattern: RegExp, count: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((stdout.match(new RegExp(pattern, 'gm')) ?? []).length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} × ${pattern}; stdout:\n${stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const seed = () => path.join(dir, 'seeds', '2024', 'same-title-a.md');
  const articleUrl = () => `${base}2024/03/14/storm-hits-coast/`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-dev-'));
    await cp(path.join(ROOT, 'tests', 'fixtures', 'basic', 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    await cp(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true });
    // A theme's files linked into public/: a stylesheet and a folder of media.
    await mkdir(path.join(dir, 'theme', 'media'), { recursive: true });
    await writeFile(path.join(dir, 'theme', 'brand.css'), 'a{color:red}');
    await writeFile(path.join(dir, 'theme', 'media', 'note.txt'), 'first');
    await symlink('../theme/brand.css', path.join(dir, 'public', 'brand.css'));
    await symlink('../theme/media', path.join(dir, 'public', 'media'));
    await writeFile(path.join(dir, 'site.config.json'), JSON.stringify({ baseUrl: 'https://example.org/' }));
    const port = await freePort();
    base = `http://localhost:${port}/`;
    child = spawn(process.execPath, [CLI, 'dev', '--seeds', 'seeds', '--out', 'dist', '--config', 'site.config.json', '--templates', 'templates', '--public', 'public', '--port', String(port)], { cwd: dir, env: { ...process.env, CI: 'true' } });
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stdout += d));
    await waitForLines(/^dev server at /, 1);
    stream = http.get(`${base}__broadsheet/events`, (res) => res.on('data', (d) => (events += d)));
  }, 90_000);

  afterAll(async () => {
    stream?.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the built site with the live-reload script added', async () => {
    const page = await get(articleUrl());
    expect(page.status).toBe(200);
    expect(page.body).toContain('The first report of the storm');
    expect(page.body).toContain('__broadsheet/events');
  });

  it('rebuilds an edited seed, rewriting only what changed, and tells the open page to reload — twice in a row', async () => {
    for (const [n, word] of [[2, 'Zanzibar'], [3, 'Quixotic']] as const) {
      const reloads = (events.match(/event: reload/g) ?? []).length;
      await writeFile(seed(), `${await readFile(seed(), 'utf8')}\nA late line about ${word}.\n`);
      await waitForLines(/^rebuilt \d+ articles \(\d+ files, \d+ rewritten\) in \d+ ms$/, n);
      expect((await get(articleUrl())).body).toContain(`A late line about ${word}.`);
      await expect.poll(() => (events.match(/event: reload/g) ?? []).length).toBe(reloads + 1);
    }
    expect(stdout).not.toContain('build failed');
  }, 60_000);

  it('sees every save of an editor that writes a new file and renames it over the old one', async () => {
    for (const [n, word] of [[4, 'Atomic'], [5, 'Renamed'], [6, 'Again']] as const) {
      const saved = `${seed()}.swp`;
      await writeFile(saved, `${await readFile(seed(), 'utf8')}\nA saved line about ${word}.\n`);
      await rename(saved, seed());
      await waitForLines(/^rebuilt \d+ articles \(\d+ files, \d+ rewritten\) in \d+ ms$/, n);
      await expect.poll(async () => (await get(articleUrl())).body).toContain(`A saved line about ${word}.`);
    }
    // The file in place now is a new one: writing it in place is seen too.
    await writeFile(seed(), `${await readFile(seed(), 'utf8')}\nA line written in place.\n`);
    await waitForLines(/^rebuilt \d+ articles \(\d+ files, \d+ rewritten\) in \d+ ms$/, 7);
    await expect.poll(async () => (await get(articleUrl())).body).toContain('A line written in place.');
  }, 60_000);

  it('watches a folder made after it started', async () => {
    await mkdir(path.join(dir, 'seeds', '2025'));
    await new Promise((r) => setTimeout(r, 300));
    await writeFile(path.join(dir, 'seeds', '2025', 'late.txt'), 'date 2025-01-02\n\nA late article about Xylophones arrived in a new folder.\n');
    const articles = Number(/^rebuilt (\d+) articles /m.exec(stdout)![1]);
    await waitForLines(new RegExp(`^rebuilt ${articles + 1} articles `), 1);
    await expect.poll(async () => (await get(`${base}2025/01/`)).status).toBe(200);
  }, 60_000);

  it('sees an edit of a file linked into public/, or of a file in a folder linked into it', async () => {
    expect((await get(`${base}brand.css`)).body).toBe('a{color:red}');
    expect((await get(`${base}media/note.txt`)).body).toBe('first');
    await writeFile(path.join(dir, 'theme', 'brand.css'), 'a{color:blue}');
    await expect.poll(async () => (await get(`${base}brand.css`)).body, { timeout: 15_000 }).toBe('a{color:blue}');
    await writeFile(path.join(dir, 'theme', 'media', 'note.txt'), 'second');
    await expect.poll(async () => (await get(`${base}media/note.txt`)).body, { timeout: 15_000 }).toBe('second');
  }, 60_000);

  it('rebuilds after a template edit with the new template', async () => {
    const rebuilds = (stdout.match(/^rebuilt /gm) ?? []).length;
    const footer = path.join(dir, 'templates', 'partials', 'footer.html');
    await writeFile(footer, `${await readFile(footer, 'utf8')}<p>footer-marker-71</p>\n`);
    await waitForLines(/^rebuilt /m, rebuilds + 1);
    expect((await get(articleUrl())).body).toContain('footer-marker-71');
  }, 60_000);

  it('prints a broken seed\'s error and keeps serving the last good site', async () => {
    const good = await readFile(seed(), 'utf8');
    await writeFile(seed(), good.replace('date: 2024-03-14', 'date: 2024-02-30'));
    await waitForLines(/^still serving the last good site$/, 1);
    expect(stdout).toContain('seeds/2024/same-title-a.md:3: invalid date 2024-02-30');
    const page = await get(articleUrl());
    expect(page.status).toBe(200);
    expect(page.body).toContain('A late line about Quixotic.');
    const rebuilds = (stdout.match(/^rebuilt /gm) ?? []).length;
    await writeFile(seed(), good);
    await waitForLines(/^rebuilt /m, rebuilds + 1);
  }, 60_000);

  it('prints the warnings of a rebuild before its summary', async () => {
    const good = await readFile(seed(), 'utf8');
    const rebuilds = (stdout.match(/^rebuilt /gm) ?? []).length;
    await writeFile(seed(), good.replace('date: 2024-03-14', 'date: 2024-03-14\ncolour: red'));
    await waitForLines(/^rebuilt /m, rebuilds + 1);
    expect(stdout).toMatch(/^warning: seeds\/2024\/same-title-a\.md:4: unknown front matter key "colour" \(ignored\).*\nrebuilt /m);
    await writeFile(seed(), good);
    await waitForLines(/^rebuilt /m, rebuilds + 2);
  }, 60_000);
});
