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

  it('refuses any output path that leaves the output folder', () => {
    expect(() => resolveInside('/tmp/out', '../x')).toThrow(/outside the output folder/);
    expect(() => resolveInside('/tmp/out', '/etc/passwd')).toThrow(/outside the output folder/);
    expect(resolveInside('/tmp/out', 'a/b.html')).toBe(path.resolve('/tmp/out/a/b.html'));
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
