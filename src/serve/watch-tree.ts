/**
 * Watching a folder tree for the dev server: one plain fs.watch per folder (never per file).
 * Node 20's `recursive` watch on Linux watches each file's inode, so an editor that saves by writing a
 * new file and renaming it over the old one (vim, sed -i, many IDEs) is seen once and then never
 * again; a folder's watch reports every change to its entries, however they are saved.
 */
import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** A live watch of a tree; `close` stops it. */
export interface TreeWatch {
  close(): void;
}

/** Calls `onChange` for every change anywhere below `root`; folders made later are watched as they appear. */
export function watchTree(root: string, onChange: () => void): TreeWatch {
  const watchers = new Map<string, FSWatcher>();
  /** Watches every folder of the tree not watched yet, and forgets those that are gone. */
  const sync = () => {
    const folders = new Set(foldersOf(root));
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (event) => {
          // A rename may be a folder coming or going.
          if (event === 'rename') sync();
          onChange();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // Gone between listing and watching: the next sync forgets it.
      }
    }
  };
  sync();
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * `root` and every folder below it, with symbolic links followed as the build follows them in
 * public/ (listFolderFiles): a linked folder is watched itself, a linked file through the folder
 * that holds its target, so an edit of a linked stylesheet or image is seen. A folder is watched once
 * however many links lead to it.
 */
function foldersOf(root: string): string[] {
  const folders = [root];
  // Each folder's path with links resolved: a folder's own subfolder adds its name to it; only a
  // link asks the system (the tree is listed again on every rename an editor's save makes).
  const reals = [realOrSelf(root)];
  const seen = new Set(reals);
  const add = (folder: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    folders.push(folder);
    reals.push(real);
  };
  for (let i = 0; i < folders.length; i++) {
    let entries;
    try {
      entries = readdirSync(folders[i]!, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folders[i]!, entry.name);
      if (entry.isDirectory()) add(full, path.join(reals[i]!, entry.name));
      else if (entry.isSymbolicLink()) {
        const target = statSync(full, { throwIfNoEntry: false });
        if (target?.isDirectory()) add(full, realOrSelf(full));
        else if (target?.isFile()) {
          const folder = path.dirname(realOrSelf(full));
          add(folder, folder);
        }
      }
    }
  }
  return folders;
}

/** The real path of `file` (links resolved), or `file` itself when it cannot be resolved. */
function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
