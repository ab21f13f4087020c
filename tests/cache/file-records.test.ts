import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords } from '../../src/cache/file-records.js';

/** A map of paths to non-empty strings (hashes and signatures are never empty). */
const pathMap = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ minLength: 1, maxLength: 30 }), { maxKeys: 30 }).map((d) => new Map(Object.entries(d)));

describe('file records on disk', () => {
  it('read back exactly as written, paths and order included, signatures with and without an output of their own', () => {
    fc.assert(
      fc.property(pathMap, fc.option(pathMap, { nil: undefined }), (outputs, pages) => {
        const records = { outputs, ...(pages && { pages }) };
        const read = decodeRecords(encodeRecords('id-1', records));
        expect(read?.id).toBe('id-1');
        expect(read?.records).toEqual(records);
        expect([...read!.records.outputs.keys()]).toEqual([...outputs.keys()]);
      }),
    );
  });

  it('are not read from an older cache (two objects keyed by path) or a damaged file: the build then goes the full way', () => {
    expect(decodeRecords(JSON.stringify({ id: 'x', outputs: { 'index.html': 'h' }, pages: { 'index.html': 's' } }))).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":[]}')).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":["h"],"signatures":[]}')).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":["h"]')).toBeUndefined();
  });
});
