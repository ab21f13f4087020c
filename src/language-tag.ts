/** Language tags (BCP 47) as the config's `language` and a seed's `lang` take them: "en", "en-GB", "pt-BR". */

/** A tag's shape: a language of two or three letters, then subtags of two to eight letters or digits. */
const TAG_SHAPE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** True when `tag` is a well-formed language tag of that shape (templates' dates are named in it, see createLiquid): "en-GB", not "en-x1". */
export function isLanguageTag(tag: string): boolean {
  if (!TAG_SHAPE.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A well-formed tag in its canonical case: "pt-br" → "pt-BR", "EN" → "en". */
export function canonicalLanguageTag(tag: string): string {
  return Intl.getCanonicalLocales(tag)[0]!;
}
