/** `broadsheet serve`: serves the built site on localhost under its base path. */
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import type { BuildOptions } from '../build.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { basePathOf } from '../site/urls.js';
import { EVENTS_PATH, reloadScript, type ReloadChannel } from './live-reload.js';

/** Starts a static server for `outDir` (a built site, else a UsageError), mounted at the site's base path; resolves when it closes. */
export async function serve(options: BuildOptions, port: number): Promise<number> {
  const config = await loadConfig(options.configFile, options.configRequired);
  const basePath = basePathOf(options.baseUrl ?? config.baseUrl);
  // Without a built site every address would be a bare 404, with nothing said in the terminal.
  if (!(await stat(path.join(options.outDir, 'index.html')).then((s) => s.isFile(), () => false))) {
    throw new UsageError(`${options.outDir}: no built site to serve (no index.html) (hint: run npm run build first, or pass --out <dir>)`);
  }
  const server = createStaticServer(options.outDir, basePath);
  await listen(server, port);
  process.stdout.write(`serving ${options.outDir} at http://localhost:${port}${basePath} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => server.on('close', resolve));
  return 0;
}

/** Listens on 127.0.0.1:`port`; rejects with a clear message when the port is taken. */
export function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** The HTML file a request path maps to, if it names a page (a folder's index.html or an .html file). */
async function htmlFileFor(outDir: string, relPath: string): Promise<string | undefined> {
  const clean = decodeURIComponent(relPath.split('?')[0]!).replace(/^\/+/, '');
  if (clean.split('/').includes('..')) return undefined;
  const candidate = clean === '' || clean.endsWith('/') ? path.join(outDir, clean, 'index.html') : clean.endsWith('.html') ? path.join(outDir, clean) : undefined;
  if (!candidate) return undefined;
  return (await stat(candidate).then((s) => s.isFile()).catch(() => false)) ? candidate : undefined;
}

/**
 * An HTTP server for a built site under `basePath`; unknown paths get the site's 404 page.
 * With a reload channel (dev), HTML pages get the live-reload script.
 */
export function createStaticServer(outDir: string, basePath: string, reload?: ReloadChannel): http.Server {
  const files = sirv(outDir, { dev: true, etag: true, dotfiles: false });
  const sendHtml = async (res: http.ServerResponse, file: string, status: number) => {
    let html = await readFile(file, 'utf8');
    if (reload) html = html.replace(/<\/body>/i, `${reloadScript(basePath)}</body>`);
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  };
  const notFound = (res: http.ServerResponse) => {
    sendHtml(res, path.join(outDir, '404.html'), 404).catch(() => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  };
  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    const baseNoSlash = basePath.slice(0, -1);
    if (basePath !== '/' && (url === baseNoSlash || url.startsWith(`${baseNoSlash}?`))) {
      res.writeHead(301, { location: basePath });
      res.end();
      return;
    }
    if (!url.startsWith(basePath)) return notFound(res);
    const rel = url.slice(basePath.length);
    if (reload && rel === EVENTS_PATH) return reload.attach(res);
    htmlFileFor(outDir, rel)
      .then((html) => {
        if (html) return sendHtml(res, html, 200);
        req.url = `/${rel}`;
        files(req, res, () => notFound(res));
      })
      .catch(() => notFound(res));
  });
}
