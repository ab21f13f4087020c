/**
 * The site's base URL: which URLs are accepted (the config's `baseUrl`, `--base-url`: one rule for
 * both) and the one form of it that pages, feeds and the sitemap carry.
 */
import { UsageError } from '../errors.js';
import { hasControlCharacters } from '../seeds/decode.js';

/** The example every base URL message shows. */
const EXAMPLE = 'https://example.org/archive/';

/**
 * What is wrong with `text` as the site's base URL, or undefined when it is an absolute http(s) URL of
 * a folder that page paths can be added to: written with `//` and a host, no white space, no user name
 * or password, no query and no fragment.
 */
export function baseUrlProblem(text: string): string | undefined {
  // The URL parser drops tabs and line breaks and encodes spaces and control characters: pages would carry them as written.
  if (hasControlCharacters(text)) return 'expected a URL without control characters';
  if (/\s/.test(text)) return 'expected a URL without spaces or line breaks (write a space as %20)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `expected an absolute URL such as ${EXAMPLE}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'expected an http(s) URL';
  // `https:example.org` and `https:/example.org` parse (as https://example.org/), but are no one's way of writing a site's address.
  if (!/^https?:\/\/[^/]/i.test(text)) return `expected an absolute URL such as ${EXAMPLE}`;
  if (url.username !== '' || url.password !== '') return 'expected a URL without a user name or password (every page would publish them)';
  // Page paths go after the base URL's path: after a query or fragment they would be part of it instead.
  if (text.includes('?') || text.includes('#')) return `expected a URL without a query (?…) or fragment (#…) such as ${EXAMPLE}`;
  return undefined;
}

/**
 * The form of an accepted base URL that the site carries: as the URL parser writes it, ending in `/`
 * (`HTTPS://Example.org:443/a/../news` → `https://example.org/news/`, `/ü/` → `/%C3%BC/`).
 */
export function normalBaseUrl(text: string): string {
  const { href } = new URL(text);
  return href.endsWith('/') ? href : `${href}/`;
}

/** The `--base-url` value in its normal form, or a UsageError saying what is wrong with it. */
export function baseUrlOption(value: string): string {
  const problem = baseUrlProblem(value);
  if (problem !== undefined) throw new UsageError(`--base-url: ${problem}, got ${JSON.stringify(value)}`);
  return normalBaseUrl(value);
}
