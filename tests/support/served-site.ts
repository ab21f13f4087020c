import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createStaticServer } from '../../src/serve/serve.js';
import { spawnCli } from './spawn-cli.js';

/** A site built with the real CLI and served on localhost under a sub-path. */
export interface ServedSite {
  readonly out: string;
  /** `http://127.0.0.1:PORT/archive/` */
  readonly root: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** Builds `seeds` with `--base-url https://news.example.org/archive/` and serves it under /archive/. */
export async function buildAndServe(seeds: string, config: string): Promise<ServedSite> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-served-'));
  const out = path.join(tmp, 'dist');
  const r = await spawnCli(['build', '--seeds', seeds, '--out', out, '--config', config, '--base-url', 'https://news.example.org/archive/', '--no-cache']);
  if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
  const server: http.Server = createStaticServer(out, '/archive/');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    out,
    origin,
    root: `${origin}/archive/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Writes `seeds` (file name → text) into a new folder with an empty config, then builds and serves them as buildAndServe does. */
export async function buildAndServeSeeds(seeds: Readonly<Record<string, string>>): Promise<ServedSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-seeds-'));
  await mkdir(path.join(dir, 'seeds'));
  for (const [name, text] of Object.entries(seeds)) await writeFile(path.join(dir, 'seeds', name), text);
  await writeFile(path.join(dir, 'site.config.json'), '{}');
  const site = await buildAndServe(path.join(dir, 'seeds'), path.join(dir, 'site.config.json'));
  return {
    ...site,
    close: async () => {
      await site.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
