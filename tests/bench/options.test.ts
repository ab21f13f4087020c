import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../src/bench/options.js';
import { repoRoot } from '../../src/bench/paths.js';
import { UsageError } from '../../src/errors.js';

describe('parseBenchOptions', () => {
  it('defaults to 1k, 10k and 100k, one untimed warm-up round, three cold runs, seven rebuild pairs, both formats, .bench in the repo', () => {
    const o = parseBenchOptions([]);
    expect(o.sizes).toEqual([1000, 10000, 100000]);
    expect(o.runs).toBe(3);
    expect(o.warmups).toBe(1);
    expect(o.rebuilds).toBe(7);
    expect(o.formats).toEqual(['md', 'txt']);
    expect(o.work).toBe(path.join(repoRoot, '.bench'));
    expect(o.json).toBe(path.join(repoRoot, '.bench', 'results.json'));
    expect(o.peers).toBe(false);
    expect(o.incremental).toBe(true);
  });
  it('reads sizes with a k suffix and paths relative to the current folder', () => {
    const o = parseBenchOptions(['--sizes', '10k,500', '--work', 'w', '--json', 'r.json', '--peers', '--formats', 'txt'], '/x');
    expect(o.sizes).toEqual([10000, 500]);
    expect(o.work).toBe('/x/w');
    expect(o.json).toBe('/x/r.json');
    expect(o.peers).toBe(true);
    expect(o.formats).toEqual(['txt']);
  });
  it('accepts --warmup 0 (no warm-up round) but not a negative or fractional count', () => {
    expect(parseBenchOptions(['--warmup', '0']).warmups).toBe(0);
    expect(() => parseBenchOptions(['--warmup=-1'])).toThrow('bench: --warmup: expected a whole number, got "-1"');
    expect(() => parseBenchOptions(['--warmup', '1.5'])).toThrow('bench: --warmup: expected a whole number, got "1.5"');
  });
  it.each([[['--sizes', 'ten']], [['--runs', '0']], [['--rebuilds', '0']], [['--formats', 'html']], [['--bogus']], [['--generator', 'x']]])('rejects %j with a usage error', (argv) => {
    expect(() => parseBenchOptions(argv)).toThrow(UsageError);
  });
});
