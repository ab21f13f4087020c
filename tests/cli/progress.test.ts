import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/progress.js';

/** A fake terminal that records what was written, and a clock the test moves. */
function fakeTerminal() {
  const writes: string[] = [];
  let now = 0;
  const stream = { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
  return { writes, stream, clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('terminalProgress', () => {
  it('stays silent for the first two seconds, then shows stage, count and rate', () => {
    const t = fakeTerminal();
    const progress = terminalProgress(t.stream, t.clock);
    progress.stage('parse', 1000);
    t.advance(1500);
    progress.update(300);
    expect(t.writes).toEqual([]);
    t.advance(1000);
    progress.update(500);
    expect(t.writes).toEqual(['\rparse    [############............] 500/1000 200/s\u001b[K']);
    progress.finish();
    expect(t.writes.at(-1)).toBe('\r\u001b[K');
  });

  it('draws at most ten times a second and clears nothing when it never drew', () => {
    const t = fakeTerminal();
    const progress = terminalProgress(t.stream, t.clock);
    progress.stage('render', 10);
    t.advance(2000);
    progress.update(1);
    progress.update(2);
    t.advance(50);
    progress.update(3);
    expect(t.writes).toHaveLength(1);
    const quick = fakeTerminal();
    const p2 = terminalProgress(quick.stream, quick.clock);
    p2.stage('parse', 5);
    p2.finish();
    expect(quick.writes).toEqual([]);
  });
});
