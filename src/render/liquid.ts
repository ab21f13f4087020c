/** The LiquidJS environment: strict, escaping by default, templates compiled once. */
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { UsageError } from '../errors.js';
import { CompiledTemplates } from './compiled/templates.js';
import { ReusingRenderTag } from './reusing-render-tag.js';
import { templateFileHint, templateFileProblem } from './template-set.js';

/** Cards whose HTML a template set keeps (see createLiquid). */
const CARD_MEMO_SIZE = 20_000;

/**
 * A template set loaded from one folder, with every template compiled on first use and cached.
 * LiquidJS's `date` filter gets the site's `language` for month and weekday names and UTC for its
 * clock: left to itself it took the machine's locale (a German one wrote "Februar") and time zone
 * (`"2024-02-08" | date` was February 7 in Alaska), and finding the locale out made an
 * Intl.DateTimeFormat, ≈ 5–20 ms of every process that renders.
 */
export function createLiquid(templatesDir: string, language: string): Liquid {
  const liquid = new Liquid({
    locale: language,
    timezoneOffset: 0,
    root: [templatesDir],
    partials: [path.join(templatesDir, 'partials')],
    layouts: [templatesDir],
    extname: '.html',
    cache: true,
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    jsTruthy: false,
    greedy: false,
    ownPropertyOnly: true,
  });
  liquid.registerTag('render', ReusingRenderTag);
  // An article's card looks the same on every list it appears in: render it once per build (per
  // template set), for the first CARD_MEMO_SIZE cards. Kept as UTF-8 bytes: half the size of a JS
  // string for the curly quotes and dashes of news text, and never the rope of concatenated pieces
  // templates build. A 10k site keeps every card; a 100k one keeps a fixed few megabytes per thread
  // (render workers' heaps are capped) and renders the other cards each time they are shown.
  const cards = new Map<string, Buffer>();
  liquid.registerFilter('card_html', (card: { url: string }) => {
    const known = cards.get(card.url);
    if (known !== undefined) return known.toString('utf8');
    const html = renderTemplate(liquid, 'partials/card', { card }, templatesDir);
    if (cards.size < CARD_MEMO_SIZE) cards.set(card.url, Buffer.from(html, 'utf8'));
    return html;
  });
  return liquid;
}

const compiledSets = new WeakMap<Liquid, CompiledTemplates>();

/** Renders a template to a string (compiled once, see compiled/templates.ts); a template error becomes a UsageError naming file and line. */
export function renderTemplate(liquid: Liquid, name: string, context: object, templatesDir: string): string {
  let compiled = compiledSets.get(liquid);
  if (compiled === undefined) compiledSets.set(liquid, (compiled = new CompiledTemplates(liquid)));
  try {
    return compiled.renderFileSync(name, context);
  } catch (error) {
    // A partial rendered from a filter (card_html) failed: its own message already names its file and place.
    const nested = nestedTemplateError(error);
    if (nested !== undefined) throw nested;
    const e = error as Error & { token?: { file?: string; getPosition?: () => [number, number] } };
    // LiquidJS could not read a template: say which file, and why (missing, or a link to outside).
    const lookup = /^ENOENT: Failed to lookup "(.+?)" in "(.+?)"/.exec(e.message);
    const unreadable = lookup && unreadableTemplate(lookup[1]!, lookup[2]!.split(',')[0]!, templatesDir);
    // The template asked for itself (the card partial, say: page templates are checked before a build).
    if (unreadable && lookup![1] === name) throw new UsageError(unreadable);
    const file = e.token?.file ? path.relative(process.cwd(), e.token.file) : path.join(templatesDir, `${name}.html`);
    const [line, column] = e.token?.getPosition?.() ?? [1, 1];
    // LiquidJS ends its message with the position this message starts with.
    const message = unreadable ?? e.message.split('\n')[0]!.replace(/(, file:.*)?, line:\d+, col:\d+$/, '');
    throw new UsageError(`${file}:${line}:${column}: template error: ${message}`);
  }
}

/** What is wrong with template `name` that LiquidJS looked for in `dir` (`tpl/partials/head.html: template missing (hint: …)`), if anything is. */
function unreadableTemplate(name: string, dir: string, templatesDir: string): string | undefined {
  const file = path.join(dir, `${name}.html`);
  const problem = templateFileProblem(dir, file);
  return problem && `${file}: template ${problem} (hint: ${templateFileHint(problem, path.relative(templatesDir, file))})`;
}

/** The UsageError a nested renderTemplate threw, found in the chain of LiquidJS errors wrapping it, if any. */
function nestedTemplateError(error: unknown): UsageError | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof UsageError) return e;
  }
  return undefined;
}
