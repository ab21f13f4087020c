/**
 * Another generator's template syntax left in a Markdown body — Hugo shortcodes (`{{< youtube id >}}`,
 * `{{% note %}}`) and Jekyll's Liquid (`{% include x.html %}`, `{{ site.url }}`) — which broadsheet
 * shows as the text it is: found so that a seed moved from Hugo or Jekyll is warned about, not published
 * with stray braces unnoticed.
 */
import { SeedError } from '../errors.js';

/** A shortcode's opening (`{{<` or `{{%`, maybe closing `/`) and its name; or a Liquid tag's `{%` and name; or a Liquid output naming Jekyll's objects. */
const FOREIGN = /\{\{([<%])\s*\/?\s*([A-Za-z][\w-]*)|\{%-?\s*([A-Za-z]\w*)|\{\{-?\s*((?:site|page|post|include|content|paginator|layout|jekyll)\b[\w.]*)/g;

/** Fenced code blocks and inline code spans, where template syntax is an example shown as written. */
const CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\S\n]*$|`[^`\n]+`/gm;

/** `body` without its code (each piece replaced by its line ends, so lines keep their numbers). */
function withoutCode(body: string): string {
  return body.replace(CODE, (code) => code.replace(/[^\n]/g, ''));
}

/** The warning for the first piece of another generator's template syntax in `body` (file line `bodyLine` on), counting the rest; undefined when there is none. */
export function foreignTemplateWarning(path: string, body: string, bodyLine: number): SeedError | undefined {
  if (!body.includes('{')) return undefined;
  FOREIGN.lastIndex = 0;
  if (!FOREIGN.test(body)) return undefined;
  const prose = withoutCode(body);
  FOREIGN.lastIndex = 0;
  const first = FOREIGN.exec(prose);
  if (!first) return undefined;
  let count = 1;
  while (FOREIGN.exec(prose)) count++;
  const line = bodyLine + (prose.slice(0, first.index).match(/\n/g)?.length ?? 0);
  const [, delimiter, shortcode, tag, output] = first;
  const what =
    shortcode !== undefined
      ? `Hugo shortcode {{${delimiter} ${shortcode} ${delimiter === '<' ? '>' : '%'}}}`
      : tag !== undefined
        ? `Liquid tag {% ${tag} %}`
        : `Liquid output {{ ${output!} }}`;
  const more = count > 1 ? ` (${count} pieces of template syntax in this seed)` : '';
  return new SeedError(path, line, `${what} is shown as text${more}`, 'broadsheet runs no shortcodes or Liquid in a seed: write it as Markdown or HTML');
}
