/** The parse + enrich stages for one seed: bytes → ArticleDraft, or every problem found. Pure (no disk). */
import { basename } from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { BodyFindings } from '../article/body-transforms.js';
import { bylineAuthor, isBeforeStory, stampedUpdate } from '../article/byline.js';
import { loadMarkdownProcessor, rawTextProcessor, type BodyProcessor, type SeedFormat } from '../article/body-html.js';
import { dateFix, isCalendarDate } from '../article/date.js';
import type { ParsedDraft } from '../article/draft.js';
import { HtmlBlockTooDeep, loadHtmlBlockParser, MAX_HTML_NESTING, mayHoldHtmlBlock } from '../article/html-blocks.js';
import { blockText } from '../article/plain-text.js';
import { bodyHtmlOf } from '../article/prose-html.js';
import { countWords, readingMinutes } from '../article/reading-time.js';
import { articleSlug } from '../article/slug.js';
import { deriveSummary, summaryOfStory } from '../article/summary.js';
import { TaxonomyMatcher, type Taxonomy } from '../article/taxonomy.js';
import { deriveTitle } from '../article/title.js';
import { hasWord } from '../article/words.js';
import { ContentErrors, SeedError } from '../errors.js';
import { aliasPathsOf } from '../site/aliases.js';
import { decodeSeed } from './decode.js';
import { nestingProblem } from './markdown-nesting.js';
import { missingDateFix, splitDateHeader } from './date-header.js';
import { foreignTemplateWarning } from './foreign-templates.js';
import { loadTomlReader, loadYamlReader, openingFence, splitFrontMatter, type FrontMatterReaders, type TomlReader, type YamlReader } from './front-matter.js';
import { ALIASES_KEYS, firstKeyLine, UPDATED_KEYS } from './front-matter-keys.js';
import { seedContentHash, type SeedFile } from './seed-file.js';

/**
 * What parsing needs besides the seed: built once per process, reused for every seed. The Markdown
 * processor and the front matter readers (YAML, TOML) are loaded by prepareParseContext for the seeds that need them.
 */
export interface ParseContext extends FrontMatterReaders {
  readonly rawText: BodyProcessor;
  markdown?: BodyProcessor;
  // The front matter readers, writable here: prepareParseContext sets them.
  readYaml?: YamlReader;
  readToml?: TomlReader;
  /** True once the HTML parser for Markdown's HTML blocks is loaded (html-blocks.ts). */
  htmlBlocks?: boolean;
  readonly allowRawHtml: boolean;
  readonly taxonomy: TaxonomyMatcher;
  /** How often the text must mention a taxonomy entry to tag it (a mention in the headline or dateline always does). */
  readonly taxonomyMinMentions: number;
}

/** The outcome for one seed: a draft, or its errors; warnings either way. */
export type ParseResult =
  | { readonly ok: true; readonly article: ParsedDraft; readonly warnings: readonly SeedError[] }
  | { readonly ok: false; readonly errors: readonly SeedError[]; readonly warnings: readonly SeedError[] };

/** Builds the parse context from the config's taxonomy, raw-HTML and mention-threshold settings (ready for raw text without front matter). */
export function createParseContext(taxonomy: Taxonomy, allowRawHtml: boolean, taxonomyMinMentions = 1): ParseContext {
  return { rawText: rawTextProcessor(), allowRawHtml, taxonomy: new TaxonomyMatcher(taxonomy), taxonomyMinMentions };
}

/**
 * Loads what parsing these seeds needs and the context lacks: the Markdown processor for `.md` seeds
 * (and the HTML parser for those that may hold an HTML block), the YAML reader for seeds opening with `---`, the TOML reader for those opening with `+++`.
 */
export async function prepareParseContext(context: ParseContext, seeds: readonly SeedFile[]): Promise<void> {
  if (!context.markdown && seeds.some((seed) => formatOf(seed.path) === 'md')) context.markdown = await loadMarkdownProcessor(context.allowRawHtml);
  if (!context.htmlBlocks && seeds.some((seed) => formatOf(seed.path) === 'md' && mayHoldHtmlBlock(seed.bytes))) {
    await loadHtmlBlockParser();
    context.htmlBlocks = true;
  }
  if (!context.readYaml && seeds.some((seed) => openingFence(seed.bytes) === '-')) context.readYaml = await loadYamlReader();
  if (!context.readToml && seeds.some((seed) => openingFence(seed.bytes) === '+')) context.readToml = await loadTomlReader();
}

/** A parse context ready for any seed (tests, and callers that parse seeds of every kind). */
export async function loadParseContext(taxonomy: Taxonomy, allowRawHtml: boolean, taxonomyMinMentions = 1): Promise<ParseContext> {
  const context = createParseContext(taxonomy, allowRawHtml, taxonomyMinMentions);
  context.markdown = await loadMarkdownProcessor(allowRawHtml);
  context.readYaml = await loadYamlReader();
  context.readToml = await loadTomlReader();
  await loadHtmlBlockParser();
  context.htmlBlocks = true;
  return context;
}

