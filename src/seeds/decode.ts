/** Seed bytes → text: rejects binary and invalid UTF-8, strips a BOM, normalises line ends. */
import { SeedError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** True when `text` holds a control character (tab and line ends aside) or U+FFFE/U+FFFF: what withoutControlCharacters drops. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Text without control characters (tab and line ends kept) nor U+FFFE/U+FFFF: they are not text,
 * XML (feeds, sitemap) forbids them even escaped, and HTML shows nothing for them. A seed's bytes
 * lose them when decoded; a front-matter string can bring them back through YAML escapes ("\a", "\0").
 */
export function withoutControlCharacters(text: string): string {
  return hasControlCharacters(text) ? text.replace(CONTROL_ALL, '') : text;
}

/** Largest seed accepted, in bytes; larger files get a clear size error. */
export const MAX_SEED_BYTES = 16 * 1024 * 1024;

/** The 1-based line on which byte `offset` of `bytes` stands. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte offset at which `bytes` stops being valid UTF-8 (only called once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * True when bytes holding a NUL look like UTF-16, as Windows tools save text: a UTF-16 byte-order
 * mark, or (without one) a zero in every other byte of the first ones and in none of the others, as
 * ASCII text gets in UTF-16.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = Math.min(bytes.length, 64) & ~1;
  if (sample < 4) return false;
  // Bytes of one parity all zero, of the other none: the high and low bytes of ASCII characters.
  const all = (parity: number, zero: boolean) => {
    for (let i = parity; i < sample; i += 2) if ((bytes[i] === 0) !== zero) return false;
    return true;
  };
  return (all(0, true) && all(1, false)) || (all(1, true) && all(0, false));
}

/** Decodes a seed to text with `\n` line ends and no BOM, or throws a SeedError. */
export function decodeSeed(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SeedError(path, 1, 'empty file', 'a seed needs at least a "date YYYY-MM-DD" line and a body');
  if (bytes.length > MAX_SEED_BYTES) {
    throw new SeedError(path, 1, `file too large: ${bytes.length} bytes (the limit is ${MAX_SEED_BYTES})`, 'split the document or check that it is really an article');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (isUtf16(bytes)) throw new SeedError(path, 1, 'UTF-16 text, not UTF-8', 're-save the file as UTF-8, e.g. iconv -f UTF-16 -t UTF-8');
    throw new SeedError(path, lineOfByte(bytes, nul), 'binary file (contains a NUL byte)', 'seeds must be UTF-8 text');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // No valid multi-byte character before it: the file is most likely in a one-byte encoding, as older news sites saved text.
    const oneByte = bytes.subarray(0, offset).every((b) => b < 0x80);
    const hint = oneByte ? 're-save the file as UTF-8; it looks like a one-byte encoding such as Windows-1252: iconv -f WINDOWS-1252 -t UTF-8' : 're-save the file as UTF-8';
    throw new SeedError(path, lineOfByte(bytes, offset), `invalid UTF-8 at byte ${offset}`, hint);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return withoutControlCharacters(text);
}
