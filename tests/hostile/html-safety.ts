import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements that must never appear in a built page. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'svg', 'math', 'style', 'meta-refresh']);

/** URL-bearing attributes whose scheme is checked. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'srcset', 'cite']);

/**
 * Every problem of executable content in a page: forbidden elements, event handlers, script URLs,
 * unknown scripts, a refresh — except one to a page of the site itself (`allowedRefreshTo`: an alias's
 * redirect page, which content cannot write: its target is always the article's own address).
 */
export function unsafeContent(html: string, allowedScriptSrc: (src: string) => boolean, allowedRefreshTo: (url: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const el = node as Element;
      if (FORBIDDEN_ELEMENTS.has(el.tagName)) problems.push(`<${el.tagName}> element`);
      for (const attr of el.attrs) {
        if (/^on/i.test(attr.name)) problems.push(`${attr.name}= on <${el.tagName}>`);
        if (URL_ATTRIBUTES.has(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${attr.name}="${attr.value}" on <${el.tagName}>`);
        if (attr.name === 'style' && /expression|javascript:/i.test(attr.value)) problems.push(`style="${attr.value}"`);
      }
      if (el.tagName === 'script') {
        const type = el.attrs.find((a) => a.name === 'type')?.value;
        const src = el.attrs.find((a) => a.name === 'src')?.value;
        const text = el.childNodes.map((c) => ('value' in c ? String(c.value) : '')).join('');
        if (type === 'application/ld+json') {
          try {
            JSON.parse(text);
          } catch {
            problems.push('JSON-LD that is not JSON');
          }
        } else if (src === undefined || !allowedScriptSrc(src) || text.trim() !== '') {
          problems.push(`<script${src ? ` src="${src}"` : ''}>${text.slice(0, 60)}`);
        }
      }
      if (el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv' && /refresh/i.test(a.value))) {
        const target = /^\s*0\s*;\s*url=(.*)$/i.exec(el.attrs.find((a) => a.name === 'content')?.value ?? '')?.[1];
        if (target === undefined || !allowedRefreshTo(target)) problems.push('<meta http-equiv=refresh>');
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if ('content' in node && node.content) visit(node.content as Node);
  };
  visit(parse(html) as unknown as Node);
  return problems;
}
