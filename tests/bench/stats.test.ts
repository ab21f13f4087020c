import { describe, expect, it } from 'vitest';
import { median, medianOrNull } from '../../src/bench/stats.js';

describe('median', () => {
  it('takes the middle of an odd count, unsorted input', () => expect(median([3, 1, 2])).toBe(2));
  it('averages the middle two of an even count', () => expect(median([4, 1, 3, 2])).toBe(2.5));
  it('is NaN for no values', () => expect(median([])).toBeNaN());
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('ignores unmeasured values, null when there are none', () => {
    expect(medianOrNull([null, 5, 1])).toBe(3);
    expect(medianOrNull([null, null])).toBeNull();
  });
});
