import { writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiquid } from '../../src/render/liquid.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-tag-'));
  await mkdir(path.join(dir, 'partials'));
  await writeFile(path.join(dir, 'partials', 'masthead.html'), '<h1>{{ site.title | counted }}</h1>');
  await writeFile(path.join(dir, 'partials', 'item.html'), '<li>{{ item | counted }}</li>');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The liquid environment of `dir` with a `counted` filter that counts how often a partial really
 * rendered; `render` renders a page template saved as a file (compiled once, as in a build).
 */
function liquidCounting(): { render: (template: string, context: object) => string; renders: () => number } {
  const liquid = createLiquid(dir, 'en');
  let renders = 0;
  liquid.registerFilter('counted', (value: unknown) => {
    renders++;
    return value;
  });
  const names = new Map<string, string>();
  const render = (template: string, context: object) => {
    let name = names.get(template);
    if (name === undefined) {
      names.set(template, (name = `page${names.size}`));
      writeFileSync(path.join(dir, `${name}.html`), template);
    }
    return liquid.renderFileSync(name, context);
  };
  return { render, renders: () => renders };
}

describe('the render tag reuses a partial rendered with the very same arguments', () => {
  it('renders the masthead once for many pages that pass the same site object, with the same bytes', () => {
    const { render, renders } = liquidCounting();
    const site = { title: 'The <Harbour> Gazette' };
    const pages = ['one', 'two', 'three'].map((name) => render(`{% render 'masthead', site: site %}<p>{{ name }}</p>`, { site, name }));
    expect(pages).toEqual(['<h1>The &lt;Harbour&gt; Gazette</h1><p>one</p>', '<h1>The &lt;Harbour&gt; Gazette</h1><p>two</p>', '<h1>The &lt;Harbour&gt; Gazette</h1><p>three</p>']);
    expect(renders()).toBe(1);
  });

  it('renders again when an argument is a different object, even one with equal contents', () => {
    const { render, renders } = liquidCounting();
    expect(render(`{% render 'masthead', site: site %}`, { site: { title: 'A' } })).toBe('<h1>A</h1>');
    expect(render(`{% render 'masthead', site: site %}`, { site: { title: 'B' } })).toBe('<h1>B</h1>');
    expect(render(`{% render 'masthead', site: site %}`, { site: { title: 'B' } })).toBe('<h1>B</h1>');
    expect(renders()).toBe(3);
  });

  it('never reuses a render with `for` or `with`, or a partial named by a variable', () => {
    const { render, renders } = liquidCounting();
    const items = ['x', 'y'];
    expect(render(`{% render 'item' for items as item %}{% render 'item' for items as item %}`, { items })).toBe('<li>x</li><li>y</li><li>x</li><li>y</li>');
    expect(render(`{% render 'item' with items.first as item %}{% render 'item' with items.first as item %}`, { items })).toBe('<li>x</li><li>x</li>');
    expect(renders()).toBe(6);
    const byName = `{% render name, site: site %}`;
    const site = { title: 'S' };
    render(byName, { name: 'masthead', site });
    render(byName, { name: 'masthead', site });
    expect(renders()).toBe(8);
  });
});
