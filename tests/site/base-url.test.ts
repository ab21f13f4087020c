import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { UsageError } from '../../src/errors.js';
import { hasControlCharacters } from '../../src/seeds/decode.js';
import { baseUrlOption, baseUrlProblem, normalBaseUrl } from '../../src/site/base-url.js';
import { absoluteUrlOf, basePathOf } from '../../src/site/urls.js';

/** What the config says about `url` as its baseUrl: its normal form, or the problem after `baseUrl: `. */
function configOutcome(url: string): string {
  try {
    return parseConfig({ baseUrl: url }, 'c.json').baseUrl;
  } catch (error) {
    return (error as Error).message.replace(/^c\.json: baseUrl: /, '');
  }
}

/** What `--base-url` says about `url`: its normal form, or the problem before `, got "…"`. */
function optionOutcome(url: string): string {
  try {
    return baseUrlOption(url);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message.replace(/^--base-url: /, '').replace(/, got ".*"$/s, '');
  }
}

describe('the base URL', () => {
  it.each([
    ['http:example.org', 'expected an absolute URL such as https://example.org/archive/'],
    ['https:/example.org/archive/', 'expected an absolute URL such as https://example.org/archive/'],
    ['//example.org/archive/', 'expected an absolute URL such as https://example.org/archive/'],
    ['ftp://example.org/', 'expected an http(s) URL'],
    ['https://example.org/archive?page=1', 'expected a URL without a query (?…) or fragment (#…) such as https://example.org/archive/'],
    ['https://example.org/archive/?', 'expected a URL without a query (?…) or fragment (#…) such as https://example.org/archive/'],
    ['https://example.org/archive/#top', 'expected a URL without a query (?…) or fragment (#…) such as https://example.org/archive/'],
    ['https://editor:secret@example.org/', 'expected a URL without a user name or password (every page would publish them)'],
    ['https://example.org/my archive/', 'expected a URL without spaces or line breaks (write a space as %20)'],
    ['https://example.org/\u007f/', 'expected a URL without control characters'],
  ])('refuses %j: %s', (url, problem) => {
    expect(baseUrlProblem(url)).toBe(problem);
  });

  it.each([
    ['https://example.org/archive', 'https://example.org/archive/'],
    ['HTTPS://Example.ORG:443/archive/', 'https://example.org/archive/'],
    ['http://example.org:8080/a/../news', 'http://example.org:8080/news/'],
    ['https://example.org/über/', 'https://example.org/%C3%BCber/'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['https://[::1]/', 'https://[::1]/'],
  ])('takes %j in its normal form, %j', (url, normal) => {
    expect(baseUrlProblem(url)).toBeUndefined();
    expect(normalBaseUrl(url)).toBe(normal);
  });

  it('is judged and written alike in the config and in --base-url, whatever the text', () => {
    const urlish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http:', 'https:', 'HTTPS:', 'ftp:', ''), fc.constantFrom('', '/', '//'), fc.string(), fc.constantFrom('', '/', '?', '#x')).map((parts) => parts.join('')),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(urlish, (url) => {
        const accepted = baseUrlProblem(url) === undefined;
        if (accepted) {
          expect(configOutcome(url)).toBe(normalBaseUrl(url));
          expect(optionOutcome(url)).toBe(normalBaseUrl(url));
        } else {
          expect(() => parseConfig({ baseUrl: url }, 'c.json')).toThrow();
          expect(optionOutcome(url)).toBe(baseUrlProblem(url));
          // A control character gets the config's own message for every text key; any other problem, the same words.
          if (!hasControlCharacters(url)) expect(configOutcome(url)).toBe(baseUrlProblem(url));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('in its normal form is accepted again unchanged, and every page URL starts with it and with its base path', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), fc.constantFrom('', '2024/02/08/slug/', 'tags/iraq/page/2/', 'feed.xml'), (url, pagePath) => {
        fc.pre(baseUrlProblem(url) === undefined);
        const normal = normalBaseUrl(url);
        expect(baseUrlProblem(normal)).toBeUndefined();
        expect(normalBaseUrl(normal)).toBe(normal);
        const page = absoluteUrlOf(normal, pagePath);
        expect(page).toBe(normal + pagePath);
        expect(new URL(page).pathname.startsWith(basePathOf(normal))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
