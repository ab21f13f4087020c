/** The broadsheet build the benchmark times, as a replaceable function from paths to a command line. */
import path from 'node:path';
import type { Invocation } from './invocation.js';
import type { BuildTarget } from './measure.js';
import { cliPath } from './paths.js';

/** The paths one benchmark build works with. */
export interface BuildParams {
  readonly seedsDir: string;
  readonly outDir: string;
  readonly configFile: string;
  /** Working folder of the build; the incremental cache lives in `<siteDir>/.cache`. */
  readonly siteDir: string;
  /** False for a cold build (`--no-cache`). */
  readonly useCache: boolean;
  /** False adds `--no-search` (the peers build no search index). */
  readonly search?: boolean;
}

/** Turns build paths into the command to run; tests pass a fake one. */
export type BuildCommand = (params: BuildParams) => Invocation;

/** `node lib/cli.js build --seeds … --out … --config … --quiet [--no-cache] [--no-search]`, run from the site folder. */
export const broadsheetBuild: BuildCommand = (p) => ({
  command: process.execPath,
  args: [cliPath, 'build', '--seeds', p.seedsDir, '--out', p.outDir, '--config', p.configFile, '--quiet', ...(p.useCache ? [] : ['--no-cache']), ...(p.search ? [] : ['--no-search'])],
  cwd: p.siteDir,
});

/** The cache folder a build in `siteDir` uses. */
export function cacheDirOf(siteDir: string): string {
  return path.join(siteDir, '.cache');
}

/** A broadsheet build as a measurable target: cold runs move the output and `.cache` away. */
export function broadsheetTarget(command: BuildCommand, params: BuildParams): BuildTarget {
  return { tool: 'broadsheet', invocation: command(params), outDir: params.outDir, coldPaths: [params.outDir, cacheDirOf(params.siteDir)] };
}
