import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureSite, pageContextsOf } from './page-contexts.js';

const DOC = path.join(import.meta.dirname, '..', '..', 'docs', 'templates.md');

/** The variables docs/templates.md lists (first column of its tables), by section heading. */
function documented(): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) sections.set(heading[1]!, (current = new Set()));
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (row && current) current.add(row[1]!);
  }
  return sections;
}

/** The section of a template: `## \`tag.html\` (…)`. */
function sectionOf(sections: Map<string, Set<string>>, template: string): Set<string> {
  const heading = [...sections.keys()].find((h) => h.startsWith(`\`${template}.html\``));
  return heading ? sections.get(heading)! : new Set();
}

/** Plain objects, not lists. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `name.key` for every key of an object value, `name` for anything else (lists, strings, numbers). */
function variablesOf(context: Record<string, unknown>, exclude: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(context)) {
    if (exclude.includes(name)) continue;
    if (isRecord(value)) for (const key of Object.keys(value)) names.add(`${name}.${key}`);
    else names.add(name);
  }
  return names;
}

describe('docs/templates.md', async () => {
  const pages = pageContextsOf(await fixtureSite()).map(({ template, context }) => ({ template, context: context as Record<string, unknown> }));
  const sections = documented();

  it('lists every variable each template gets, and none it does not get', () => {
    const templates = [...new Set(pages.map((p) => p.template))];
    expect(templates.sort()).toEqual(['404', 'archive-month', 'archive-year', 'article', 'index', 'search', 'tag', 'tags']);
    for (const template of templates) {
      const actual = new Set<string>();
      for (const page of pages.filter((p) => p.template === template)) for (const name of variablesOf(page.context, ['site', 'page', 'pagination'])) actual.add(name);
      if (pages.some((p) => p.template === template && 'pagination' in p.context)) actual.add('pagination');
      const listed = [...sectionOf(sections, template)].filter((name) => !name.includes('[]'));
      expect({ template, variables: [...actual].sort() }).toEqual({ template, variables: listed.sort() });
    }
  });

  it('lists every key of site and page, of a card and of pagination', () => {
    const all = (pick: (context: Record<string, unknown>) => unknown[]) => pages.flatMap((p) => pick(p.context)).filter(isRecord);
    const keys = (name: string, objects: Record<string, unknown>[]) => [...new Set(objects.flatMap((o) => Object.keys(o).map((k) => `${name}.${k}`)))].sort();
    expect([...sections.get('Every page')!].sort()).toEqual([...keys('site', all((c) => [c['site']])), ...keys('page', all((c) => [c['page']]))].sort());
    const cards = all((c) => [
      ...((c['articles'] as unknown[] | undefined) ?? []),
      ...((c['article'] as { related?: unknown[] } | undefined)?.related ?? []),
      ...((c['month'] as { days?: { articles: unknown[] }[] } | undefined)?.days ?? []).flatMap((d) => d.articles),
    ]);
    expect(cards.length).toBeGreaterThan(0);
    expect([...sections.get('A card')!].sort()).toEqual(keys('card', cards));
    expect([...sections.get('Pagination')!].sort()).toEqual(keys('pagination', all((c) => [c['pagination']])));
  });

  it('names the keys of list items it describes as `list[].key`', () => {
    const groups = pages.flatMap((p) => (p.context['groups'] as Record<string, unknown>[] | undefined) ?? []);
    expect(groups.length).toBeGreaterThan(0);
    for (const name of sectionOf(sections, 'tags')) {
      const item = /^(\w+)\[\]\.(\w+)$/.exec(name);
      if (item) expect(groups.every((g) => item[2]! in g)).toBe(true);
    }
  });
});
