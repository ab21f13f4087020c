/** The LiquidJS environment: strict, escaping by default, templates compiled once. */
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { UsageError } from '../errors.js';

/** A template set loaded from one folder, with every template compiled on first use and cached. */
export function createLiquid(templatesDir: string): Liquid {
  const liquid = new Liquid({
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
  // An article's card looks the same on every list it appears in: render it once per build (per template set).
  const cards = new Map<string, string>();
  liquid.registerFilter('card_html', (card: { url: string }) => {
    let html = cards.get(card.url);
    // Kept as one flat string: LiquidJS builds its output by concatenation, and a kept concatenation
    // (a rope of dozens of pieces) costs several times its length, which at 100k cards is gigabytes.
    if (html === undefined) cards.set(card.url, (html = flatString(renderTemplate(liquid, 'partials/card', { card }, templatesDir))));
    return html;
  });
  return liquid;
}

/** Renders a template to a string; a template error becomes a UsageError naming file and line. */
export function renderTemplate(liquid: Liquid, name: string, context: object, templatesDir: string): string {
  try {
    return liquid.renderFileSync(name, context);
  } catch (error) {
    const e = error as Error & { token?: { file?: string; getPosition?: () => [number, number] } };
    const file = e.token?.file ? path.relative(process.cwd(), e.token.file) : path.join(templatesDir, `${name}.html`);
    const [line, column] = e.token?.getPosition?.() ?? [1, 1];
    throw new UsageError(`${file}:${line}:${column}: template error: ${e.message.split('\n')[0]}`);
  }
}

/** A copy of `text` as one flat string (no rope of concatenated pieces behind it). */
function flatString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
