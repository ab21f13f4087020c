/**
 * Keys written twice in one object of `site.config.json`. JSON.parse keeps the last without a word,
 * so a taxonomy entry written again further down lost its first aliases. Counting is cheap and runs on
 * every build; the keys are located (config-location.ts) only when the counts differ.
 */

/** How many object keys `value`, as JSON.parse gave it, holds at every depth. */
function keysParsed(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + keysParsed(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const key of Object.keys(value)) count += 1 + keysParsed((value as Record<string, unknown>)[key]);
  return count;
}

/** True for JSON's white space: space, tab, line feed, carriage return. */
function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** How many keys the text `json` writes: strings followed by a colon. Only for text JSON.parse took. */
function keysWritten(json: string): number {
  let count = 0;
  for (let i = 0; i < json.length; i++) {
    if (json.charCodeAt(i) !== 0x22) continue;
    // A string: skip to its closing quote (a backslash escapes the character after it).
    let end = i + 1;
    while (end < json.length && json.charCodeAt(end) !== 0x22) end += json.charCodeAt(end) === 0x5c ? 2 : 1;
    let next = end + 1;
    while (next < json.length && isJsonSpace(json.charCodeAt(next))) next++;
    if (json.charCodeAt(next) === 0x3a) count++;
    i = end;
  }
  return count;
}

/** True when `json`, which JSON.parse read as `value`, writes a key twice in one object. */
export function hasDuplicateKeys(json: string, value: unknown): boolean {
  return keysWritten(json) !== keysParsed(value);
}
