#!/usr/bin/env node
/** The command line: argv → build / check / serve / dev / bench; exit codes 0, 1 (content), 2 (usage). */
// First, so the V8 setting holds for the code loaded after it and for every worker thread.
import './jit-budget.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, check, problemLines, type BuildOptions, type BuildReport } from './build.js';
import { ContentErrors, SeedError, UsageError } from './errors.js';
import { silentProgress, terminalProgress } from './progress.js';
import { baseUrlOption } from './site/base-url.js';

const USAGE = `usage: broadsheet <build|check|serve|dev|bench> [options]

  --seeds <dir>      seed documents (default: seeds)
  --out <dir>        output folder (default: dist)
  --config <file>    site config (default: site.config.json)
  --base-url <url>   absolute URL the site is published at (overrides the config)
  --skip-invalid     publish the valid seeds, list the invalid ones as warnings
  --no-cache         ignore the incremental cache (a cold build)
  --cache-dir <dir>  incremental cache folder (default: .cache; safe to delete)
  --no-search        skip the Pagefind search index
  --templates <dir>  LiquidJS templates (default: the templates/ folder shipped with broadsheet)
  --workers <n>      worker threads for parsing and rendering (default: one per core; 0 = in-process)
  --seed-time-limit <s>
                     seconds one seed may take to convert before it is refused
                     (default 10, plus 2 per MiB of the seed; 0 = no limit)
  --quiet            print only the summary line (it counts the warnings left out)
  --port <n>         port for serve/dev (default 8080)`;

/** The project folder (templates/ and public/ ship beside lib/). */
const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** "1 article", "2 articles". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The `--workers` value: a whole number from 0 (parse in-process) up. */
function parseWorkers(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 64) throw new UsageError(`--workers: expected a whole number from 0 to 64, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The `--seed-time-limit` value: seconds (a decimal from 0, meaning no limit) → milliseconds. */
function parseSeedTimeLimit(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 86_400) throw new UsageError(`--seed-time-limit: expected seconds from 0 (no limit) to 86400, got ${JSON.stringify(value)}`);
  return Math.round(Number(value) * 1000);
}

/** The `--port` value: a TCP port from 1 to 65535. */
function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65_535) throw new UsageError(`--port: expected a port number from 1 to 65535, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Parses argv into a command and build options. */
function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'dist' },
        config: { type: 'string' },
        'base-url': { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        'no-search': { type: 'boolean', default: false },
        'cache-dir': { type: 'string', default: '.cache' },
        quiet: { type: 'boolean', default: false },
        port: { type: 'string', default: '8080' },
        workers: { type: 'string' },
        'seed-time-limit': { type: 'string' },
        templates: { type: 'string', default: path.join(PROJECT_DIR, 'templates') },
        public: { type: 'string', default: path.join(PROJECT_DIR, 'public') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  // --help wins over any command: `broadsheet dev --help` prints the usage, it starts nothing.
  const command = values.help ? 'help' : positionals[0];
  const options: BuildOptions = {
    seedsDir: values.seeds,
    outDir: values.out,
    configFile: values.config ?? 'site.config.json',
    configRequired: values.config !== undefined,
    templatesDir: values.templates,
    publicDir: values.public,
    ...(values['base-url'] !== undefined && { baseUrl: baseUrlOption(values['base-url']) }),
    skipInvalid: values['skip-invalid'],
    ...(values.workers !== undefined && { workers: parseWorkers(values.workers) }),
    ...(values['seed-time-limit'] !== undefined && { seedTimeLimitMs: parseSeedTimeLimit(values['seed-time-limit']) }),
    cacheDir: values['cache-dir'],
    noCache: values['no-cache'],
    search: !values['no-search'],
  };
  const quiet = values.quiet || process.env['CI'] === 'true';
  const progress = !quiet && process.stderr.isTTY ? terminalProgress(process.stderr) : silentProgress;
  return { command, options: { ...options, progress }, quiet, port: parsePort(values.port) };
}

/** What to do about the usual file-system refusals. */
const SYSTEM_HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file is in the way of a folder',
  EISDIR: 'a folder is in the way of a file',
  EMFILE: 'too many open files (hint: raise the limit with ulimit -n)',
  EADDRINUSE: 'the port is in use (hint: stop what uses it, or pass --port with another number)',
};

