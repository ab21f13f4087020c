import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { aliasClashes, aliasPathsOf, readAlias } from '../../src/site/aliases.js';
import { ContentErrors, SeedError } from '../../src/errors.js';

describe('readAlias', () => {
  it.each([
    ['/posts/old-title/', 'posts/old-title/'],
    ['posts/old-title', 'posts/old-title/'],
    ['  /posts//old-title/  ', 'posts/old-title/'],
    ['/posts/old-title/index.html', 'posts/old-title/'],
    ['/2019/05/old-title.html', '2019/05/old-title.html'],
    ['/archive/Story.HTM', 'archive/Story.HTM'],
    ['/2019/05/03/old-slug/', '2019/05/03/old-slug/'],
    ['/2019/05/old-slug/', '2019/05/old-slug/'],
    ['/not%C3%ADcias/a%20b/', 'notícias/a b/'],
    ['/v1.2-release/', 'v1.2-release/'],
    ['/tagsx/', 'tagsx/'],
  ])('reads %j as the page path %j', (written, path) => {
    expect(readAlias(written)).toEqual({ path });
  });

  it.each([
    ['https://example.org/old/', 'alias https://example.org/old/ is a URL, not a path on this site'],
    ['//cdn.example/old/', 'alias //cdn.example/old/ is a URL, not a path on this site'],
    ['javascript:alert(1)', 'alias javascript:alert(1) is a URL, not a path on this site'],
    ['/index.php?p=3', 'alias /index.php?p=3 has a query or fragment'],
    ['/old/#top', 'alias /old/#top has a query or fragment'],
    ['/../../etc/passwd/', 'alias /../../etc/passwd/ steps out of its folder with ".."'],
    ['/a/%2E%2E/b/', 'alias /a/%2E%2E/b/ steps out of its folder with ".."'],
    ['/a/./b/', 'alias /a/./b/ steps out of its folder with "."'],
    ['/a%2Fb/', 'alias /a%2Fb/ has a slash or a control character inside a name'],
    ['/a%5Cb/', 'alias /a%5Cb/ has a slash or a control character inside a name'],
    ['/a%00b/', 'alias /a%00b/ has a slash or a control character inside a name'],
    ['/a%E0%A4%A/', 'alias /a%E0%A4%A/ has a broken percent-escape'],
    [`/${'x'.repeat(256)}/`, `alias /${'x'.repeat(256)}/ has a name longer than 255 bytes`],
    [`/${'abcdefghi/'.repeat(103)}`, `alias ${'/abcdefghi'.repeat(6)}… is longer than 1024 bytes`],
    ['/old.php', 'alias /old.php is not a page'],
    ['/blog/:year/:title/', 'alias /blog/:year/:title/ has a placeholder (:year), as a Jekyll or Hugo permalink pattern does'],
    [':title.html', 'alias :title.html has a placeholder (:title), as a Jekyll or Hugo permalink pattern does'],
    ['/.htaccess', 'alias /.htaccess is not a page'],
    ['/', 'alias / is the front page'],
    ['/index.html', 'alias /index.html is the front page'],
    ['/tags/iraq/', 'alias /tags/iraq/ is inside /tags/, where broadsheet writes its own pages'],
    ['/Page/2/', 'alias /Page/2/ is inside /page/, where broadsheet writes its own pages'],
    ['/search/', 'alias /search/ is inside /search/, where broadsheet writes its own pages'],
    ['/pagefind/x.html', 'alias /pagefind/x.html is inside /pagefind/, where broadsheet writes its own pages'],
    ['/feed.xml/', 'alias /feed.xml/ is (or is inside) /feed.xml, a file broadsheet writes'],
    ['/404.html', 'alias /404.html is (or is inside) /404.html, a file broadsheet writes'],
    ['/sitemap-2.xml/x/', 'alias /sitemap-2.xml/x/ is (or is inside) /sitemap-2.xml, a file broadsheet writes'],
    ['/2024/', 'alias /2024/ is the address of a date archive'],
    ['/2024/02/08/', 'alias /2024/02/08/ is the address of a date archive'],
  ])('refuses %j: %s', (written, problem) => {
    const reading = readAlias(written);
    expect('problem' in reading && reading.problem).toBe(problem);
  });

  it('never gives a path that leaves the output folder or is not a file name on every system it writes to', () => {
    const piece = fc.oneof(fc.constantFrom('/', '.', '..', '%2e', '%2F', '%5c', '%00', '\\', 'index.html', 'a.html', 'tags', '2024', ' ', '%', '%C3%A9', '?', '#', ':'), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const reading = readAlias(pieces.join(''));
        if (!('path' in reading)) return;
        const parts = reading.path.replace(/\/$/, '').split('/');
        expect(reading.path).not.toMatch(/^\//);
        for (const part of parts) {
          expect(part === '' || part === '.' || part === '..').toBe(false);
          expect(part).not.toMatch(/[\\\u0000-\u001f\u007f-\u009f]/);
        }
        expect(['tags', 'page', 'search', 'pagefind']).not.toContain(parts[0]!.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('aliasPathsOf', () => {
  it('gives each alias once, in order, and refuses every bad one at once, at the line given', () => {
    expect(aliasPathsOf('a.md', ['/b/', 'a', '/b'], 4)).toEqual(['b/', 'a/']);
    expect(() => aliasPathsOf('a.md', ['/ok/', '/tags/x/', '/?q'], 4)).toThrow(ContentErrors);
    try {
      aliasPathsOf('a.md', ['/ok/', '/tags/x/', '/?q'], 4);
    } catch (error) {
      expect((error as ContentErrors).errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual(['a.md:4: alias /tags/x/ is inside /tags/, where broadsheet writes its own pages', 'a.md:4: alias /?q has a query or fragment']);
    }
  });
});

describe('aliasClashes', () => {
  const article = (sourcePath: string, date: string, slug: string, aliases?: string[]) => ({ sourcePath, date, slug, ...(aliases && { aliases }) }) as unknown as Article;

  it("finds an alias that is another article's address or an earlier seed's alias, each at its seed's line; the article's own address is no clash", () => {
    const articles = [
      article('seeds/c.md', '2024-03-01', 'c', ['old/', '2024-x/', '2024/03/01/c/']),
      article('seeds/a.md', '2024-01-01', 'a', ['old/', 'fine/']),
      article('seeds/b.md', '2024-02-01', 'b', ['2024/01/01/a/']),
    ];
    const errors = aliasClashes(articles, (p) => ({ 'seeds/a.md': 3, 'seeds/b.md': 4, 'seeds/c.md': 5 })[p]!);
    expect(errors.map((e: SeedError) => e.format())).toEqual([
      'seeds/b.md:4: alias /2024/01/01/a/ is the address of the article seeds/a.md (hint: an address can lead to one page only: remove the alias)',
      'seeds/c.md:5: alias /old/ is also an alias of seeds/a.md (hint: an address can lead to one page only: remove the alias)',
    ]);
  });
});
