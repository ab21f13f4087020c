/** Where the benchmark finds the repository, its compiled CLI and the optional shared bench kit (`../shared/bench`). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this module with a package.json (it runs from `src/bench/`, or bundled from `lib/`). */
export const repoRoot: string = nearestPackageDir(path.dirname(fileURLToPath(import.meta.url)));

/** The nearest folder at or above `dir` holding a package.json. */
function nearestPackageDir(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) return dir;
  }
}

/** The shared bench kit: `BROADSHEET_SHARED_BENCH` when set, else `../shared/bench` beside the repository; it may be absent on a plain clone. */
export const sharedBenchDir: string = process.env['BROADSHEET_SHARED_BENCH'] ? path.resolve(process.env['BROADSHEET_SHARED_BENCH']) : path.resolve(repoRoot, '..', 'shared', 'bench');

/** The shared corpus generator, preferred when present so peers and broadsheet read identical bytes. */
export const sharedCorpusScript: string = path.join(sharedBenchDir, 'make-corpus.mjs');

/** The shared script that lays out (and can build) the Hugo and Eleventy peer sites. */
export const peersScript: string = path.join(sharedBenchDir, 'peers', 'run.sh');

/** The compiled CLI the build commands run. */
export const cliPath: string = path.join(repoRoot, 'lib', 'cli.js');
