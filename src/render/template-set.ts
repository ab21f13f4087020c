/** The page templates a template folder must hold, checked before a build parses or renders anything. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Every page template the renderer asks for by name (partials and layouts are named by the templates themselves). */
export const PAGE_TEMPLATES = ['index', 'article', 'tag', 'tags', 'archive-year', 'archive-month', 'search', '404'] as const;

/** True when `file` is a regular file (or a link to one). */
function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Throws a UsageError naming every page template missing from `templatesDir` (one line each), or the
 * folder itself when it is not there: found at the start, not after a parse of every seed.
 */
export async function checkTemplateSet(templatesDir: string): Promise<void> {
  const folder = await stat(templatesDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!folder) throw new UsageError(`${templatesDir}: templates folder not found (hint: pass --templates <dir>, or leave it out for broadsheet's own)`);
  const missing: string[] = [];
  for (const name of PAGE_TEMPLATES) {
    const file = path.join(templatesDir, `${name}.html`);
    if (!(await isFile(file))) missing.push(`${file}: page template missing (hint: copy ${name}.html from broadsheet's templates/ folder)`);
  }
  if (missing.length > 0) throw new UsageError(missing.join('\n'));
}
