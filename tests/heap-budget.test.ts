import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapBudget } from '../src/heap-budget.js';

const MB = 1024 * 1024;

describe('HeapBudget', () => {
  it("starts from what is live: a heap past the floor holding the last stage's garbage is collected first", () => {
    // ≈ 320 MB of arrays, then dropped: the garbage a parse stage leaves when the render pass starts.
    let garbage: number[][] | undefined = Array.from({ length: 320 }, (_, i) => new Array<number>(MB / 8).fill(i + 0.5));
    expect(garbage.length).toBe(320);
    garbage = undefined;
    const before = getHeapStatistics().used_heap_size;
    expect(before).toBeGreaterThan(300 * MB);
    new HeapBudget();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 200 * MB);
  });
});
