import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { absoluteUrlOf, articlePath, basePathOf, hrefOf, outputFileOf, resolveInside, tagPath } from '../../src/site/urls.js';
import { articleSlug, tagSlug } from '../../src/article/slug.js';

describe('urls', () => {
  it('follows the URL scheme of the design', () => {
    expect(articlePath('2024-02-08', 'slug')).toBe('2024/02/08/slug/');
    expect(tagPath('iraq', 2)).toBe('tags/iraq/page/2/');
    expect(outputFileOf('')).toBe('index.html');
    expect(outputFileOf('tags/iraq/')).toBe('tags/iraq/index.html');
    expect(outputFileOf('feed.xml')).toBe('feed.xml');
  });

  it('carries the base path in links and absolute URLs', () => {
    const base = 'https://example.org/archive/';
    expect(basePathOf(base)).toBe('/archive/');
    expect(hrefOf('/archive/', 'tags/')).toBe('/archive/tags/');
    expect(absoluteUrlOf(base, '2024/')).toBe('https://example.org/archive/2024/');
  });

  it('gives the absolute URL the URL parser gives, for any base URL and page path', () => {
    const base = fc.constantFrom(
      'https://example.org/',
      'https://example.org/archive/',
      'HTTPS://Example.ORG:443/a%20b/',
      'http://example.org:8080/news/',
      'https://example.org/archive',
      'https://example.org/archive/?q=1',
      'https://example.org/archive/#top',
      'https://example.org/archive/?',
      'https://example.org/archive/?q=a/',
      'https://example.org/archive/#part/',
      'https://exämple.org/ärchive/',
    );
    const pagePath = fc.stringMatching(/^[a-z0-9\-_~./%?# é:\\]{0,24}$/);
    fc.assert(
      fc.property(base, fc.oneof(pagePath, fc.constantFrom('', '2024/02/08/slug/', 'tags/a/page/2/', './x', '../x', 'a/../b', '/x', '//host/x', 'a/.', 'a/..', '.', '..', '...', 'a//b')), (baseUrl, path) => {
        /** A URL, or the parser's refusal (a path of backslashes names a host that cannot be). */
        const outcome = (make: () => string): string => {
          try {
            return make();
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        };
        expect(outcome(() => absoluteUrlOf(baseUrl, path))).toBe(outcome(() => new URL(path, baseUrl).href));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any output path that leaves the output folder', () => {
    expect(() => resolveInside('/tmp/out', '../x')).toThrow(/outside the output folder/);
    expect(() => resolveInside('/tmp/out', '/etc/passwd')).toThrow(/outside the output folder/);
    expect(resolveInside('/tmp/out', 'a/b.html')).toBe(path.resolve('/tmp/out/a/b.html'));
  });

  it('resolves any output path as path.resolve does, or refuses it, whatever the path and the output folder', () => {
    /** resolveInside as it was before its shortcut for plain paths: path.resolve and a containment check. */
    const reference = (outDir: string, relPath: string): string => {
      const root = path.resolve(outDir);
      const full = path.resolve(root, relPath);
      if (relPath.includes('\0') || path.isAbsolute(relPath) || (full !== root && !full.startsWith(root + path.sep))) return 'refused';
      return full;
    };
    const outcome = (outDir: string, relPath: string): string => {
      try {
        return resolveInside(outDir, relPath);
      } catch (error) {
        expect((error as Error).message).toBe(`refusing to write outside the output folder: ${JSON.stringify(relPath)}`);
        return 'refused';
      }
    };
    const piece = fc.constantFrom('a', 'Z9', 'index.html', '.', '..', '...', '.x', '/', '//', '\0', '~', '-', '_', 'é', ' ', '\\', '%2e');
    const relPath = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string());
    const outDir = fc.constantFrom('/', '/tmp/out', '/tmp/out/', '/tmp//out/./x/..', 'out', './out/', '../out');
    fc.assert(
      fc.property(outDir, relPath, (dir, rel) => {
        expect(outcome(dir, rel)).toBe(reference(dir, rel));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every article and tag path built from arbitrary text inside the output folder', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, tag) => {
        const out = '/tmp/out';
        const a = resolveInside(out, outputFileOf(articlePath('2024-02-08', articleSlug(title))));
        const t = resolveInside(out, outputFileOf(tagPath(tagSlug(tag))));
        return a.startsWith('/tmp/out/2024/02/08/') && t.startsWith('/tmp/out/tags/');
      }),
    );
  });
});
