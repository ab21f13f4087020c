import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import publishedRemarkGfm from 'remark-gfm';
import publishedRemarkHtml from 'remark-html';
import publishedRemarkParse from 'remark-parse';
import { unified } from 'unified';
import { js2xml as publishedJs2xml } from 'xml-js';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const lib = path.join(root, 'lib');

/**
 * The default export of `source` (an ES module re-exporting a dependency) bundled with the compile's
 * rewrite `name` of esbuild.rewrites.mjs: the rewritten library, to hold beside the published one.
 */
async function bundledWithRewrite<T>(name: string, source: string): Promise<T> {
  const { dependencyRewrites } = (await import(pathToFileURL(path.join(root, 'esbuild.rewrites.mjs')).href)) as { dependencyRewrites: Record<string, Plugin> };
  const bundled = await build({ stdin: { contents: source, resolveDir: root }, bundle: true, format: 'esm', platform: 'node', mainFields: ['module', 'main'], write: false, logLevel: 'silent', plugins: [dependencyRewrites[name]!] });
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-rewrite-'));
  try {
    writeFileSync(path.join(dir, 'bundle.mjs'), bundled.outputFiles[0]!.contents);
    return ((await import(pathToFileURL(path.join(dir, 'bundle.mjs')).href)) as { default: T }).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every compiled module in lib/ (compiled by the test run's global setup). */
function compiledModules(): string[] {
  return readdirSync(lib)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(path.join(lib, name), 'utf8'));
}

/** Every source file the compiled modules were bundled from, as their source maps name them. */
function bundledSources(): string[] {
  return readdirSync(lib)
    .filter((name) => name.endsWith('.js.map'))
    .flatMap((name) => (JSON.parse(readFileSync(path.join(lib, name), 'utf8')) as { sources: string[] }).sources);
}

describe('compiled bundle', () => {
  it('holds one js-yaml (4) and never loads esprima: gray-matter is bundled with the js-yaml 4 front matter is parsed with', () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('renamed("safeLoad", "load")');
    // js-yaml 3 loads esprima for its !!js/function tag as soon as its module is evaluated.
    expect(code).not.toContain('esprima');
    expect(code.match(/function renamed\(/g)).toHaveLength(1);
  });

  it("sets V8's interrupt and inlining budgets in the command line's own module, before any command starts a worker thread (jit-budget.ts)", () => {
    const cli = readFileSync(path.join(lib, 'cli.js'), 'utf8');
    for (const call of ['setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)', 'setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`)']) {
      const flag = cli.indexOf(call);
      expect(flag).toBeGreaterThan(-1);
      // The module's own code runs the flags first: the usage text and every command come after it.
      expect(flag).toBeLessThan(cli.indexOf('usage: broadsheet'));
    }
  });

  it('bundles zod with its English messages only: zod is imported as a namespace of named exports, so its 60-odd locales are left out', () => {
    // `import { z } from 'zod'` made every process load all of zod (755 KB, ≈ 40 ms) for two schemas.
    const locales = [...new Set(bundledSources().filter((source) => /\/zod\/.*\/locales\//.test(source)))];
    expect(locales.map((source) => path.basename(source))).toEqual(['en.js']);
  });

  it('loads remark-parse and the YAML reader only when a seed needs them: no compiled module imports them statically', () => {
    const modules = readdirSync(lib).filter((name) => name.endsWith('.js'));
    const lazy = modules.filter((name) => /^(remark-parse|yaml-reader)-/.test(name));
    expect(lazy).toHaveLength(2);
    const code = compiledModules().join('\n');
    for (const name of lazy) {
      expect(code).toContain(`import("./${name}")`);
      expect(code).not.toContain(`from "./${name}"`);
    }
  });

  it('builds transliterate\'s locale patterns on first use, not when the slug module loads (≈ 14 ms of every process that makes slugs)', () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('localeEntry(normalizedLocale)');
    expect(code).not.toContain('localeCache.get(normalizedLocale)');
    expect(code).not.toMatch(/^for \(const \[locale, localeMap\] of Object\.entries/m);
  });

  it("merges micromark's constructs once per set of extensions, not for every Markdown document it parses (≈ 4% of a 10k Markdown parse)", () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('defaultConstructsMerged ??= combineExtensions([constructs_exports])');
    // With extensions (remark-gfm's), the merge is kept per extensions array: remark-parse passes its processor's own to every parse.
    expect(code).toContain('settings.extensions && settings.extensions.length > 0 ? mergedConstructsOf(settings.extensions)');
    expect(code).toContain('mergedByExtensions.set(extensions, merged = combineExtensions([constructs_exports, ...extensions]));');
  });

  it("gives mdast-util-from-markdown's event handlers one context per document, not a fresh copy per event (≈ 15% of remark-parse)", () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('const eventContext = { ...context, sliceSerialize: void 0 };');
    expect(code.match(/\.call\(\(eventContext\.sliceSerialize = events\[index\]\[2\]\.sliceSerialize, eventContext\)/g)).toHaveLength(1);
    expect(code).not.toContain('...context,\n          sliceSerialize');
  });

  it("keeps micromark's subtokenize jumps in a Map, not a dictionary-mode object merged with Object.assign (≈ 5% of subtokenize)", () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('for (const [from, to] of subcontent(events, index)) jumps.set(from, to);');
    expect(code).not.toContain('Object.assign(jumps, subcontent(events, index))');
  });

  it('builds the same Markdown trees with its rewritten remark-parse and remark-gfm as the published ones do', async () => {
    const bundledModule = async <T>(name: string): Promise<T> => {
      const chunk = readdirSync(lib).find((file) => new RegExp(`^${name}-.*\\.js$`).test(file));
      return ((await import(path.join(lib, chunk!))) as { default: T }).default;
    };
    const rewritten = unified()
      .use(await bundledModule<typeof publishedRemarkParse>('remark-parse'))
      .use(await bundledModule<typeof publishedRemarkGfm>('remark-gfm'));
    const published = unified().use(publishedRemarkParse).use(publishedRemarkGfm);
    const sameTree = (markdown: string): void => {
      expect(rewritten.parse(markdown)).toEqual(published.parse(markdown));
    };
    sameTree(readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8'));
    // Fragments of every construct micromark knows, in any order: lists, quotes, code, links, references, HTML.
    const fragment = fc.constantFrom('# ', 'Setext\n===\n', '> ', '- ', '1. ', '  ', '\t', '```js\n', '~~~', '    code', '*', '**', '_', '`', '[', '](', ')', '![', '[ref]: http://a.example "t"\n', '[ref]', '<http://b.example>', '<b>', '</b>', '<!-- c -->', '&amp;', '&#x26;', '\\', '***\n', '| a | b |\n|---|---|\n', '| c |', '~~', '~', 'www.c.example', 'https://d.example/x', 'e@f.example', '[^1]', '[^1]: note\n', '- [x] ', '  \n', '\n', '\n\n', 'word ', 'é ');
    fc.assert(fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 40 }), (parts) => sameTree(parts.join(''))), { numRuns: 300 });
  });

  it("answers xml-js's has-content question for a string without listing its characters (≈ 33% of an Atom feed's time)", () => {
    const code = compiledModules().join('\n');
    expect(code).toMatch(/function hasContentCompact\(element, options, anyContent\) \{\n\s*if \(typeof element === "string"\) return element\.length > 0;/);
  });

  it('writes the same XML with its rewritten xml-js as the published xml-js does, for any compact element tree', async () => {
    const rewritten = await bundledWithRewrite<typeof publishedJs2xml>('xmlJsStringContent', "export { js2xml as default } from 'xml-js';");
    // Objects as feed builds them (with Object's prototype: xml-js calls hasOwnProperty on them).
    const plain = { noNullPrototype: true } as const;
    const outcome = (write: () => string): string => {
      try {
        return write();
      } catch (error) {
        return `threw ${String(error)}`;
      }
    };
    // Element trees as feed builds them: text, CDATA, attributes, nested elements and arrays of them, empty values.
    const leaf = fc.oneof(fc.string(), fc.constant(''), fc.integer(), fc.boolean(), fc.constant(null), fc.record({ _text: fc.string() }, plain), fc.record({ _cdata: fc.string() }, plain), fc.record({ _attributes: fc.dictionary(fc.constantFrom('href', 'rel', 'term'), fc.string(), plain) }, plain));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(fc.constantFrom('entry', 'title', 'link', '_text', '_cdata', '_attributes', 'id'), fc.oneof(tie('tree'), fc.array(tie('tree'), { maxLength: 3 })), { maxKeys: 4, ...plain })),
    }));
    fc.assert(
      fc.property(fc.record({ feed: tree }, plain), fc.boolean(), (element, fullTagEmptyElement) => {
        const options = { compact: true, ignoreComment: true, spaces: 4, fullTagEmptyElement };
        // Malformed trees (CDATA that is no string) make both throw the same error.
        expect(outcome(() => rewritten(element, options))).toBe(outcome(() => publishedJs2xml(element, options)));
      }),
      { numRuns: 500 },
    );
  });

  it("finds mdast-util-to-hast's link and footnote definitions with a plain walk, not unist-util-visit (≈ 40% of mdast → hast)", () => {
    const code = compiledModules().join('\n');
    expect(code).toMatch(/walkPreorder\(tree, function\(node\) \{\n\s*if \(node\.type === "definition" \|\| node\.type === "footnoteDefinition"\)/);
  });

  it('writes the same HTML with its rewritten mdast-util-to-hast as the published remark-html does, definitions and footnotes included', async () => {
    const rewrittenRemarkHtml = await bundledWithRewrite<typeof publishedRemarkHtml>('plainDefinitionWalk', "export { default } from 'remark-html';");
    const parser = unified().use(publishedRemarkParse);
    const rewritten = unified().use(rewrittenRemarkHtml, { sanitize: false });
    const published = unified().use(publishedRemarkHtml, { sanitize: false });
    // Footnotes need GFM to parse, so they are added to the tree by hand: a definition, a duplicate (the first wins) and references.
    const footnotes = (label: string): Root['children'] => [
      { type: 'paragraph', children: [{ type: 'text', value: 'See' }, { type: 'footnoteReference', identifier: label, label }] },
      { type: 'footnoteDefinition', identifier: label, label, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'first' }] }] },
      { type: 'blockquote', children: [{ type: 'footnoteDefinition', identifier: label.toUpperCase(), label, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'second' }] }] }] },
    ];
    // Link definitions anywhere (quotes, lists), the same label defined twice, references to defined and undefined labels.
    const fragment = fc.constantFrom('[a]: http://one.example\n', '[A]: http://two.example "t"\n', '> [b]: http://three.example\n', '- [c]: http://four.example\n', '[a]', '[b][]', '[x][c]', '![a]', '[nope]', 'text ', '\n\n', '\n', '# ', '> ', '- ');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.constantFrom('1', 'note', 'Ünï'), (parts, label) => {
        const tree = parser.parse(parts.join(''));
        tree.children.push(...footnotes(label));
        expect(rewritten.stringify(rewritten.runSync(structuredClone(tree)) as Root)).toBe(published.stringify(published.runSync(structuredClone(tree)) as Root));
      }),
      { numRuns: 300 },
    );
  });
});
