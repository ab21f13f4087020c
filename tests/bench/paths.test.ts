import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');

describe('where the benchmark finds the shared bench kit', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is ../shared/bench beside the repository by default', async () => {
    vi.stubEnv('BROADSHEET_SHARED_BENCH', '');
    vi.resetModules();
    const paths = await import('../../src/bench/paths.js');
    expect(paths.sharedBenchDir).toBe(path.resolve(ROOT, '..', 'shared', 'bench'));
    expect(paths.peersScript).toBe(path.resolve(ROOT, '..', 'shared', 'bench', 'peers', 'run.sh'));
  });

  it('is BROADSHEET_SHARED_BENCH when set, for a clone in another folder', async () => {
    vi.stubEnv('BROADSHEET_SHARED_BENCH', 'kit/bench');
    vi.resetModules();
    const paths = await import('../../src/bench/paths.js');
    expect(paths.sharedBenchDir).toBe(path.resolve('kit/bench'));
    expect(paths.sharedCorpusScript).toBe(path.resolve('kit/bench', 'make-corpus.mjs'));
    expect(paths.peersScript).toBe(path.resolve('kit/bench', 'peers', 'run.sh'));
  });
});
