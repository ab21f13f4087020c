// `npm run compile`: src/ → lib/ as a few bundled ES modules (types are checked by `npm run typecheck`).
// One bundle instead of ~400 small modules: loading the parser and renderer took ~270 ms per process
// and per worker thread, bundled ~90 ms (docs/performance.md). Everything lands in lib/ itself, so a
// worker file is found beside whichever chunk asks for it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

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
// @sindresorhus/transliterate (under slugify) builds a regular expression for each of its ~20 locales
// when its module is evaluated: 7-14 ms of every process and worker that makes a slug, though
// broadsheet passes no locale. The locales' patterns are made on first use instead; the compile fails
// if the library's source no longer has the loop this replaces (tests/build/bundle.test.ts).
const LOCALE_LOOP = /const localeCache = new Map\(\);\s*for \(const \[locale, localeMap\] of Object\.entries\(localeReplacements\)\) \{([\s\S]*?)\n\}\n/;
const lazyTransliterateLocales = {
  name: 'lazy-transliterate-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]@sindresorhus[\\/]transliterate[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const loop = LOCALE_LOOP.exec(source);
      if (!loop || !source.includes('localeCache.get(normalizedLocale)')) throw new Error(`${args.path}: the locale loop lazy-transliterate-locales rewrites is gone; update the plugin`);
      const lazy = `const localeCache = new Map();\nconst localeEntry = (locale) => {\n\tif (!localeCache.has(locale)) {\n\t\tconst localeMap = localeReplacements[locale];${loop[1]}\n\t}\n\treturn localeCache.get(locale);\n};\n`;
      return { contents: source.replace(loop[0], lazy).replace('localeCache.get(normalizedLocale)', 'localeEntry(normalizedLocale)'), loader: 'js' };
    });
  },
};
// micromark (remark-parse's tokenizer) merges its default constructs with the parser's extensions
// anew for every document: a fresh map of every construct by character code, ≈ 20–45 µs and a few
// hundred short-lived objects per Markdown seed (≈ 4% of a 10k Markdown parse's CPU with the garbage).
// broadsheet passes no micromark extensions, so the merge of the defaults alone is made once and
// shared: micromark only reads it. The compile fails if the library's line is gone (bundle.test.ts).
const MICROMARK_MERGE = 'combineExtensions([defaultConstructs, ...(settings.extensions || [])])';
const sharedMicromarkConstructs = {
  name: 'shared-micromark-constructs',
  setup(build) {
    build.onLoad({ filter: /[\\/]micromark[\\/](dev[\\/])?lib[\\/]parse\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(MICROMARK_MERGE)) throw new Error(`${args.path}: the constructs merge shared-micromark-constructs rewrites is gone; update the plugin`);
      const shared = `(settings.extensions && settings.extensions.length > 0 ? ${MICROMARK_MERGE} : (defaultConstructsMerged ??= combineExtensions([defaultConstructs])))`;
      return { contents: `${source.replace(MICROMARK_MERGE, shared)}\nvar defaultConstructsMerged;\n`, loader: 'js' };
    });
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
  plugins: [grayMatterYaml, lazyTransliterateLocales, sharedMicromarkConstructs],
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
