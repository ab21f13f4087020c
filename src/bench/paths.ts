/** Where the benchmark finds the repository, its compiled CLI and the optional shared bench kit (`../shared/bench`). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `src/bench/` or, compiled, `lib/bench/`). */
export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared bench kit beside the repository; it may be absent on a plain clone. */
export const sharedBenchDir: string = path.resolve(repoRoot, '..', 'shared', 'bench');

/** The shared corpus generator, preferred when present so peers and broadsheet read identical bytes. */
export const sharedCorpusScript: string = path.join(sharedBenchDir, 'make-corpus.mjs');

/** The shared script that lays out (and can build) the Hugo and Eleventy peer sites. */
export const peersScript: string = path.join(sharedBenchDir, 'peers', 'run.sh');

/** The compiled CLI the build commands run. */
export const cliPath: string = path.join(repoRoot, 'lib', 'cli.js');
