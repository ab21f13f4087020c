import { describe, expect, it } from 'vitest';
import { decodeSeed, MAX_SEED_BYTES } from '../../src/seeds/decode.js';
import { SeedError } from '../../src/errors.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The formatted error decodeSeed throws for `input`. */
function errorOf(input: Uint8Array): string {
  try {
    decodeSeed('seeds/x.txt', input);
  } catch (e) {
    return (e as SeedError).format();
  }
  throw new Error('expected an error');
}

describe('decodeSeed', () => {
  it('strips a UTF-8 BOM and turns CRLF and lone CR into LF', () => {
    expect(decodeSeed('a.txt', bytes('\uFEFF date 2024-01-01\r\nOne.\r\rTwo.'))).toBe(' date 2024-01-01\nOne.\n\nTwo.');
  });

  it('rejects an empty file with a hint', () => {
    expect(errorOf(new Uint8Array())).toBe('seeds/x.txt:1: empty file (hint: a seed needs at least a "date YYYY-MM-DD" line and a body)');
  });

  it('rejects a binary file, naming the line of the first NUL byte', () => {
    expect(errorOf(bytes('date 2024-01-01\nabc\0def'))).toBe('seeds/x.txt:2: binary file (contains a NUL byte) (hint: seeds must be UTF-8 text)');
  });

  it('names UTF-16 text (with a byte-order mark, or ASCII-heavy without one) instead of calling it binary', () => {
    const utf16 = 'date 2024-01-01\n\nHello from Notepad.\n';
    const le = Buffer.from(utf16, 'utf16le');
    const be = Buffer.from(le).swap16();
    const hint = 'seeds/x.txt:1: UTF-16 text, not UTF-8 (hint: re-save the file as UTF-8, e.g. iconv -f UTF-16 -t UTF-8)';
    for (const input of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), le, be]) expect(errorOf(input)).toBe(hint);
    // NULs alone, or NULs among other bytes, are binary.
    expect(errorOf(new Uint8Array(64))).toBe('seeds/x.txt:1: binary file (contains a NUL byte) (hint: seeds must be UTF-8 text)');
  });

  it('rejects invalid UTF-8, naming the line and byte offset, and a one-byte encoding when nothing before it was UTF-8', () => {
    const input = new Uint8Array([...bytes('date 2024-01-01\nok\ncaf'), 0xe9, ...bytes(' au lait')]);
    expect(errorOf(input)).toBe('seeds/x.txt:3: invalid UTF-8 at byte 22 (hint: re-save the file as UTF-8; it looks like a one-byte encoding such as Windows-1252: iconv -f WINDOWS-1252 -t UTF-8)');
    // After a valid multi-byte character the file is UTF-8 with a broken byte: no encoding is guessed.
    const broken = new Uint8Array([...bytes('date 2024-01-01\ncafé\ncaf'), 0xe9, ...bytes(' au lait')]);
    expect(errorOf(broken)).toBe('seeds/x.txt:3: invalid UTF-8 at byte 25 (hint: re-save the file as UTF-8)');
  });

  it('rejects files over the size limit before decoding them', () => {
    expect(errorOf(new Uint8Array(MAX_SEED_BYTES + 1).fill(0x61))).toMatch(/^seeds\/x\.txt:1: file too large: 16777217 bytes/);
  });

  it('drops control characters that XML and HTML cannot carry, keeping tabs and newlines', () => {
    expect(decodeSeed('a.txt', bytes('a\u0007b\tc\u001Fd\ne'))).toBe('ab\tcd\ne');
  });
});
