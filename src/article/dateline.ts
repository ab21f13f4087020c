/** The dateline at the start of a report: "Washington, February 8:", "WASHINGTON (AP) —", "LONDON, Feb 8 (Reuters) -", "(CNN) —". */

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** A capitalised place word: "São", "Port-au-Prince", "St.", "N'Djamena", "CITY". */
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
/** Lower-case particles inside place names: "Rio de Janeiro", "Dar es Salaam", "Bay of Plenty". */
const PARTICLE = '(?:de|da|do|dos|das|del|di|du|la|le|el|al|es|of|upon|am|an|im|sur)';
const ONE_PLACE = `${WORD}(?: (?:${PARTICLE} )?${WORD}){0,3}`;
/** One place, or up to four joined by slashes as Reuters datelines them: "LONDON/PARIS". */
const PLACE = `${ONE_PLACE}(?:/${ONE_PLACE}){0,3}`;
/** "February 8", "Feb. 8, 2024" or "8 February 2024". */
const DATE = `(?:${MONTH}\\.? (?<day>\\d{1,2})(?:, \\d{4})?|(?<dayFirst>\\d{1,2}) ${MONTH}\\.?(?: \\d{4})?)`;
/** A parenthesised source: "(AP)", "(Reuters)", "(dpa)". */
const PARENTHESISED_AGENCY = "\\((?<agency>\\p{L}[\\p{L}.&' -]{0,24})\\)";
/** That, or a press-release service between slashes: "/PRNewswire/". */
const AGENCY = `(?:${PARENTHESISED_AGENCY}|/(?<service>\\p{Lu}[\\p{L} -]{0,24})/)`;
/** Dashes may touch the dateline ("WASHINGTON—"); a hyphen or double hyphen needs space after it. */
const DASH = '(?:\\s*[—–]\\s*|\\s+--?(?:\\s+|$))';
/** A dash, or a colon with space after it. */
const SEPARATOR = `(?:${DASH}|(?<colon>:)(?:\\s+|$))`;

const DATELINE = new RegExp(
  `^\\s*(?<dateline>(?<place>${PLACE})(?:, (?<region>${PLACE}))?(?:,? (?<date>${DATE}))?(?: ${AGENCY})?)${SEPARATOR}`,
  'u',
);

/** Indian wire copy's dateline: place, date and a known agency, then only space before the story ("New Delhi, Feb 8 (PTI) The …"). */
const UNSEPARATED = new RegExp(
  `^\\s*(?<dateline>(?<place>${PLACE})(?:, (?<region>${PLACE}))?,? (?<date>${DATE}) ${PARENTHESISED_AGENCY})\\s+(?=[\\p{Lu}"“‘'])`,
  'u',
);

/** A dateline without a place: a known agency alone or after a date, then a dash ("(CNN) —", "Feb 8 (Reuters) -", "(Bloomberg) --"). */
const PLACELESS = new RegExp(`^\\s*(?<dateline>(?:(?<date>${DATE}) )?${PARENTHESISED_AGENCY})${DASH}`, 'u');

/** Agencies whose name in parentheses marks a dateline even after a place in mixed case ("Kyiv (AFP) –"). */
const AGENCIES = new Set(
  'ap reuters afp upi dpa ani pti ians xinhua tass sputnik anadolu aa efe ansa kyodo yonhap irna wafa sana mena bernama antara kuna wam spa qna ips cnn bbc bloomberg jta tps rfe/rl voa'.split(' '),
);

/** First words that open a labelled line or a sentence, never a place: "BREAKING —", "Update:", "In Baghdad, …". */
const NOT_PLACES = new Set(
  "breaking update updated exclusive watch live analysis opinion editorial note correction clarification editor's editors photo photos video file urgent flash alert developing review interview comment listen read related sponsored advertisement warning bulletin summary transcript disclaimer source sources in on at from by for to since after before during until as when while if the fact first explainer explained recap poll quiz podcast icymi just trending gallery obituary letters letter promoted report reports study survey police officials witnesses latest top more also what why how who".split(' '),
);

/** True when `text` has at least `min` letters (counting stops there: a place may be a megabyte long). */
function hasLetters(text: string, min: number): boolean {
  let count = 0;
  for (const char of text) if (/\p{L}/u.test(char) && ++count >= min) return true;
  return false;
}

/** True when every letter of the place is a capital and it has at least three letters (the wire style "WASHINGTON", not "US"). */
function isWirePlace(place: string): boolean {
  return hasLetters(place, 3) && place === place.toUpperCase() && place !== place.toLowerCase();
}

/** Acronyms in capitals that open a headline with a colon ("NASA: …", "NATO: …") and are never a dateline's place. */
const ACRONYMS = new Set('nasa nato opec fifa uefa unicef unesco unhcr unrwa who fbi cia nsa imf ecb fed sec fda cdc epa irs doj dhs nhs bbc cnn gop anc bjp eu un uk us usa'.split(' '));

