/** Incremental rebuild scenarios: prime the cache, rebuild with nothing changed, rebuild after editing one article. */
import { broadsheetTarget, type BuildCommand, type BuildParams } from './build-command.js';
import { measureRun, type RunContext, type RunSample } from './measure.js';
import { appendWordToSeed, restoreSeed } from './seed-edit.js';

/** The samples of the three incremental steps. */
export interface IncrementalSamples {
  /** A cold build that writes the cache (output and cache moved away first). */
  readonly prime: RunSample;
  /** Rebuilds with the cache and nothing changed; `noop[r]` ran just before `edit[r]`. */
  readonly noop: RunSample[];
  /** Rebuilds with the cache after appending a word to `editedSeed`. */
  readonly edit: RunSample[];
}

/**
 * Runs prime, then `runs` pairs of a no-op rebuild and a one-edit rebuild, so each edit has a no-op
 * measured moments before it (what an edit adds to start-up is then compared within one moment's
 * machine load); the edited seed is restored afterwards.
 */
export async function measureIncremental(
  command: BuildCommand,
  params: Omit<BuildParams, 'useCache'>,
  editedSeed: string,
  runs: number,
  ctx: (step: string) => RunContext,
): Promise<IncrementalSamples> {
  const target = broadsheetTarget(command, { ...params, useCache: true });
  const prime = await measureRun(target, true, ctx('prime'));
  const noop: RunSample[] = [];
  const edit: RunSample[] = [];
  let original: Buffer | undefined;
  try {
    for (let r = 1; r <= runs; r++) {
      noop.push(await measureRun(target, false, ctx(`noop${r}`)));
      const before = await appendWordToSeed(editedSeed);
      original ??= before;
      edit.push(await measureRun(target, false, ctx(`edit${r}`)));
    }
  } finally {
    if (original) await restoreSeed(editedSeed, original);
  }
  return { prime, noop, edit };
}
