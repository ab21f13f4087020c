/** A seed parsed in memory with the default settings (no taxonomy), for tests of what one seed becomes. */
import type { ParsedDraft } from '../../src/article/draft.js';
import { loadParseContext, parseSeed } from '../../src/seeds/parse.js';

/** The parse context of a site with no config, loaded once per test file. */
const context = await loadParseContext({}, false);

/** The draft of seed text `text` at `path` (its extension picks the format); throws the errors of a seed that does not parse. */
export function parsedArticle(path: string, text: string): ParsedDraft {
  const result = parseSeed({ path, bytes: new TextEncoder().encode(text) }, context);
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('\n'));
  return result.article;
}
