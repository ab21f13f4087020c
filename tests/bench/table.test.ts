import { describe, expect, it } from 'vitest';
import { formatBenchTable, formatMiB, formatSeconds, formatTable, tableCells } from '../../src/bench/table.js';
import { benchRow, sample } from './helpers.js';

describe('cell formats', () => {
  it('shows seconds with two decimals below 10 s and one above', () => {
    expect(formatSeconds(1.234)).toBe('1.23');
    expect(formatSeconds(61.26)).toBe('61.3');
    expect(formatSeconds(null)).toBe('—');
  });
  it('shows bytes as whole MiB', () => {
    expect(formatMiB(706 * 1048576 + 1000)).toBe('706');
    expect(formatMiB(null)).toBe('—');
  });
});

describe('formatTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    const text = formatTable(['tool', 'wall s'], [['hugo', '6.60'], ['eleventy', '61.3']]);
    expect(text.split('\n')).toEqual(['tool      wall s', '--------  ------', 'hugo        6.60', 'eleventy    61.3']);
  });
});

describe('tableCells', () => {
  it('shows medians, pages per second and the ratio', () => {
    const row = benchRow(10000, 'md', 'hugo', 'cold', [sample(2), sample(4), sample(3)]);
    row.ratio = { value: 1.234, label: 'bs/hugo' };
    expect(tableCells(row)).toEqual(['10000', 'md', 'hugo', '3.00', '5.00', '200', '33', '1.23 bs/hugo']);
  });
  it('names the scenario of a rebuild row and leaves its pages/s empty', () => {
    const cells = tableCells(benchRow(1000, 'txt', 'broadsheet', 'no-op', [sample(0.2)]));
    expect(cells[2]).toBe('broadsheet no-op');
    expect(cells[6]).toBe('');
  });
  it('marks a failed row with its exit code', () => {
    const row = benchRow(1000, 'md', 'broadsheet', 'cold', [sample(1, { exitCode: 1 })]);
    expect(tableCells(row).slice(3, 5)).toEqual(['FAILED (exit 1)', '']);
  });
  it('names the run that failed and its exit code when a later run succeeded', () => {
    const row = benchRow(10000, 'md', 'broadsheet', 'edit-1', [sample(0.4), sample(0.4, { exitCode: 2 }), sample(0.4)]);
    expect(tableCells(row)[3]).toBe('FAILED (run 2 of 3: exit 2)');
  });
  it('prints a header and one line per row', () => {
    const text = formatBenchTable([benchRow(1000, 'md', 'broadsheet', 'cold', [sample(1)])]);
    expect(text.split('\n')[0]).toMatch(/^size\s+format\s+tool\s+wall s\s+CPU s\s+peak RSS MB\s+pages\/s\s+ratio$/);
    expect(text.split('\n')).toHaveLength(3);
  });
});
