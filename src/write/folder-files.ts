/** Lists the files of templates/ and public/: symbolic links followed, what cannot be published reported. */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { notAFile } from '../file-kind.js';

/** The files under a folder and what was found there that is not a file. */
export interface FolderFiles {
  /** `/`-separated paths relative to the folder, sorted (code-point order). */
  readonly files: string[];
  /** One line per entry that is no file: `<folder>/<path>: <what it is>`. */
  readonly problems: string[];
}

/**
 * Every file under `dir`, dot-entries left out. Symbolic links are followed, as `cp -rL` would: a
 * theme's `public/img -> ../assets/img` or a linked template is published and fingerprinted like a
 * file of its own (listing only real files skipped them without a word, and left the cache blind to
 * edits of a linked template). A link to a folder that holds it is reported, not followed forever. A
 * missing folder has no files.
 */
export async function listFolderFiles(dir: string): Promise<FolderFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  // `real` is the folder's path with links resolved: a folder's own subfolder adds its name to it, and
  // only a link needs asking the system (a no-op build fingerprints public/ on every run).
  async function walk(rel: string, real: string, ancestors: ReadonlySet<string>): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, relPath);
      const linked = entry.isSymbolicLink();
      const kind = linked ? await stat(full).catch(() => undefined) : entry;
      if (kind === undefined) problems.push(`${full}: broken symbolic link`);
      else if (kind.isFile()) files.push(relPath);
      else if (!kind.isDirectory()) problems.push(`${full}: ${notAFile(kind)}, not a file`);
      else {
        const target = linked ? await realpath(full) : path.join(real, entry.name);
        if (ancestors.has(target)) problems.push(`${full}: symbolic link to a folder that holds it`);
        else await walk(relPath, target, new Set([...ancestors, target]));
      }
    }
  }
  const root = await realpath(dir).catch(() => undefined);
  if (root !== undefined) await walk('', root, new Set([root]));
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems };
}
