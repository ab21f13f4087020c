/** The seeds of a build as a snapshot keeps them: each seed's draft key, shape and problems, in aligned columns. */
import type { WireError } from '../seeds/parse-task.js';

/** What a seed's parse reported besides its draft: shown again by every build while it is unchanged. */
export interface SeedProblems {
  readonly warnings?: readonly WireError[];
  /** Why it was skipped (`--skip-invalid`). */
  readonly errors?: readonly WireError[];
}

/** One seed as a build saw it. */
export interface SnapshotSeed extends SeedProblems {
  /** Its draft key in the pack (size, mtime, ctime and path). */
  readonly key: string;
  /** Its draft's shape (see shapeOf); empty for a seed that was skipped as invalid. */
  readonly shape: string;
  /** The key its copies share (see copyKeyOf); empty for a seed not published. */
  readonly copy: string;
}

/**
 * Every seed of a build in the order the seeds were listed (by path), as aligned columns: at 100k
 * seeds three arrays of strings load in a few ms where 100k small objects took 140 ms.
 */
export interface SeedTable {
  readonly paths: readonly string[];
  readonly keys: readonly string[];
  readonly shapes: readonly string[];
  /** Each seed's copy key (see copyKeyOf): a seed scraped twice is found without loading any record. */
  readonly copies: readonly string[];
  /** The few seeds with warnings or errors, by path. */
  readonly problems: Readonly<Record<string, SeedProblems>>;
}

/** Seed `i` of a table, or its edited version from `edited` (by path). */
export function seedAt(table: SeedTable, i: number, edited?: Readonly<Record<string, SnapshotSeed>>): SnapshotSeed {
  const path = table.paths[i]!;
  return edited?.[path] ?? { key: table.keys[i]!, shape: table.shapes[i]!, copy: table.copies[i]!, ...table.problems[path] };
}

/** A table with some of its seeds replaced by their edited versions (by path). */
export function withEditedSeeds(table: SeedTable, edited: Readonly<Record<string, SnapshotSeed>>): SeedTable {
  const seeds = table.paths.map((_, i) => seedAt(table, i, edited));
  const problems: Record<string, SeedProblems> = {};
  seeds.forEach(({ warnings, errors }, i) => {
    if (warnings || errors) problems[table.paths[i]!] = { ...(warnings && { warnings }), ...(errors && { errors }) };
  });
  return { paths: table.paths, keys: seeds.map((s) => s.key), shapes: seeds.map((s) => s.shape), copies: seeds.map((s) => s.copy), problems };
}
