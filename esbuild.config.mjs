// `npm run compile`: src/ → lib/ as a few bundled ES modules (types are checked by `npm run typecheck`).
// One bundle instead of ~400 small modules: loading the parser and renderer took ~270 ms per process
// and per worker thread, bundled ~90 ms (docs/performance.md). Everything lands in lib/ itself, so a
// worker file is found beside whichever chunk asks for it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { dependencyRewrites } from './esbuild.rewrites.mjs';

const outdir = path.resolve('lib');

// gray-matter's default YAML engine is js-yaml 3, whose module also loads esprima (for its
// !!js/function tag) as soon as the parser's code is loaded: ≈ 10 ms of every process and parse
// worker that parses seeds. front-matter.ts gives gray-matter its own engine (js-yaml 4, JSON schema),
// so gray-matter's import of js-yaml gets that js-yaml 4, bundled anyway; js-yaml 3 is never called.
const grayMatterYaml = {
  name: 'gray-matter-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}gray-matter${path.sep}`) ? build.resolve('js-yaml', { resolveDir: process.cwd(), kind: 'import-statement' }) : undefined,
    );
  },
};

const result = await build({
  entryPoints: ['src/cli.ts', 'src/seeds/parse-worker.ts', 'src/render/render-worker.ts'],
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ES module builds of dependencies first (their CommonJS builds may look for __dirname).
  mainFields: ['module', 'main'],
  // Both find files of their own package at run time (Pagefind its binary, piscina its worker).
  external: ['pagefind', 'piscina'],
  // CommonJS dependencies call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __broadsheetRequire } from 'node:module'; const require = __broadsheetRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [grayMatterYaml, ...Object.values(dependencyRewrites)],
  write: false,
});

// A file whose bytes are unchanged is left alone and a changed one replaced by a rename, so a CLI
// process already running from lib/ (a test, a dev server) never reads a half-written module.
mkdirSync(outdir, { recursive: true });
const written = new Set();
for (const file of result.outputFiles) {
  written.add(path.basename(file.path));
  let same = false;
  try {
    same = Buffer.compare(readFileSync(file.path), file.contents) === 0;
  } catch {}
  if (same) continue;
  writeFileSync(`${file.path}.${process.pid}.tmp`, file.contents);
  renameSync(`${file.path}.${process.pid}.tmp`, file.path);
}
// What an earlier compile left that this one did not make (tsc's per-module output, old chunks).
for (const entry of readdirSync(outdir)) if (!written.has(entry)) rmSync(path.join(outdir, entry), { recursive: true, force: true });
