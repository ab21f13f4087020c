/** The page at an article's old address (an alias, see site/aliases.ts): it sends readers on to the article at once. */
import type { SiteConfig } from '../config.js';
import { absoluteUrlOf, basePathOf, hrefOf } from '../site/urls.js';
import { escapeMarkup } from './markup-escape.js';

/**
 * A redirect page to the article at `articlePagePath`, as Hugo writes its aliases: a refresh at once,
 * the article as the canonical address and `noindex` (so search engines list the article, not the
 * alias), and a link for a reader whose browser does not follow the refresh. The refresh and the link
 * are root-relative, so the redirect also works where the site is previewed (`serve`, a staging host).
 * It shows the article's address only (no headline), so an edit of the article's text leaves it unchanged.
 */
export function redirectPage(config: Pick<SiteConfig, 'baseUrl' | 'language'>, articlePagePath: string): string {
  const url = escapeMarkup(absoluteUrlOf(config.baseUrl, articlePagePath));
  const href = escapeMarkup(hrefOf(basePathOf(config.baseUrl), articlePagePath));
  return `<!DOCTYPE html>
<html lang="${escapeMarkup(config.language)}">
<head>
<meta charset="utf-8">
<title>${url}</title>
<link rel="canonical" href="${url}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p><a href="${href}">${url}</a></p>
</body>
</html>
`;
}
