import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = path.join(import.meta.dirname, '..', '..', 'lib');

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

  it("merges micromark's default constructs once, not for every Markdown document it parses (≈ 4% of a 10k Markdown parse)", () => {
    const code = compiledModules().join('\n');
    expect(code).toContain('defaultConstructsMerged ??= combineExtensions([constructs_exports])');
    // The merge with extensions stays for a parser given some (broadsheet gives none).
    expect(code).toMatch(/settings\.extensions\.length > 0 \? combineExtensions\(\[constructs_exports, \.\.\.settings\.extensions \|\| \[\]\]\)/);
  });
});
