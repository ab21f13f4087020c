import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Liquid } from 'liquidjs';
import { describe, expect, it, vi } from 'vitest';
import { inlineBody } from '../../src/cache/body-store.js';
import { parseConfig } from '../../src/config.js';
import { CompiledTemplates, TemplateCompiler } from '../../src/render/compiled/templates.js';
import { createLiquid } from '../../src/render/liquid.js';
import type { Site } from '../../src/site/site.js';
import { buildSite } from '../../src/site/model.js';
import { draft } from '../site/draft-fixture.js';
import { fixtureSite, pageContextsOf, TEMPLATES } from './page-contexts.js';

/** 45 articles whose every text field carries markup, quotes and ampersands; some with datelines, authors, related headlines. */
function hostileSite(): Site {
  const nasty = `<script>alert("x")</script> & 'quoted' "double" </p>`;
  const drafts = Array.from({ length: 45 }, (_, i) =>
    draft({
      sourcePath: `seeds/${i}.txt`,
      slugBase: `story-${i}`,
      date: `2024-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, '0')}`,
      title: `${nasty} ${i}`,
      summary: `Summary ${i} ${nasty}`,
      tagNames: i % 2 === 0 ? ['Harbour & <Port>', `Tag "${i % 5}"`] : [],
      ...(i % 3 === 0 && { dateline: `OSLO ${nasty}` }),
      ...(i % 4 === 0 && { author: `A. <b>Writer</b>` }),
      ...(i % 5 === 0 && { relatedHeadlines: [`Headline ${nasty}`, 'Plain'] }),
      ...(i % 6 === 0 && { sourceUrl: `https://example.com/a?b=1&c="2"` }),
      body: inlineBody(`<p>Body ${i}, raw HTML kept as is.</p>\n`),
    }),
  );
  return buildSite(drafts, parseConfig({ title: `News & "Views" <b>`, baseUrl: 'https://example.com/archive/' }, 'test'));
}

/** Renders every job with compiled templates and with LiquidJS alone; also counts the renders left to LiquidJS. */
function compare(jobs: { template: string; context: object }[]): { same: number; differing: string[]; leftToLiquid: number } {
  const reference = createLiquid(TEMPLATES, 'en');
  const liquid = createLiquid(TEMPLATES, 'en');
  const fallback = vi.spyOn(liquid, 'renderFileSync');
  const compiled = new CompiledTemplates(liquid);
  const differing: string[] = [];
  for (const job of jobs) {
    const expected = reference.renderFileSync(job.template, job.context);
    if (compiled.renderFileSync(job.template, job.context) !== expected) differing.push(job.template);
  }
  return { same: jobs.length - differing.length, differing, leftToLiquid: fallback.mock.calls.length };
}

describe('templates compiled to functions', () => {
  it('compiles every shipped template and partial (none is left to LiquidJS)', () => {
    const compiler = new TemplateCompiler(createLiquid(TEMPLATES, 'en'));
    const names = readdirSync(TEMPLATES).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
    names.push(...readdirSync(path.join(TEMPLATES, 'partials')).map((f) => `partials/${f.replace(/\.html$/, '')}`));
    expect(names.filter((name) => compiler.compileFile(name) === undefined)).toEqual([]);
  });

  it('renders every page of the fixture site byte for byte as LiquidJS does, without falling back', async () => {
    const jobs = pageContextsOf(await fixtureSite());
    expect(compare(jobs)).toEqual({ same: jobs.length, differing: [], leftToLiquid: 0 });
  });

  it('renders hostile text, pagination, archives and empty fields byte for byte as LiquidJS does', () => {
    const jobs = pageContextsOf(hostileSite());
    expect(jobs.length).toBeGreaterThan(60);
    expect(compare(jobs)).toEqual({ same: jobs.length, differing: [], leftToLiquid: 0 });
  });

  it('leaves an undefined variable to LiquidJS, which reports it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
    writeFileSync(path.join(dir, 'page.html'), 'a {{ known }} b {{ page.missing }}');
    const context = { known: 1, page: {} };
    expect(() => createLiquid(dir, 'en').renderFileSync('page', context)).toThrow('undefined variable: page.missing, line:1, col:20');
    expect(() => new CompiledTemplates(createLiquid(dir, 'en')).renderFileSync('page', context)).toThrow('undefined variable: page.missing, line:1, col:20');
  });

  it('leaves templates with tags it does not compile to LiquidJS (assign, case, forloop, layout arguments)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
    const sources = {
      assign: '{% assign x = 1 %}{{ x }}',
      case: '{% case 1 %}{% when 1 %}one{% endcase %}',
      forloop: '{% for i in (1..3) %}{{ forloop.index }}{% endfor %}',
      layoutArgs: "{% layout 'base', x: 1 %}{% block b %}{{ x }}{% endblock %}",
    };
    writeFileSync(path.join(dir, 'base.html'), '[{% block b %}{% endblock %}]');
    for (const [name, source] of Object.entries(sources)) writeFileSync(path.join(dir, `${name}.html`), source);
    const liquid = createLiquid(dir, 'en');
    const compiler = new TemplateCompiler(liquid);
    const compiled = new CompiledTemplates(liquid);
    for (const name of Object.keys(sources)) {
      expect(compiler.compileFile(name), name).toBeUndefined();
      expect(compiled.renderFileSync(name, {}), name).toBe(createLiquid(dir, 'en').renderFileSync(name, {}));
    }
  });
});