/** The seed format from its file name. */
function formatOf(path: string): SeedFormat {
  return path.toLowerCase().endsWith('.md') ? 'md' : 'txt';
}

/** Parses one seed; never throws for content problems. */
export function parseSeed(seed: SeedFile, context: ParseContext): ParseResult {
  try {
    return parseOrThrow(seed, context);
  } catch (error) {
    if (error instanceof SeedError) return { ok: false, errors: [error], warnings: [] };
    if (error instanceof ContentErrors) return { ok: false, errors: error.errors, warnings: [] };
    // The parser and the tree walks after it recurse once per level of nesting: a seed nested deeper
    // than the stack allows (within MAX_NESTING by the line-start estimate) is a content error too.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, errors: [new SeedError(seed.path, 1, 'nested too deeply to convert (quotes, lists or inline markup inside each other)', 'nest fewer things inside each other')], warnings: [] };
    }
    throw error;
  }
}

/** The text of a body's opening level-1 heading, removed from the tree; undefined (the tree untouched) when it opens otherwise or the heading has no word. */
function takeOpeningHeading(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'heading' || first.depth !== 1) return undefined;
  const text = blockText(first, tree).replace(/\s+/g, ' ').trim();
  if (!hasWord(text)) return undefined;
  tree.children.shift();
  return text;
}

/** A Jekyll-style file name's date, `2024-01-15` in "2024-01-15-budget.md", as written (maybe not a calendar date). */
function fileNameDate(path: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})[-_ .]/.exec(basename(path))?.[1];
}

/**
 * The error for a seed without a date (`body` is what follows its front matter, from file line
 * `bodyLine`), with the most specific hint: a raw-text date line written another way, a file name's
 * date that is no calendar date, else where to write the date.
 */
function missingDate(path: string, format: SeedFormat, body: string, bodyLine: number): SeedError {
  const fix = format === 'txt' ? missingDateFix(body, bodyLine) : undefined;
  if (fix) return new SeedError(path, fix.line, 'missing date', fix.hint);
  const hint = format === 'txt' ? 'start the file with "date YYYY-MM-DD", or give date: in front matter' : 'add date: YYYY-MM-DD to the front matter';
  const named = fileNameDate(path);
  return new SeedError(path, 1, 'missing date', named === undefined ? hint : `${hint}; the file name's ${named} is no calendar date`);
}

/**
 * The update's date front matter gives (`updated`, `lastmod` …), checked: a calendar date, not before
 * the article's `date`. Undefined when none is given or it is the article's own date (never updated since).
 */
function updatedAfter(path: string, date: string, updated: string | undefined, keyLines: Readonly<Record<string, number>>): string | undefined {
  if (updated === undefined) return undefined;
  const line = firstKeyLine(keyLines, UPDATED_KEYS);
  if (!isCalendarDate(updated)) throw new SeedError(path, line, `invalid date ${updated}`, dateFix(updated));
  if (updated < date) throw new SeedError(path, line, `updated ${updated} is before the article's date ${date}`, 'an update comes on or after the date the article was published');
  return updated > date ? updated : undefined;
}

