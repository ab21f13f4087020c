/** `broadsheet dev`: build, serve, watch seeds/templates/public/config, rebuild and reload the open pages. */
import { watch } from 'node:fs';
import path from 'node:path';
import { build, problemLines, type BuildOptions } from '../build.js';
import { BuildCache } from '../cache/build-cache.js';
import { loadConfig } from '../config.js';
import { ContentErrors, SeedError, UsageError } from '../errors.js';
import { basePathOf } from '../site/urls.js';
import { ReloadChannel } from './live-reload.js';
import { createStaticServer, listen } from './serve.js';
import { watchTree } from './watch-tree.js';

/** Rebuilds once; prints warnings, or errors and keeps the last good site when the build fails. Returns true on success. */
async function rebuild(options: BuildOptions, log: (line: string) => void): Promise<boolean> {
  const started = performance.now();
  try {
    const report = await build(options);
    for (const line of problemLines(report)) log(line);
    log(`rebuilt ${report.articles} article${report.articles === 1 ? '' : 's'} (${report.files} files, ${report.written} rewritten) in ${Math.round(performance.now() - started)} ms`);
    return true;
  } catch (error) {
    if (error instanceof ContentErrors) for (const e of error.errors) log(e.format());
    else if (error instanceof SeedError) log(error.format());
    else if (error instanceof UsageError) log(error.message);
    else log(`build failed: ${(error as Error).stack ?? String(error)}`);
    log('still serving the last good site');
    return false;
  }
}

/** Runs the dev loop until the process is stopped. */
export async function dev(devOptions: BuildOptions, port: number): Promise<number> {
  // Pagefind re-indexes every page on each build (seconds at archive scale): dev rebuilds skip it; `npm run build` adds it.
  const options: BuildOptions = { ...devOptions, search: false };
  // Parsed articles stay in memory between rebuilds: an edit re-reads only the seed that changed.
  BuildCache.keepInMemory();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await rebuild(options, log);
  const config = await loadConfig(options.configFile, options.configRequired).catch(() => undefined);
  const basePath = basePathOf(options.baseUrl ?? config?.baseUrl ?? 'http://localhost/');
  const channel = new ReloadChannel();
  const server = createStaticServer(options.outDir, basePath, channel);
  await listen(server, port);
  log(`dev server at http://localhost:${port}${basePath} — watching ${options.seedsDir}, templates, public and ${options.configFile}`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          if (await rebuild(options, log)) channel.reload();
        } while (again);
        running = undefined;
      })();
    }, 80);
  };
  const watchers: { close(): void }[] = [options.seedsDir, options.templatesDir, options.publicDir].map((target) => watchTree(target, schedule));
  const configDir = path.dirname(path.resolve(options.configFile));
  watchers.push(
    watch(configDir, (_event, name) => {
      if (name && path.resolve(configDir, name.toString()) === path.resolve(options.configFile)) schedule();
    }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  for (const w of watchers) w.close();
  channel.close();
  server.close();
  await BuildCache.flush();
  return 0;
}