/** Template text from a small grammar covering what the compiler handles, with values that exercise LiquidJS's corners. */
const templateArb = (() => {
  const variables = ['s', 'n', 'b', 'z', 'list', 'list.size', 'list.first.t', 'list.last.k', 'list[0].t', 'list[n].t', 'obj.x', 'obj["x"]', 'obj.y.z', 's.size', 'obj.size', 'missing', 'obj.nope'];
  const literals = ['"a<&>\'"', "'q'", '3', '-1.5', 'nil', 'empty', 'blank', 'true', 'false'];
  const operand = fc.oneof(fc.constantFrom(...variables), fc.constantFrom(...literals));
  const filter = fc.constantFrom('', ' | upcase', ' | size', ' | default: "d"', ' | append: s', ' | raw', ' | escape', ' | replace: "a", "<"', ' | join: ","', ' | first', ' | plus: 1', ' | escape | raw', ' | strip_html');
  const condition = fc.oneof(
    operand,
    fc.tuple(operand, fc.constantFrom('==', '!=', '<', '>', '>=', '<=', 'contains'), operand).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(operand, fc.constantFrom('and', 'or'), operand).map(([l, op, r]) => `${l} ${op} ${r}`),
  );
  const text = fc.constantFrom('x', ' <p>&amp;</p> ', '\n', '"', ' ');
  const { node } = fc.letrec<{ node: string; nodes: string }>((tie) => ({
    nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.tuple(operand, filter).map(([v, f]) => `{{ ${v}${f} }}`),
      fc.tuple(condition, tie('nodes'), fc.option(tie('nodes'))).map(([c, a, b]) => `{% if ${c} %}${a}${b === null ? '' : `{% else %}${b}`}{% endif %}`),
      fc.tuple(condition, condition, tie('nodes'), tie('nodes')).map(([c, d, a, b]) => `{%- unless ${c} -%}${a}{% elsif ${d} %}${b}{% endunless %}`),
      fc.tuple(fc.constantFrom('list', 'obj', 's', '(1..n)', 'missing', 'z'), tie('nodes'), tie('nodes')).map(([c, a, b]) => `{% for item in ${c} %}[{{ item }}${a}]{% else %}${b}{% endfor %}`),
      fc.tuple(operand).map(([v]) => `{% render 'p', x: ${v} %}`),
      fc.constant('{% comment %}{{ gone }}{% endcomment %}{% raw %}{{ kept }}{% endraw %}'),
    ),
  }));
  return node;
})();

const contextArb = fc.record(
  {
    s: fc.constantFrom('a<b & "c"', '', 'plain', "it's"),
    n: fc.integer({ min: -1, max: 3 }),
    b: fc.boolean(),
    z: fc.constant(null),
    list: fc.array(fc.record({ t: fc.constantFrom('<i>', 'a', ''), k: fc.integer({ min: 0, max: 9 }) }), { maxLength: 3 }),
    obj: fc.record({ x: fc.constantFrom('x & y', 'a'), y: fc.record({ z: fc.constantFrom('<z>', 'q') }) }),
  },
  { requiredKeys: ['s', 'n', 'b', 'z', 'list'] },
);

describe('compiled templates agree with LiquidJS on generated templates', () => {
  it('renders the same string, or fails as LiquidJS does, for any template of the grammar and any context', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-prop-'));
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'p.html'), '({{ x }}|{% if x %}yes{% endif %})');
    let run = 0;
    let compiledRuns = 0;
    fc.assert(
      fc.property(templateArb, contextArb, (source, context) => {
        const name = `t${run++}`;
        writeFileSync(path.join(dir, `${name}.html`), source);
        const outcome = (liquid: Liquid | CompiledTemplates): string => {
          try {
            return `ok:${liquid.renderFileSync(name, context)}`;
          } catch (error) {
            return `error:${(error as Error).message}`;
          }
        };
        const liquid = createLiquid(dir, 'en');
        const fallback = vi.spyOn(liquid, 'renderFileSync');
        expect(outcome(new CompiledTemplates(liquid))).toBe(outcome(createLiquid(dir, 'en')));
        if (fallback.mock.calls.length === 0) compiledRuns++;
      }),
      { numRuns: 300 },
    );
    // The comparison means something only if most templates were rendered by the compiled code.
    expect(compiledRuns).toBeGreaterThan(150);
  });

  it('takes the compiled path for generated templates whose variables are all defined', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-prop-'));
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'partials', 'p.html'), '({{ x }})');
    writeFileSync(path.join(dir, 'page.html'), '{% for item in list %}{% if item.k > n and item.t != "" %}{{ item.t | upcase }}{% else %}-{% endif %}{% render "p", x: item.k %}{% endfor %}');
    const liquid = createLiquid(dir, 'en');
    const fallback = vi.spyOn(liquid, 'renderFileSync');
    const compiled = new CompiledTemplates(liquid);
    const out = compiled.renderFileSync('page', { n: 1, list: [{ t: 'a<', k: 2 }, { t: '', k: 5 }, { t: 'b', k: 0 }] });
    expect(out).toBe('A&lt;(2)-(5)-(0)');
    expect(fallback).not.toHaveBeenCalled();
  });
});
