import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * vitest globalSetup: one scratch folder for the whole run, made the temporary folder (TMPDIR) of the
 * test processes and of every CLI they start, and removed at the end — tests and killed builds leave
 * nothing behind in the system's temporary folder.
 */
export default function setup(): () => void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-tests-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = scratch;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(scratch, { recursive: true, force: true });
  };
}
