/** A build's warnings as report lines, the same warning over many seeds shown for a few and counted for the rest. */
import { printable, type SeedError } from './errors.js';

/** How many seeds a warning is listed for before the rest are counted in one line. */
export const LISTED_PER_WARNING = 3;

/**
 * One `warning: path:line: message` line per warning, in order; a warning given for more seeds than
 * LISTED_PER_WARNING (an archive moved from Jekyll has `layout:` in every post) is listed for the
 * first ones, then counted: `warning: the same for 9997 more seeds: unknown front matter key "layout" (ignored)`.
 */
export function warningLines(warnings: readonly SeedError[]): string[] {
  const counts = new Map<string, number>();
  const lines: string[] = [];
  for (const warning of warnings) {
    const what = warning.hint === undefined ? warning.message : `${warning.message}\0${warning.hint}`;
    const count = (counts.get(what) ?? 0) + 1;
    counts.set(what, count);
    if (count <= LISTED_PER_WARNING) lines.push(`warning: ${warning.format()}`);
  }
  for (const [what, count] of counts) {
    const more = count - LISTED_PER_WARNING;
    if (more > 0) lines.push(`warning: the same for ${more} more ${more === 1 ? 'seed' : 'seeds'}: ${printable(what.split('\0')[0]!)}`);
  }
  return lines;
}
