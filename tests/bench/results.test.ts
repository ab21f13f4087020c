import { describe, expect, it } from 'vitest';
import { addRatios, ratioLines, ratioText } from '../../src/bench/results.js';
import { benchRow, sample } from './helpers.js';

describe('addRatios', () => {
  const rows = [
    benchRow(10000, 'md', 'broadsheet', 'cold', [sample(6)]),
    benchRow(10000, 'md', 'hugo', 'cold', [sample(4)]),
    benchRow(10000, 'md', 'eleventy', 'cold', [sample(60)]),
    benchRow(10000, 'txt', 'broadsheet', 'cold', [sample(2)]),
    benchRow(10000, 'txt', 'broadsheet', 'no-op', [sample(0.1)]),
    benchRow(10000, 'txt', 'broadsheet', 'edit-1', [sample(0.5)]),
  ];
  addRatios(rows);

  it('divides broadsheet by each peer on the same corpus', () => {
    expect(rows[1]?.ratio).toEqual({ value: 1.5, label: 'bs/hugo' });
    expect(rows[2]?.ratio).toEqual({ value: 0.1, label: 'bs/eleventy' });
  });
  it('compares raw text with Hugo on Markdown', () => expect(rows[3]?.ratio).toEqual({ value: 0.5, label: 'txt/hugo-md' }));
  it('expresses rebuilds as a share of the cold build', () => {
    expect(rows[4]?.ratio).toEqual({ value: 0.05, label: 'of cold' });
    expect(rows[5]?.ratio).toEqual({ value: 0.25, label: 'of cold' });
  });
  it('leaves broadsheet md without a ratio, and prints the targets', () => {
    expect(rows[0]?.ratio).toBeUndefined();
    expect(ratioLines(rows)).toContain('10000 md  broadsheet/hugo = 1.50 (target ≤ 1.5: met)');
    expect(ratioLines(rows)).toContain('10000 txt  no-op rebuild / cold = 0.05 (target ≤ 0.05: met), 120 files rewritten');
  });
  it('says whether each target is met, with a third decimal where two would round a miss onto the target', () => {
    const close = [benchRow(10000, 'md', 'broadsheet', 'cold', [sample(8.13)]), benchRow(10000, 'md', 'hugo', 'cold', [sample(4)]), benchRow(10000, 'md', 'eleventy', 'cold', [sample(53.9)])];
    addRatios(close);
    expect(ratioLines(close)).toEqual(['10000 md  broadsheet/hugo = 2.03 (target ≤ 1.5: not met)', '10000 md  broadsheet/eleventy = 0.151 (target ≤ 0.15: not met)']);
  });
  it('checks the cold ratios against their targets at 10k articles only, where issue 4 sets them', () => {
    const small = [benchRow(1000, 'md', 'broadsheet', 'cold', [sample(2)]), benchRow(1000, 'md', 'hugo', 'cold', [sample(1)]), benchRow(1000, 'md', 'broadsheet', 'no-op', [sample(0.2)])];
    addRatios(small);
    expect(ratioLines(small)).toEqual(['1000 md  broadsheet/hugo = 2.00', '1000 md  no-op rebuild / cold = 0.10 (target ≤ 0.05: not met), 120 files rewritten']);
  });
  it('rounds a ratio just under its target to as many decimals as tell them apart, and one equal to it to two', () => {
    expect(ratioText(0.1496, 0.15)).toBe('0.1496');
    expect(ratioText(1.5, 1.5)).toBe('1.50');
    expect(ratioText(1.504, 1.5)).toBe('1.504');
    expect(ratioText(0.4321)).toBe('0.43');
  });
  it('prints what an edit took beyond the no-op of the same corpus, against the start-up target', () => {
    expect(ratioLines(rows)).toContain('10000 txt  edit-1 rebuild / cold = 0.25, 120 files rewritten, 0.40 s beyond the no-op (target ≤ 0.3 beyond start-up)');
  });
  it("takes an edit's excess over the no-op run just before it, pair by pair (the median of the differences, not the difference of the medians)", () => {
    const paired = [
      benchRow(10000, 'md', 'broadsheet', 'cold', [sample(2)]),
      benchRow(10000, 'md', 'broadsheet', 'no-op', [sample(0.1), sample(0.5), sample(0.2)]),
      benchRow(10000, 'md', 'broadsheet', 'edit-1', [sample(0.4), sample(0.8), sample(0.45)]),
    ];
    addRatios(paired);
    // Pairs: 0.30, 0.30, 0.25 → 0.30; the medians (0.45 − 0.2) would say 0.25.
    expect(ratioLines(paired)).toContain('10000 md  edit-1 rebuild / cold = 0.23, 120 files rewritten, 0.30 s beyond the no-op (target ≤ 0.3 beyond start-up)');
  });
  it('prints no edit figure beyond start-up when the no-op failed', () => {
    const noNoOp = [benchRow(1000, 'md', 'broadsheet', 'cold', [sample(2)]), benchRow(1000, 'md', 'broadsheet', 'no-op', [sample(0.1, { exitCode: 1 })]), benchRow(1000, 'md', 'broadsheet', 'edit-1', [sample(0.5)])];
    addRatios(noNoOp);
    expect(ratioLines(noNoOp)).toEqual(['1000 md  edit-1 rebuild / cold = 0.25, 120 files rewritten']);
  });
  it('says "1 file rewritten" for an edit that rewrote one file', () => {
    const one = [benchRow(1000, 'txt', 'broadsheet', 'cold', [sample(2)]), benchRow(1000, 'txt', 'broadsheet', 'edit-1', [sample(0.5, { filesWritten: 1 })])];
    addRatios(one);
    expect(ratioLines(one)).toEqual(['1000 txt  edit-1 rebuild / cold = 0.25, 1 file rewritten']);
  });
  it('gives no ratio against a failed row', () => {
    const failed = [benchRow(1000, 'md', 'broadsheet', 'cold', [sample(1, { exitCode: 1 })]), benchRow(1000, 'md', 'hugo', 'cold', [sample(1)])];
    addRatios(failed);
    expect(failed[1]?.ratio).toBeUndefined();
  });
});
