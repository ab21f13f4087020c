/** What may stay of a body's HTML: the schema remark-html sanitises with (and html-blocks.ts, before it). */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * Attributes GitHub's schema allows on every element that HTML has made obsolete (`align`, `border`,
 * `cellPadding`, `name` on a link…) or that only form controls use: a validator refuses them on a page,
 * and a news page shows the same without them. `width` and `height` stay on images.
 */
const LEFT_OUT_ATTRIBUTES = new Set([
  'abbr', 'accept', 'acceptCharset', 'accessKey', 'action', 'align', 'axis', 'border', 'cellPadding', 'cellSpacing', 'char', 'charOff', 'charSet',
  'checked', 'clear', 'color', 'cols', 'compact', 'coords', 'encType', 'frame', 'hSpace', 'height', 'htmlFor', 'isMap', 'label', 'maxLength', 'method',
  'multiple', 'name', 'noHref', 'noShade', 'noWrap', 'prompt', 'readOnly', 'rev', 'rows', 'rules', 'selected', 'shape', 'size', 'summary', 'tabIndex',
  'useMap', 'vAlign', 'value', 'width', 'longDesc',
]);

/** Elements GitHub's schema allows that HTML has made obsolete (`strike`, `tt`) or that a body has no use for (a lone checkbox): their text stays. */
const LEFT_OUT_ELEMENTS = new Set(['strike', 'tt', 'input']);

/** An attribute list of the default schema without LEFT_OUT_ATTRIBUTES. */
function kept(list: NonNullable<Schema['attributes']>[string]): NonNullable<Schema['attributes']>[string] {
  return list.filter((entry) => !LEFT_OUT_ATTRIBUTES.has(typeof entry === 'string' ? entry : entry[0]));
}

/**
 * GitHub's sanitising schema, less what a validator refuses (above), plus the elements an embedded
 * social post needs; a style sheet in an HTML block is removed with its content, as a script is (left
 * to the schema, its rules would show as text).
 */
export const bodySchema: Schema = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !LEFT_OUT_ELEMENTS.has(name)), 'figure', 'figcaption', 'time'],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([name, list]) => [name, kept(list)])),
    img: [...kept(defaultSchema.attributes?.['img'] ?? []), 'width', 'height'],
    th: ['abbr'],
    figure: [['className', 'social-post']],
    time: ['dateTime'],
  },
  required: {},
};
