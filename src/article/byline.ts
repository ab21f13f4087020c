/**
 * Bylines, time stamps, photo captions and page furniture that open scraped articles ("By Jane Doe,
 * Reuters", "Updated: 10:32 GMT, 8 February 2024", "Photo: … (Getty Images)", "Advertisement"), and
 * opening paragraphs without a word ("* * *"): they stay in the body as written, but they are not the
 * lead, so no headline, summary or dateline is taken from them.
 */
import { unambiguousDateIn } from './date.js';
import { hasWord } from './words.js';

/** A name word: "Jane", "O'Neil", "J.", "Jean-Luc", "DOE". */
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
/** Lower-case particles inside names: "Ursula von der Leyen", "Ahmed bin Salman". */
const PARTICLE = '(?:de|da|di|du|del|der|den|la|le|van|von|bin|ibn|al|el|y)';
/** A name, or a title or outlet in capitals: one to five words. */
const NAME = `${NAME_WORD}(?: (?:${PARTICLE} )*${NAME_WORD}){0,4}`;
/** What joins names and outlets: ", ", " and ", " & ", " | ", " - ", " — ". */
const JOIN = '(?:, | and | & | ?[|/] ?| [-–—] )';
/** A byline line: "By" and one or more names joined so, ending without a sentence's full stop. */
const BYLINE = new RegExp(`^by:? ${NAME}(?:${JOIN}${NAME}){0,5}$`, 'iu');

/** The words a time stamp's date and time are made of, after its "Updated" or "Published". */
const STAMP_WORD =
  /^(?:\d[\d:.,/-]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|[ap]\.?m\.?,?|\p{Lu}{2,5},?|on|at|\||[-–—]|\(?\p{Lu}{2,5}\)?,?)$/iu;
/** The words a time stamp opens with: "Published", "Updated", "Last updated", "Posted", "First published". */
const STAMP_LABEL = '(?:first published|last updated|last modified|published|updated|posted|modified)';

/** A time stamp line: its label, then a date or time. */
const STAMP = new RegExp(`^${STAMP_LABEL}(?: on| at)?:? (.+)$`, 'i');

/** Where a line holding a byline and a time stamp divides: " | " before the stamp's label. */
const BEFORE_STAMP = new RegExp(` \\| (?=${STAMP_LABEL}\\b)`, 'i');

/** True when `line` is a byline: "By Jane Doe", "BY JANE DOE AND JOHN ROE, REUTERS", "By Ana Lima | The Post". */
export function isBylineLine(line: string): boolean {
  const text = line.trim();
  // A full stop ends a sentence ("By Monday, Officials Said."), unless it ends an initial ("By John Q.").
  if (text.length > 120 || (/[.!?]$/.test(text) && !/(?:^|\s)\p{Lu}\.$/u.test(text))) return false;
  return BYLINE.test(text);
}

/** True when `line` is a time stamp: "Updated: 10:32 GMT, 8 February 2024", "Published on Feb. 8, 2024 at 9:30 a.m. EST". */
export function isTimeStampLine(line: string): boolean {
  const m = STAMP.exec(line.trim());
  if (!m || line.length > 120 || !/\d/.test(m[1]!)) return false;
  return m[1]!.split(/\s+/).every((word) => /(?:updated|published|posted|modified)/i.test(word) || STAMP_WORD.test(word));
}

/**
 * What a scraper picks up from the page around a story, as a line of its own: "Advertisement",
 * "Listen to this article", "Share this article", "Skip to content", "3 min read".
 */
const PAGE_FURNITURE =
  /^(?:advertisement|story continues below(?: this)? advertisement|listen(?: to (?:this|the) (?:article|story))?|share(?: this (?:article|story))?|skip to (?:main )?content|subscribe(?: now)?|sign up|read more|loading(?:\.\.\.|…)?|(?:play )?video|watch|\d{1,3}[- ]min(?:ute)?s?(?: read)?|reading time:? \d{1,3} min(?:ute)?s?)[.:!]?$/i;

/** True when `line` is page furniture (see PAGE_FURNITURE), not the story. */
export function isPageFurnitureLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 60 && PAGE_FURNITURE.test(text);
}

/** A photo caption's label at its start: "Photo: …", "Image caption, …" (BBC), "FILE - …" (AP), "Photograph — …". */
const CAPTION_LABEL = /^(?:(?:file )?(?:photo|photograph|picture|pic|image)s?(?: (?:caption|source|credit))?|(?:media )?caption|file)\s*(?::|,|\s[-–—])\s/i;

