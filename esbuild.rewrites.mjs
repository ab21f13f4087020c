// Rewrites of dependency sources that `npm run compile` (esbuild.config.mjs) applies while bundling:
// each removes work a library repeats for every document or element and broadsheet never needs, and
// fails the compile when the code it rewrites is gone. tests/build/bundle.test.ts holds each one in
// the bundle and, for the parser, body HTML and feed rewrites, their output to the published packages'.
import { readFileSync } from 'node:fs';

/**
 * An esbuild plugin that rewrites the source of the dependency files `filter` matches: `rewrite`
 * returns the new source, or undefined when the code it replaces is gone (then the compile fails
 * instead of quietly bundling the library unchanged).
 */
function rewriteSource(name, filter, rewrite) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, (args) => {
        const contents = rewrite(readFileSync(args.path, 'utf8'));
        if (contents === undefined) throw new Error(`${args.path}: the code ${name} rewrites is gone; update the plugin`);
        return { contents, loader: 'js' };
      });
    },
  };
}
// @sindresorhus/transliterate (under slugify) builds a regular expression for each of its ~20 locales
// when its module is evaluated: 7-14 ms of every process and worker that makes a slug, though
// broadsheet passes no locale. The locales' patterns are made on first use instead
// (tests/build/bundle.test.ts holds the rewrite).
const LOCALE_LOOP = /const localeCache = new Map\(\);\s*for \(const \[locale, localeMap\] of Object\.entries\(localeReplacements\)\) \{([\s\S]*?)\n\}\n/;
const lazyTransliterateLocales = rewriteSource('lazy-transliterate-locales', /[\\/]@sindresorhus[\\/]transliterate[\\/]index\.js$/, (source) => {
  const loop = LOCALE_LOOP.exec(source);
  if (!loop || !source.includes('localeCache.get(normalizedLocale)')) return undefined;
  const lazy = `const localeCache = new Map();\nconst localeEntry = (locale) => {\n\tif (!localeCache.has(locale)) {\n\t\tconst localeMap = localeReplacements[locale];${loop[1]}\n\t}\n\treturn localeCache.get(locale);\n};\n`;
  return source.replace(loop[0], lazy).replace('localeCache.get(normalizedLocale)', 'localeEntry(normalizedLocale)');
});
// micromark (remark-parse's tokenizer) merges its default constructs with the parser's extensions
// anew for every document: a fresh map of every construct by character code, ≈ 20–45 µs and a few
// hundred short-lived objects per Markdown seed (≈ 8% of remark-parse's time with the garbage; more
// with remark-gfm's five extensions). remark-parse passes the same extensions array (its processor's
// data) to every parse, so the merge is made once per array and shared: micromark only reads it
// (tests/build/bundle.test.ts holds the rewrite).
const MICROMARK_MERGE = 'combineExtensions([defaultConstructs, ...(settings.extensions || [])])';
const sharedMicromarkConstructs = rewriteSource('shared-micromark-constructs', /[\\/]micromark[\\/](dev[\\/])?lib[\\/]parse\.js$/, (source) => {
  if (!source.includes(MICROMARK_MERGE)) return undefined;
  const shared = `(settings.extensions && settings.extensions.length > 0 ? mergedConstructsOf(settings.extensions) : (defaultConstructsMerged ??= combineExtensions([defaultConstructs])))`;
  const cache = `var defaultConstructsMerged;\nvar mergedByExtensions = new WeakMap();\nfunction mergedConstructsOf(extensions) {\n  let merged = mergedByExtensions.get(extensions);\n  if (!merged) mergedByExtensions.set(extensions, (merged = combineExtensions([defaultConstructs, ...extensions])));\n  return merged;\n}\n`;
  return `${source.replace(MICROMARK_MERGE, shared)}\n${cache}`;
});
// mdast-util-from-markdown calls each event's handler on a fresh copy of its compile context (a
// spread of eight fields plus the event's sliceSerialize): tens of thousands of short-lived objects
// per Markdown seed, ≈ 15% of remark-parse's time with the garbage. The handlers only read the
// context and never keep it, so one copy is made per document and its sliceSerialize set per event
// (tests/build/bundle.test.ts holds the rewrite and the parser's trees to the published package's).
const EVENT_CONTEXT = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;
const COMPILE_START = '    const listStack = []';
const sharedEventContext = rewriteSource('shared-event-context', /[\\/]mdast-util-from-markdown[\\/](dev[\\/])?lib[\\/]index\.js$/, (source) => {
  if (source.match(EVENT_CONTEXT)?.length !== 3 || !source.includes(COMPILE_START)) return undefined;
  return source
    .replace(EVENT_CONTEXT, '(eventContext.sliceSerialize = events[index][2].sliceSerialize, eventContext)')
    .replace(COMPILE_START, `    const eventContext = { ...context, sliceSerialize: undefined }\n${COMPILE_START}`);
});
// xml-js (under feed, which writes the Atom feeds) asks of every element whether it has content by
// walking its keys with for…in, and many elements are strings: for…in over a string lists every one
// of its character indices before the first answers the question (a non-empty string has content).
// Answered up front for strings: ≈ 33% of a 50-entry feed's time (tests/build/bundle.test.ts holds
// the rewrite and its XML to the published package's).
const HAS_CONTENT = 'function hasContentCompact(element, options, anyContent) {\n';
const xmlJsStringContent = rewriteSource('xml-js-string-content', /[\\/]xml-js[\\/]lib[\\/]js2xml\.js$/, (source) => {
  if (!source.includes(HAS_CONTENT)) return undefined;
  return source.replace(HAS_CONTENT, `${HAS_CONTENT}  if (typeof element === 'string') return element.length > 0;\n`);
});
// micromark's subtokenize keeps where each nested content's events jump to in a plain object keyed by
// event index, merged with Object.assign per paragraph and asked `index in jumps` per event: sparse
// integer keys put both objects in dictionary mode (≈ 5% of subtokenize's time and its garbage). A Map
// keyed by the same numbers does the same (tests/build/bundle.test.ts holds the parser's trees to the
// published package's).
const SUBTOKENIZE_JUMPS = [
  ['  const jumps = {};', '  const jumps = new Map();'],
  ['    while (index in jumps) {\n      index = jumps[index];', '    while (jumps.has(index)) {\n      index = jumps.get(index);'],
  ['        Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];', '        for (const [from, to] of subcontent(events, index)) jumps.set(from, to);\n        index = jumps.get(index);'],
  ['  const gaps = {};', '  const gaps = new Map();'],
  ['    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];', '    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);'],
];
const subtokenizeJumpsMap = rewriteSource('subtokenize-jumps-map', /[\\/]micromark-util-subtokenize[\\/]index\.js$/, (source) => {
  if (SUBTOKENIZE_JUMPS.some(([before]) => source.split(before).length !== 2)) return undefined;
  return SUBTOKENIZE_JUMPS.reduce((text, [before, after]) => text.replace(before, after), source);
});
// mdast-util-to-hast (under remark-html) collects a tree's link and footnote definitions with
// unist-util-visit before turning it into HTML, and visit makes a closure and a copy of the ancestor
// list for every node: ≈ 40% of the mdast → hast step for a seed that has no definitions at all. A
// plain preorder walk finds the same definitions in the same order (the first of an id still wins;
// tests/build/bundle.test.ts holds the rewrite and its trees to the published package's).
const DEFINITION_VISIT = "  visit(tree, function (node) {\n    if (node.type === 'definition' || node.type === 'footnoteDefinition') {";
const plainDefinitionWalk = rewriteSource('plain-definition-walk', /[\\/]mdast-util-to-hast[\\/]lib[\\/]state\.js$/, (source) => {
  if (!source.includes(DEFINITION_VISIT)) return undefined;
  const walk = `\n/** Calls \`visitor\` on \`node\` and every node under it, in preorder (what \`visit\` did here, without a closure per node). */\nfunction walkPreorder(node, visitor) {\n  visitor(node);\n  const children = node.children;\n  if (children) for (let index = 0; index < children.length; index++) walkPreorder(children[index], visitor);\n}\n`;
  return source.replace(DEFINITION_VISIT, DEFINITION_VISIT.replace('visit(tree,', 'walkPreorder(tree,')) + walk;
});
/** The rewrites of dependency sources every compile applies (exported for the tests that hold each to its library). */
export const dependencyRewrites = { lazyTransliterateLocales, sharedMicromarkConstructs, subtokenizeJumpsMap, sharedEventContext, plainDefinitionWalk, xmlJsStringContent };
