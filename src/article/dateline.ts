/** The dateline at the start of a report: "Washington, February 8:", "WASHINGTON (AP) —", "LONDON, Feb 8 (Reuters) -". */

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PLACE = `${WORD}(?: ${WORD}){0,3}`;
const DATE = `${MONTH}\\.? \\d{1,2}(?:, \\d{4})?`;
const AGENCY = "\\((?:[\\p{Lu}][\\p{L}.&' -]{0,24})\\)";

const DATELINE = new RegExp(
  `^(?<dateline>(?<place>${PLACE})(?:, (?<region>${PLACE}))?(?:,? (?<date>${DATE}))?(?: (?<agency>${AGENCY}))?)\\s*(?<sep>:|—|–|--|-)\\s+(?=\\S)`,
  'u',
);

/** True when every letter of the place is a capital (the wire-service style "WASHINGTON"). */
function isAllCaps(place: string): boolean {
  return /\p{L}{2}/u.test(place) && place === place.toUpperCase();
}

/** Splits a leading dateline off the first paragraph; `undefined` when the text does not start with one. */
export function splitDateline(text: string): { dateline: string; rest: string } | undefined {
  const m = DATELINE.exec(text);
  if (!m?.groups) return undefined;
  const { dateline, place, date, agency, sep } = m.groups as Record<string, string | undefined>;
  const wire = isAllCaps(place!);
  // A colon needs a date ("Washington, February 8:"), or "Note:" / "Update:" would be datelines.
  if (sep === ':' && !date) return undefined;
  // A dash needs a date, an agency or a place in capitals ("WASHINGTON —"); "In Baghdad —" is prose.
  if (sep !== ':' && !date && !agency && !wire) return undefined;
  return { dateline: dateline!.trim(), rest: text.slice(m[0].length).trim() };
}
