import { appendFile, cp, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { Progress } from '../../src/progress.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
const ROOT = path.join(import.meta.dirname, '..', '..');

/** A progress reporter that remembers the last count of each stage, and the stages and the finish in order. */
function recordingProgress(): Progress & { last: Map<string, number>; events: string[] } {
  const last = new Map<string, number>();
  const events: string[] = [];
  let stage = '';
  return {
    last,
    events,
    stage(name) {
      stage = name;
      last.set(name, 0);
      events.push(name);
    },
    update(done) {
      last.set(stage, done);
    },
    finish() {
      events.push('finish');
    },
  };
}

describe('the render stage of the progress bar', () => {
  it('counts every page, kept ones included, in a full build and after an edit (kept pages are counted in bulk, not told one by one)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-progress-'));
    const seedsDir = path.join(work, 'seeds');
    await cp(path.join(FIXTURE, 'seeds'), seedsDir, { recursive: true });
    const options = {
      seedsDir,
      outDir: path.join(work, 'out'),
      cacheDir: path.join(work, '.cache'),
      configFile: path.join(FIXTURE, 'site.config.json'),
      configRequired: true,
      templatesDir: path.join(ROOT, 'templates'),
      publicDir: path.join(ROOT, 'public'),
      skipInvalid: false,
      search: false,
    };
    const first = recordingProgress();
    const cold = await build({ ...options, progress: first });
    expect(first.last.get('render')).toBe(cold.pages);
    // The line names the last seconds' work too (committing and recording take seconds at 100k), and is cleared once, at the end.
    expect(first.events).toEqual(['parse', 'render', 'commit', 'record', 'finish']);
    const seed = (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort()[0]!;
    await appendFile(path.join(seedsDir, seed), '\nOne more closing line of the report.\n');
    const second = recordingProgress();
    const edited = await build({ ...options, progress: second });
    expect(edited.editedSeeds).toBe(1);
    expect(edited.pages).toBe(cold.pages);
    expect(second.last.get('render')).toBe(edited.pages);
  });
});
