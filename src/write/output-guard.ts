/** Refuses output folders a build must never replace: the inputs, their parents, or a folder that is not a built site. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** True when `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Throws a UsageError unless `outDir` can safely be replaced by a build reading `inputs`. */
export async function guardOutputDir(outDir: string, inputs: readonly string[]): Promise<void> {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root || out === path.resolve('.') || out === process.env['HOME']) {
    throw new UsageError(`--out ${outDir}: refusing to replace this folder (hint: build into a folder of its own, such as dist)`);
  }
  for (const input of inputs) {
    const full = path.resolve(input);
    if (isWithin(full, out) || isWithin(out, full)) {
      throw new UsageError(`--out ${outDir}: the output folder must not contain, or be inside, ${input} (hint: build into a folder of its own, such as dist)`);
    }
  }
  const entries = await readdir(out).catch(() => undefined);
  if (entries === undefined || entries.length === 0) return;
  if (!entries.includes('index.html') && !(await stat(path.join(out, '404.html')).then(() => true, () => false))) {
    throw new UsageError(`--out ${outDir}: this folder exists and does not look like a built site (no index.html); refusing to replace it (hint: choose a new or empty folder)`);
  }
}
