import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addChangedPaths, applyRecordsDelta, decodeRecords, encodeRecords, encodeRecordsDelta, type BuildRecords } from '../../src/cache/file-records.js';

/** A map of paths to non-empty strings (hashes and signatures are never empty). */
const pathMap = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ minLength: 1, maxLength: 30 }), { maxKeys: 30 }).map((d) => new Map(Object.entries(d)));

describe('file records on disk', () => {
  it('read back exactly as written, paths and order included, signatures with and without an output of their own', () => {
    fc.assert(
      fc.property(pathMap, fc.option(pathMap, { nil: undefined }), (outputs, pages) => {
        const records = { outputs, ...(pages && { pages }) };
        const text = [...encodeRecords('id-1', records)].join('');
        // The pieces make the JSON of the columns, exactly.
        expect(JSON.parse(text)).toEqual({ id: 'id-1', paths: [...outputs.keys(), ...[...(pages?.keys() ?? [])].filter((p) => !outputs.has(p))], hashes: expect.any(Array), ...(pages && { signatures: expect.any(Array) }) });
        const read = decodeRecords(text);
        expect(read?.id).toBe('id-1');
        expect(read?.records).toEqual(records);
        expect([...read!.records.outputs.keys()]).toEqual([...outputs.keys()]);
      }),
    );
  });

  it('written in pieces of 4,096 entries read back whole: a 10k-page site with signatures, and no pages at all', () => {
    const outputs = new Map(Array.from({ length: 10_000 }, (_, i) => [`p${i}/index.html`, `h${i}`]));
    const pages = new Map([...outputs.keys()].filter((_, i) => i % 3 !== 0).map((p) => [p, `s-${p}`]));
    const pieces = [...encodeRecords('big', { outputs, pages })];
    expect(pieces.length).toBeGreaterThan(9);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100_000);
    expect(decodeRecords(pieces.join(''))?.records).toEqual({ outputs, pages });
    expect(decodeRecords([...encodeRecords('none', { outputs: new Map() })].join(''))).toEqual({ id: 'none', records: { outputs: new Map() } });
  });

  it('are not read from an older cache (two objects keyed by path) or a damaged file: the build then goes the full way', () => {
    expect(decodeRecords(JSON.stringify({ id: 'x', outputs: { 'index.html': 'h' }, pages: { 'index.html': 's' } }))).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":[]}')).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":["h"],"signatures":[]}')).toBeUndefined();
    expect(decodeRecords('{"id":"x","paths":["a"],"hashes":["h"]')).toBeUndefined();
  });
});

describe('a delta on the file records', () => {
  /** Records before and after a build: `after` shares some paths with `before`, some hashes and signatures changed, some paths gone or new. */
  const beforeAfter = fc
    .tuple(pathMap, pathMap, pathMap, fc.boolean())
    .map(([outputs, changes, pageChanges, withPages]): [BuildRecords, BuildRecords] => {
      const keys = [...outputs.keys()];
      const after = new Map([...outputs].filter((_, i) => i % 3 !== 1));
      for (const [path, hash] of changes) after.set(path, hash);
      const before: BuildRecords = { outputs, ...(withPages && { pages: new Map(keys.map((k) => [k, `s-${k}`])) }) };
      const pages = withPages ? new Map([...after.keys()].filter((_, i) => i % 4 !== 2).map((k) => [k, pageChanges.get(k) ?? `s-${k}`])) : undefined;
      return [before, { outputs: after, ...(pages && { pages }) }];
    });
  const copy = (records: BuildRecords): BuildRecords => ({ outputs: new Map(records.outputs), ...(records.pages && { pages: new Map(records.pages) }) });
  const sorted = (map: ReadonlyMap<string, string> | undefined) => map && [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  it('applied to the records it was made on gives the records it was made for (paths changed, gone, new; signatures too)', () => {
    fc.assert(
      fc.property(beforeAfter, ([before, after]) => {
        const changed = new Set<string>();
        expect(addChangedPaths(before, after, changed, Infinity)).toBe(true);
        const applied = copy(before);
        expect(applyRecordsDelta(encodeRecordsDelta('d1', 'base', changed, after), { base: 'base', id: 'd1' }, applied)).toEqual([...changed]);
        expect(sorted(applied.outputs)).toEqual(sorted(after.outputs));
        expect(sorted(applied.pages)).toEqual(sorted(after.pages));
      }),
    );
  });

  it('lists only what changed, and stops past its limit', () => {
    const before = { outputs: new Map([['a', '1'], ['b', '2'], ['c', '3']]), pages: new Map([['a', 's']]) };
    const after = { outputs: new Map([['a', '1'], ['b', '9'], ['d', '4']]), pages: new Map([['a', 't']]) };
    const changed = new Set<string>();
    expect(addChangedPaths(before, after, changed, 10)).toBe(true);
    expect([...changed].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(addChangedPaths(before, after, new Set(), 2)).toBe(false);
    // Records with signatures after records without: written whole.
    expect(addChangedPaths({ outputs: before.outputs }, after, new Set(), 10)).toBe(false);
  });

  it('is not applied, and the records stay untouched, when it was made on other records, names another id or is damaged', () => {
    const records = { outputs: new Map([['a', '1']]), pages: new Map([['a', 's']]) };
    const delta = encodeRecordsDelta('d2', 'base', ['a'], { outputs: new Map(), pages: new Map() });
    expect(applyRecordsDelta(delta, { base: 'other', id: 'd2' }, records)).toBeUndefined();
    expect(applyRecordsDelta(delta, { base: 'base', id: 'd3' }, records)).toBeUndefined();
    expect(applyRecordsDelta(delta.slice(0, -2), { base: 'base', id: 'd2' }, records)).toBeUndefined();
    expect(applyRecordsDelta(delta, { base: 'base', id: 'd2' }, { outputs: records.outputs })).toBeUndefined();
    expect(records).toEqual({ outputs: new Map([['a', '1']]), pages: new Map([['a', 's']]) });
    expect(applyRecordsDelta(delta, { base: 'base', id: 'd2' }, records)).toEqual(['a']);
    expect(records).toEqual({ outputs: new Map(), pages: new Map() });
  });
});
