/**
 * Links and images inside an article body, made to work where the body is shown. A Markdown body's
 * `/images/map.png` or `/2024/02/07/earlier-story/` means the site's root, which for a site published
 * at `https://example.org/archive/` is `/archive/`; in the site feed a feed reader has no page to
 * resolve any relative address against, so each is made absolute there.
 *
 * Only tags are rewritten, never text: body HTML (remark-html's, or written byte for byte like it)
 * quotes every attribute value with `"` and escapes `&` and `"` inside it, and text never holds a
 * raw `<`, so a tag is found whole. Raw HTML let through by `allowRawHtml` is written as its author
 * wrote it and may quote otherwise; its addresses are kept as they are.
 */

/** A start tag as body HTML writes it: a name, then attributes whose values are double-quoted. */
const START_TAG = /<[A-Za-z][A-Za-z0-9]*(?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*\s*\/?>/g;

/** An attribute holding an address, its value captured (without its quotes). */
const URL_ATTRIBUTE = /(\s(?:href|src|cite)=")([^"]*)"/g;

/** A URL scheme and its colon: "https:", "mailto:". */
const SCHEME = '[A-Za-z][A-Za-z0-9+.-]*:';

/** A value starting with a scheme: already absolute. */
const HAS_SCHEME = new RegExp(`^${SCHEME}`);

/** An address attribute whose value has no scheme: what a feed body may need made absolute. */
const ADDRESS_WITHOUT_SCHEME = new RegExp(`\\s(?:href|src|cite)="(?!${SCHEME})`);

/** The character references body HTML writes in attribute values, and the few named ones raw HTML may. */
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|quot|lt|gt|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };

/** An attribute value as text: its character references decoded. */
function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (whole, hex?: string, dec?: string, name?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : undefined;
    if (code === undefined) return NAMED[name!]!;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text as a double-quoted attribute value, escaped as remark-html escapes it. */
function encodeAttribute(text: string): string {
  return text.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}

/** `html` with each address attribute of each start tag given to `rewrite` (its decoded value in, the new value or undefined out). */
function rewriteAddresses(html: string, rewrite: (address: string) => string | undefined): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (attribute, opening: string, value: string) => {
      const next = rewrite(decodeAttribute(value));
      return next === undefined ? attribute : `${opening}${encodeAttribute(next)}"`;
    }),
  );
}

/** An address as a site at `basePath` means it: relative to the host's root (`/images/x.png`, not `//cdn.example/x.png`) means under the base path. */
function underBase(address: string, basePath: string): string {
  return address.startsWith('/') && !address.startsWith('//') ? basePath + address.slice(1) : address;
}

/**
 * A body for a page of a site at `basePath` (`/archive/`): root-relative addresses carry the base
 * path, as the site's own links do (`/images/x.png` → `/archive/images/x.png`). Other addresses,
 * and every address of a site at `/`, are left as they are.
 */
export function bodyForPage(html: string, basePath: string): string {
  if (basePath === '/' || !html.includes('="/')) return html;
  return rewriteAddresses(html, (address) => {
    const moved = underBase(address, basePath);
    return moved === address ? undefined : moved;
  });
}

/**
 * A body for a feed entry: every address without a scheme made absolute, as it resolves on the
 * article's page at `pageUrl` (root-relative ones against the site's base path first).
 */
export function bodyForFeed(html: string, pageUrl: string, basePath: string): string {
  if (!ADDRESS_WITHOUT_SCHEME.test(html)) return html;
  return rewriteAddresses(html, (address) => {
    if (HAS_SCHEME.test(address)) return undefined;
    try {
      return new URL(underBase(address, basePath), pageUrl).href;
    } catch {
      return undefined;
    }
  });
}

/** The `src` of the first image tag of body HTML, its value decoded, or undefined. */
const FIRST_IMAGE = /<img\s[^>]*?\bsrc="([^"]*)"/;

/**
 * The absolute `http(s)` address of the first image of a page's body (bodyForPage's, whose
 * root-relative addresses already carry the base path) as it resolves on the page at `pageUrl`, for
 * its social card and JSON-LD; undefined when it has none.
 */
export function firstImageOf(pageBody: string, pageUrl: string): string | undefined {
  const src = pageBody.includes('<img') ? FIRST_IMAGE.exec(pageBody)?.[1] : undefined;
  if (src === undefined) return undefined;
  try {
    const url = new URL(decodeAttribute(src), pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