/** A photo credit ending a caption: "(Getty Images)", "(AP Photo/Evan Vucci, File)", "(REUTERS/Kevin Lamarque)", "Photo: Reuters". */
const CAPTION_CREDIT =
  /(?:\([^()]{0,120}\b(?:photos?|photograph|getty|images?|shutterstock|pool|(?:reuters|afp|epa|ap|xinhua|anadolu|efe|ansa|dpa)\/)[^()]{0,120}\)|(?:^|\s)(?:photo|photograph|image|picture)s?(?: credit)?:\s*[^.!?:]{1,80})\.?$/i;

/** Longest paragraph taken for a photo caption: a story's lead paragraph may end in a credit too, but is longer. */
const MAX_CAPTION_LENGTH = 400;

/** True when a paragraph is a photo caption a scraper kept above the story (see CAPTION_LABEL and CAPTION_CREDIT). */
export function isCaptionParagraph(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length <= MAX_CAPTION_LENGTH && (CAPTION_LABEL.test(text) || CAPTION_CREDIT.test(text));
}

/** True when a line is bylines and time stamps only ("By Jane Doe | Updated: 9 February 2024", "Published: … | Updated: …"). */
export function isBylineOrStampLine(line: string): boolean {
  return line.split(BEFORE_STAMP).every((part) => isBylineLine(part) || isTimeStampLine(part));
}

/** True when a paragraph has one to four lines and each (or each part of one split at " | Updated") passes `test`. */
function everyLine(paragraph: string, test: (line: string) => boolean): boolean {
  const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.length <= 4 && lines.every((line) => line.split(BEFORE_STAMP).every(test));
}

/** Where a byline's names end and its outlet or desk begins: " | The Post", " - Reuters", " — Staff". */
const BEFORE_OUTLET = / (?:[|/]|[-–—]) /;

/**
 * The author a byline names, for a seed that gives none: the first byline line of the paragraphs
 * before the story, without its "By" and anything after " | " or a spaced dash ("By Jane Doe and
 * John Roe, Reuters" → "Jane Doe and John Roe, Reuters"; "By Ana Lima | The Post" → "Ana Lima").
 */
export function bylineAuthor(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split('\n')) {
      const part = line.split(BEFORE_STAMP)[0]!.trim();
      if (isBylineLine(part)) return part.replace(/^by:?\s+/i, '').split(BEFORE_OUTLET)[0]!.trim();
    }
  }
  return undefined;
}

/** A time stamp's label that says when the story was published. */
const PUBLISHED_LABEL = /^(?:first published|published|posted)\b/i;

/** A time stamp's label that says the story was changed after it was published. */
const UPDATE_LABEL = /^(?:last updated|last modified|updated|modified)\b/i;

/**
 * The first time stamp with a label `label` matches on `line` (alone, or after a byline or another
 * stamp and " | "), and its date when written so that it can mean one day only (see unambiguousDateIn:
 * `09/02/2024` is not read); undefined when the line has no such stamp.
 */
function stampOn(line: string, label: RegExp): { date: string | undefined } | undefined {
  for (const part of line.split(BEFORE_STAMP)) {
    const stamp = part.trim();
    if (label.test(stamp) && isTimeStampLine(stamp)) return { date: unambiguousDateIn(stamp) };
  }
  return undefined;
}

/**
 * The first of `lines` (a byline's, a scraped page's) holding a "Published …" stamp ("Published: 10:32
 * GMT, 8 February 2024", "By Jane Doe | Posted Feb. 8, 2024"), and its date when it can mean one day
 * only; undefined when no line has one.
 */
export function stampedPublication(lines: readonly string[]): { index: number; date: string | undefined } | undefined {
  for (const [index, line] of lines.entries()) {
    const stamp = stampOn(line, PUBLISHED_LABEL);
    if (stamp) return { index, date: stamp.date };
  }
  return undefined;
}

/**
 * The date of the first "Updated …" time stamp in the paragraphs before the story ("Updated: 11:05 GMT,
 * 9 February 2024", "Last updated Feb. 9, 2024 at 9:30 a.m. EST"), when it can mean one day only;
 * undefined when there is none.
 */
export function stampedUpdate(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split('\n')) {
      const stamp = stampOn(line, UPDATE_LABEL);
      if (stamp) return stamp.date;
    }
  }
  return undefined;
}

/**
 * True for a paragraph that may open a body before its story: bylines, time stamps and page
 * furniture ("Advertisement", "3 min read") only, a photo caption, or no word at all ("* * *", "—").
 */
export function isBeforeStory(paragraph: string): boolean {
  return !hasWord(paragraph) || isCaptionParagraph(paragraph) || everyLine(paragraph, (part) => isBylineLine(part) || isTimeStampLine(part) || isPageFurnitureLine(part));
}