/** A dateline split off the start of a text, and the text after it (see splitDateline). */
export interface DatelineSplit {
  readonly dateline: string;
  readonly rest: string;
  /** Only a place in capitals and a colon ("NEW DELHI: …"), which a transcript's speaker label also is. */
  readonly labelOnly?: boolean;
}

/** The split a dateline pattern's match `m` of `text` makes: its `dateline` group, and the text after the match. */
function splitAt(m: RegExpExecArray, text: string): DatelineSplit {
  return { dateline: m.groups!['dateline']!.trim(), rest: text.slice(m[0].length).trim() };
}

/**
 * Splits a leading dateline off the first paragraph; `undefined` when the text does not start with
 * one. `labelOnly` marks a dateline that is only a place in capitals and a colon ("NEW DELHI: …"),
 * which a transcript's speaker label ("COOPER: …") also is: the caller looks at the next paragraph.
 */
export function splitDateline(text: string): DatelineSplit | undefined {
  return withPlace(text) ?? unseparated(text) ?? withoutPlace(text);
}

/** Indian wire copy's dateline with no dash or colon after it: only with a date and a known agency. */
function unseparated(text: string): DatelineSplit | undefined {
  const m = UNSEPARATED.exec(text);
  if (!m?.groups || !AGENCIES.has(m.groups['agency']!.toLowerCase()) || !hasPossibleDay(m.groups) || opensWithLabel(m.groups['place']!)) return undefined;
  return splitAt(m, text);
}

/** True when a place's first word opens a labelled line or a sentence ("UPDATE", "In"), never a place; "The Hague" is one. */
function opensWithLabel(place: string): boolean {
  const firstWord = place.split(/[ /]/)[0]!.replace(/[.’]/g, (c) => (c === '’' ? "'" : '')).toLowerCase();
  return NOT_PLACES.has(firstWord) && !(firstWord === 'the' && place.split(' ').length === 2);
}

/** False when a dateline's date names a day no month has ("February 80"); true without a date. */
function hasPossibleDay(groups: Record<string, string | undefined>): boolean {
  const day = Number(groups['day'] ?? groups['dayFirst'] ?? '1');
  return day >= 1 && day <= 31;
}

/** A dateline that names no place: only a known agency's, with a dash after it. */
function withoutPlace(text: string): DatelineSplit | undefined {
  const m = PLACELESS.exec(text);
  if (!m?.groups || !AGENCIES.has(m.groups['agency']!.toLowerCase()) || !hasPossibleDay(m.groups)) return undefined;
  return splitAt(m, text);
}

/** A dateline that starts with its place: "WASHINGTON (AP) —", "Washington, February 8:", "NEW YORK, Jan. 5, 2024 /PRNewswire/ --". */
function withPlace(text: string): DatelineSplit | undefined {
  const m = DATELINE.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const place = g['place']!;
  // "The US central command" never reaches here without a date or dash.
  if (opensWithLabel(place) || !hasPossibleDay(g)) return undefined;
  const hasDate = g['date'] !== undefined;
  const agency = g['agency']?.toLowerCase();
  const knownAgency = agency !== undefined && AGENCIES.has(agency);
  const wire = isWirePlace(place);
  // A colon needs a date ("Washington, February 8:"), or "President Biden: …" would be a dateline; or a
  // place of four letters or more in capitals, as South Asian and Gulf papers write it ("NEW DELHI: …"),
  // which is not a known acronym ("NASA: …").
  if (g['colon'] !== undefined && !hasDate && !(wire && hasLetters(place, 4) && !ACRONYMS.has(place.toLowerCase()) && g['region'] === undefined)) return undefined;
  // A dash needs a date, a known agency or a place in capitals ("WASHINGTON —"); "Biden, Netanyahu — …" is prose.
  if (g['colon'] === undefined && !hasDate && !knownAgency && !wire) return undefined;
  // An unknown parenthesis after a mixed-case place is a ticker or an aside: "Microsoft (MSFT) —";
  // one in lower case is an aside after any place ("BERLIN (see map) —"), unless it is an agency's own style ("(dpa)").
  if (agency !== undefined && !knownAgency && ((!wire && !hasDate) || /^\p{Ll}/u.test(g['agency']!))) return undefined;
  // A service between slashes is a press release's, which always dates it: "/PRNewswire/ --".
  if (g['service'] !== undefined && !hasDate) return undefined;
  const split = splitAt(m, text);
  // Only a place in capitals and a colon: a transcript's speaker looks the same ("COOPER: Good evening").
  return g['colon'] !== undefined && !hasDate ? { ...split, labelOnly: true } : split;
}