/** One line for an error the operating system gave (it has a code and a system call), else undefined. */
function systemFailure(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  // A server that cannot listen names its address ("127.0.0.1:8080"), a file operation its path.
  const { address, port } = error as { address?: string; port?: number };
  const where = e.path ?? (address !== undefined && port !== undefined ? `${address}:${port}` : 'broadsheet');
  return `${where}: cannot ${e.syscall}: ${SYSTEM_HINTS[e.code] ?? e.code} (${e.code})`;
}

/** ", 2 warnings" when there are any: the summary says so also when --quiet or CI=true leaves them out. */
function warningCount(report: BuildReport): string {
  return report.warnings.length > 0 ? `, ${plural(report.warnings.length, 'warning')}` : '';
}

/** ", 1 seed skipped" when --skip-invalid left any out: seeds, not their problems (a seed may have several). */
function skippedCount(report: BuildReport): string {
  const seeds = new Set(report.skipped.map((problem) => problem.file)).size;
  return seeds > 0 ? `, ${plural(seeds, 'seed')} skipped` : '';
}

/** Prints warnings (and skipped seeds) one per line on stderr. */
function printWarnings(report: BuildReport, quiet: boolean): void {
  if (quiet) return;
  for (const line of problemLines(report)) process.stderr.write(`${line}\n`);
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  const seconds = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);
  try {
    if (argv[0] === 'bench') {
      // The benchmark has options of its own.
      const { runBench } = await import('./bench/run.js');
      return await runBench(argv.slice(1));
    }
    const { command, options, quiet, port } = parseCommandLine(argv);
    switch (command) {
      case 'build': {
        const report = await build(options);
        printWarnings(report, quiet);
        const verb = report.upToDate ? 'up to date:' : 'built';
        const edited = report.editedSeeds !== undefined ? ` (${plural(report.editedSeeds, 'seed')} edited)` : '';
        const changed = report.upToDate ? ', nothing changed' : report.written < report.files ? `, ${plural(report.written, 'file')} rewritten${edited}` : '';
        process.stdout.write(`${verb} ${plural(report.articles, 'article')}, ${plural(report.tags, 'tag')}, ${plural(report.pages, 'page')}${skippedCount(report)}${warningCount(report)}${changed} in ${seconds()} s → ${options.outDir.replace(/\/?$/, '/')}\n`);
        return 0;
      }
      case 'check': {
        const report = await check(options);
        printWarnings(report, quiet);
        // With --skip-invalid the seeds skipped were errors let through: the summary counts them instead of saying "no errors".
        const verdict = report.skipped.length > 0 ? skippedCount(report) : ': no errors';
        process.stdout.write(`checked ${plural(report.articles, 'article')}, ${plural(report.tags, 'tag')}${verdict}${warningCount(report)} in ${seconds()} s\n`);
        return 0;
      }
      case 'serve': {
        const { serve } = await import('./serve/serve.js');
        return await serve(options, port);
      }
      case 'dev': {
        const { dev } = await import('./serve/dev.js');
        return await dev(options, port);
      }
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command ${JSON.stringify(command)}\n${USAGE}` : USAGE);
    }
  } catch (error) {
    if (error instanceof ContentErrors) {
      for (const e of error.errors) process.stderr.write(`${e.format()}\n`);
      process.stderr.write(`${plural(error.errors.length, 'error')}; nothing was written\n`);
      return 1;
    }
    if (error instanceof SeedError) {
      process.stderr.write(`${error.format()}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    // The machine said no (disk full, no permission, a read-only or special folder): one line, no
    // stack trace. A build that fails before its commit point leaves the output as it was.
    const failure = systemFailure(error);
    if (failure) {
      process.stderr.write(`${failure}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
