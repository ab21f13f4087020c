/** The page templates a template folder must hold, checked before a build parses or renders anything. */
import { realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Every page template the renderer asks for by name (partials and layouts are named by the templates themselves). */
export const PAGE_TEMPLATES = ['index', 'article', 'tag', 'tags', 'archive-year', 'archive-month', 'search', '404'] as const;

/**
 * What keeps LiquidJS from reading the template `file` it looks for in `dir`, in words, or undefined
 * when nothing does: the file is missing (or not a file), or it links to a file outside `dir` (LiquidJS
 * reads only files whose real path is inside the folder it looks in).
 */
export function templateFileProblem(dir: string, file: string): string | undefined {
  let real: string;
  try {
    if (!statSync(file).isFile()) return 'missing';
    real = realpathSync(file);
  } catch {
    return 'missing';
  }
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return 'missing';
  }
  if (real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return undefined;
  return `links to ${real}, outside ${dir}: templates are read only from inside their folder`;
}

/** The hint for a template LiquidJS cannot read: where a good copy is, or to copy instead of link. */
export function templateFileHint(problem: string, name: string): string {
  return problem === 'missing' ? `copy ${name} from broadsheet's templates/ folder` : 'copy the file into the folder instead of linking to it';
}

/**
 * Throws a UsageError naming every page template of `templatesDir` LiquidJS could not read (missing,
 * or linked from outside; one line each), or the folder itself when it is not one: found at the
 * start, not after a parse of every seed.
 */
export async function checkTemplateSet(templatesDir: string): Promise<void> {
  const folder = await stat(templatesDir).then(
    (s) => (s.isDirectory() ? 'folder' : 'other'),
    () => undefined,
  );
  if (folder !== 'folder') throw new UsageError(`${templatesDir}: ${folder === undefined ? 'templates folder not found' : 'not a folder'} (hint: pass --templates <dir>, or leave it out for broadsheet's own)`);
  const problems: string[] = [];
  for (const name of PAGE_TEMPLATES) {
    const file = path.join(templatesDir, `${name}.html`);
    const problem = templateFileProblem(templatesDir, file);
    if (problem !== undefined) problems.push(`${file}: page template ${problem} (hint: ${templateFileHint(problem, `${name}.html`)})`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
}