/** Parses one seed, throwing a SeedError (or ContentErrors) for the first content problem. */
function parseOrThrow(seed: SeedFile, context: ParseContext): ParseResult {
  const path = seed.path;
  const text = decodeSeed(path, seed.bytes);
  const format = formatOf(path);
  const front = splitFrontMatter(path, text, context);
  const fm = front.data;
  const header = format === 'txt' ? splitDateHeader(path, front.body, front.bodyLine) : { body: front.body, bodyLine: front.bodyLine };
  if (fm.date !== undefined && !isCalendarDate(fm.date)) {
    throw new SeedError(path, front.keyLines['date'] ?? 2, `invalid date ${fm.date}`, dateFix(fm.date));
  }
  // Else the date a Jekyll post's file name starts with ("2024-01-15-budget.md"), as Jekyll reads it.
  const named = fileNameDate(path);
  const date = fm.date ?? ('date' in header ? header.date : undefined) ?? (named !== undefined && isCalendarDate(named) ? named : undefined);
  if (date === undefined) throw missingDate(path, format, front.body, front.bodyLine);
  const updated = updatedAfter(path, date, fm.updated, front.keyLines);
  const aliasesLine = firstKeyLine(front.keyLines, ALIASES_KEYS);
  const aliases = fm.aliases === undefined ? [] : aliasPathsOf(path, fm.aliases, aliasesLine);

  const processor = format === 'txt' ? context.rawText : context.markdown;
  if (!processor) throw new Error(`${path}: the Markdown processor was not loaded for this seed (see prepareParseContext)`);
  if (format === 'md') {
    const tooDeep = nestingProblem(path, header.body, header.bodyLine);
    if (tooDeep) throw tooDeep;
  }
  const file = new VFile({ path, value: header.body, data: { firstLine: header.bodyLine } });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  // A Markdown body opening with `# Heading` and no front-matter title: the heading is the headline,
  // taken out of the body so the page has one <h1> (its words are on the page as the headline).
  const heading = format === 'md' && fm.title === undefined ? takeOpeningHeading(tree) : undefined;
  const givenTitle = fm.title ?? heading;
  let bodyHtml: string;
  let blocks: string[];
  try {
    bodyHtml = bodyHtmlOf(processor, tree, file);
    // The body's text is its blocks' texts, one per line (as blockText reads the root): each block read once.
    blocks = tree.children.map((block) => blockText(block, tree));
  } catch (error) {
    if (!(error instanceof HtmlBlockTooDeep)) throw error;
    throw new SeedError(path, header.bodyLine + error.line - 1, `HTML block nested too deeply (more than ${MAX_HTML_NESTING} elements inside each other)`, 'nest fewer elements inside each other');
  }
  const found = (file.data as { body?: BodyFindings }).body ?? { socialPosts: [], relatedHeadlines: [] };

  const paragraphs = blocks.filter((_, i) => tree.children[i]!.type === 'paragraph');
  const bodyText = blocks.join('\n');
  if (bodyText.trim() === '' && found.socialPosts.length === 0 && !givenTitle) {
    const hint = found.dateline === undefined ? 'a seed needs some text after its date' : `its only text is a dateline, "${found.dateline}": the story goes after it`;
    throw new SeedError(path, header.bodyLine, 'empty body', hint);
  }
  // The story starts after any opening bylines and paragraphs without a word ("* * *", "—"); only those
  // are looked at: a whole article's paragraphs would cost ≈ 2% of a parse.
  let start = 0;
  while (start < paragraphs.length && isBeforeStory(paragraphs[start]!)) start++;
  const story = paragraphs.slice(start);
  // Without an author in front matter, a byline above the story names one ("By Jane Doe, Reuters"); it stays in the body too.
  const author = fm.author ?? bylineAuthor(paragraphs.slice(0, start));
  // Without an update date in front matter, an "Updated …" stamp above the story gives one, when it is after the date.
  const stamped = fm.updated === undefined ? stampedUpdate(paragraphs.slice(0, start)) : undefined;
  const lastUpdate = updated ?? (stamped !== undefined && stamped > date ? stamped : undefined);
  // The lead: the story's first paragraph; in a body with none, the first post, else the first block with text (an HTML block's, a list's).
  const lead = story[0] ?? found.socialPosts[0]?.text ?? blocks.find((b) => b.trim() !== '')?.trim() ?? '';
  const title = givenTitle ?? deriveTitle(lead);
  const summary = fm.summary ?? (story.length > 0 ? summaryOfStory(story) : deriveSummary(lead));
  const tagNames = new Set<string>();
  for (const tag of fm.tags ?? []) tagNames.add(context.taxonomy.canonicalize(tag));
  // A derived headline is the lead's first sentence, already in the text: reading it again would count its mentions twice.
  const tagged = { ...(givenTitle !== undefined && { headline: givenTitle }), ...(found.dateline !== undefined && { dateline: found.dateline }), text: bodyText };
  for (const tag of context.taxonomy.tags(tagged, context.taxonomyMinMentions)) tagNames.add(tag);
  // Embedded posts are in the tree (as figures): their words are in bodyText.
  const wordCount = countWords(bodyText) + (found.dateline ? countWords(found.dateline) : 0);

  const article: ParsedDraft = {
    slugBase: articleSlug(fm.slug ?? title),
    title,
    titleDerived: givenTitle === undefined,
    date,
    ...(lastUpdate !== undefined && { updated: lastUpdate }),
    ...(found.dateline !== undefined && { dateline: found.dateline }),
    summary,
    bodyHtml,
    socialPosts: found.socialPosts,
    relatedHeadlines: found.relatedHeadlines,
    tagNames: [...tagNames],
    ...(author !== undefined && { author }),
    ...(fm.lang !== undefined && { lang: fm.lang }),
    ...(fm.source !== undefined && { sourceUrl: fm.source }),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    sourcePath: path,
    contentHash: seedContentHash(seed.bytes),
    draft: fm.draft === true,
    ...(aliases.length > 0 && { aliases, aliasesLine }),
  };
  const foreign = format === 'md' ? foreignTemplateWarning(path, header.body, header.bodyLine) : undefined;
  return { ok: true, article, warnings: foreign ? [...front.warnings, foreign] : front.warnings };
}
