/** Making the folder each file goes into, once per folder, while many files are moved or linked in. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The folders made so far; `holding` makes a file's folder (and its parents) unless it was made already. */
export class ParentFolders {
  private readonly made = new Set<string>();

  /** Makes the folder that will hold `file` (an absolute path), the first time it is asked for. */
  holding(file: string): void {
    const folder = path.dirname(file);
    if (this.made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }
}
