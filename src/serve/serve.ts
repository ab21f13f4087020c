/** `broadsheet serve`: serves the built site on localhost under its base path. */
import http from 'node:http';
import sirv from 'sirv';
import { loadConfig } from '../config.js';
import type { BuildOptions } from '../build.js';
import { basePathOf } from '../site/urls.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Starts a static server for `outDir`, mounted at the site's base path; resolves when it closes. */
export async function serve(options: BuildOptions, port: number): Promise<number> {
  const config = await loadConfig(options.configFile, options.configRequired);
  const basePath = basePathOf(options.baseUrl ?? config.baseUrl);
  const server = createStaticServer(options.outDir, basePath);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`serving ${options.outDir} at http://localhost:${port}${basePath} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => server.on('close', resolve));
  return 0;
}

/** An HTTP server for a built site under `basePath`, answering unknown paths with the site's 404 page. */
export function createStaticServer(outDir: string, basePath: string): http.Server {
  const files = sirv(outDir, { dev: true, etag: true, dotfiles: false });
  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    const notFound = () => {
      readFile(path.join(outDir, '404.html')).then(
        (body) => {
          res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
          res.end(body);
        },
        () => {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        },
      );
    };
    if (basePath !== '/' && (url === basePath.slice(0, -1) || url.startsWith(`${basePath.slice(0, -1)}?`))) {
      res.writeHead(301, { location: basePath });
      res.end();
      return;
    }
    if (!url.startsWith(basePath)) return notFound();
    req.url = `/${url.slice(basePath.length)}`;
    files(req, res, notFound);
  });
}
