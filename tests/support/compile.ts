import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** vitest globalSetup: compiles src/ into lib/ once (as `npm run compile` does), so tests can run the real CLI (and its worker threads) as a child process. */
export default function setup(): void {
  const root = path.join(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'esbuild.config.mjs')], { cwd: root, stdio: 'inherit' });
}
