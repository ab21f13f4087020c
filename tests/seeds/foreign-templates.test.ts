import { describe, expect, it } from 'vitest';
import { foreignTemplateWarning } from '../../src/seeds/foreign-templates.js';

/** The formatted warning for a body starting on file line 5, or undefined. */
const warning = (body: string) => foreignTemplateWarning('seeds/a.md', body, 5)?.format();

const HINT = '(hint: broadsheet runs no shortcodes or Liquid in a seed: write it as Markdown or HTML)';

describe('foreignTemplateWarning', () => {
  it('names the first Hugo shortcode at its line and counts the others', () => {
    expect(warning('Intro.\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{% note %}}Careful.{{% /note %}}\n')).toBe(
      `seeds/a.md:7: Hugo shortcode {{< youtube >}} is shown as text (3 pieces of template syntax in this seed) ${HINT}`,
    );
    expect(warning('{{< figure src="a.jpg" caption="A" >}}')).toBe(`seeds/a.md:5: Hugo shortcode {{< figure >}} is shown as text ${HINT}`);
  });

  it("names Jekyll's Liquid tags and its objects' outputs", () => {
    expect(warning('Text\n{% include video.html id="x" %}')).toBe(`seeds/a.md:6: Liquid tag {% include %} is shown as text ${HINT}`);
    expect(warning('See [home]({{ site.baseurl }}/about/).')).toBe(`seeds/a.md:5: Liquid output {{ site.baseurl }} is shown as text ${HINT}`);
  });

  it('passes over text with braces that is no template syntax, and template syntax shown as code', () => {
    expect(warning('A set {1, 2} and {{ a mustache }} and 100%} and { % x %}.')).toBeUndefined();
    expect(warning('Write `{{< youtube id >}}` to embed a video:\n\n```liquid\n{% include x.html %}\n{{ site.url }}\n```\n\n~~~\n{{% note %}}\n~~~\n')).toBeUndefined();
    expect(warning('```\n{% raw %}\n```\nThen {% endraw %} here.')).toBe(`seeds/a.md:8: Liquid tag {% endraw %} is shown as text ${HINT}`);
  });
});
