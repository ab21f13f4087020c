import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { differences, snapshotDir, spawnCli } from '../support/spawn-cli.js';

/** One change an editor makes to the seeds between two builds. */
interface SeedEdit {
  readonly kind: 'word' | 'lead' | 'mention' | 'date' | 'title' | 'summary' | 'tag' | 'touch' | 'delete' | 'add';
  /** Which seed (modulo the seeds there are). */
  readonly target: number;
  /** Which taxonomy entity a lead, mention, title or tag names (modulo the entities). */
  readonly entity: number;
  /** Which year a new date falls in (2000 + year). */
  readonly year: number;
}

const seedEdit: fc.Arbitrary<SeedEdit> = fc.record({
  kind: fc.constantFrom('word', 'lead', 'mention', 'date', 'title', 'summary', 'tag', 'touch', 'delete', 'add'),
  target: fc.nat(),
  entity: fc.nat(),
  year: fc.integer({ min: 0, max: 25 }),
});

let work: string;
let seeds: string;
let config: string;
let entities: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-edit-sequences-'));
  // Raw text with its taxonomy (tags from mentions) and Markdown with front-matter tags, in one site.
  const txt = await writeCorpus({ count: 60, out: path.join(work, 'txt'), format: 'txt', generator: 'builtin' });
  const md = await writeCorpus({ count: 20, out: path.join(work, 'md'), format: 'md', seed: '2', generator: 'builtin' });
  seeds = txt.seedsDir;
  config = txt.configFile;
  await cp(md.seedsDir, path.join(seeds, 'md'), { recursive: true });
  entities = JSON.parse(await readFile(txt.entitiesFile, 'utf8')).map((e: { name: string }) => e.name);
}, 120_000);

/** Every seed file under `dir`, by path relative to it, sorted. */
async function seedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** The seed text after one edit (Markdown edits touch the front matter, raw-text ones the body). */
function edited(text: string, edit: SeedEdit, entity: string): string {
  const markdown = text.startsWith('---');
  switch (edit.kind) {
    case 'word': {
      const at = text.lastIndexOf(' the ');
      return at < 0 ? `${text}\n\nOne more line.\n` : `${text.slice(0, at)} the edited${text.slice(at + 4)}`;
    }
    case 'lead':
      // A new first sentence: a raw-text title (and so its slug) comes from it, a Markdown summary too.
      return markdown ? text.replace(/\n---\n/, `\n---\nA new opening about ${entity} today. `) : text.replace(/^(\s*date \d{4}-\d{2}-\d{2}\s+)/, `$1A new opening about ${entity} today. `);
    case 'mention':
      return `${text}\n\n${entity} said ${entity} would meet ${entity} again.\n`;
    case 'date': {
      const date = `${2000 + edit.year}-0${1 + (edit.entity % 9)}-1${edit.target % 9}`;
      return markdown ? text.replace(/^date: \d{4}-\d{2}-\d{2}/m, `date: ${date}`) : text.replace(/^(\s*date )\d{4}-\d{2}-\d{2}/, `$1${date}`);
    }
    case 'title':
      return markdown ? text.replace(/^title: .*$/m, `title: "A New Title About ${entity}"`) : `${text}\n\n${entity}.\n`;
    case 'summary':
      return markdown ? text.replace(/^date: /m, `summary: "A summary with <b>markup</b> & ${entity}"\ndate: `) : `${text}\n\n<script>alert(1)</script> & "quotes" ]]> end.\n`;
    case 'tag':
      return markdown ? text.replace(/^tags:\n/m, `tags:\n  - "${entity}"\n`) : text.replace(/\n\n[^\n]*\n*$/, '\n');
    default:
      return text;
  }
}

/** Applies one edit to a seeds folder; returns what it did, for the failure message. */
async function apply(seeds: string, edit: SeedEdit): Promise<string> {
  const files = await seedFiles(seeds);
  const name = files[edit.target % files.length]!;
  const file = path.join(seeds, name);
  const entity = entities[edit.entity % entities.length]!;
  if (edit.kind === 'delete') {
    if (files.length < 40) return `kept ${name} (few seeds left)`;
    await rm(file);
    return `deleted ${name}`;
  }
  if (edit.kind === 'add') {
    const added = path.join(path.dirname(name), `added-${edit.target}-${edit.entity}${path.extname(name)}`);
    await writeFile(path.join(seeds, added), edited(await readFile(file, 'utf8'), { ...edit, kind: 'lead' }, entity));
    return `added ${added}`;
  }
  if (edit.kind === 'touch') {
    const later = new Date(Date.now() + 10_000);
    await utimes(file, later, later);
    return `touched ${name}`;
  }
  await writeFile(file, edited(await readFile(file, 'utf8'), edit, entity));
  return `${edit.kind} ${name} (${entity})`;
}

describe('a cached build after any sequence of edits', () => {
  it('is byte-identical to a cold build of the same seeds, step after step (raw text and Markdown, edits that keep or change the site shape)', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(seedEdit, { minLength: 3, maxLength: 5 }), async (edits) => {
        round++;
        const roundSeeds = path.join(work, `seeds-${round}`);
        await cp(seeds, roundSeeds, { recursive: true });
        const out = path.join(work, `out-${round}`);
        const args = ['--seeds', roundSeeds, '--out', out, '--config', config, '--cache-dir', path.join(work, `cache-${round}`), '--no-search'];
        const first = await spawnCli(['build', ...args]);
        expect({ stderr: first.stderr, code: first.code }).toEqual({ stderr: '', code: 0 });
        const done: string[] = [];
        for (const [step, edit] of edits.entries()) {
          done.push(await apply(roundSeeds, edit));
          const incremental = await spawnCli(['build', ...args]);
          const coldOut = path.join(work, `cold-${round}-${step}`);
          const cold = await spawnCli(['build', ...args.map((a) => (a === out ? coldOut : a)), '--no-cache']);
          expect({ done, stderr: incremental.stderr, code: incremental.code }).toEqual({ done, stderr: cold.stderr, code: cold.code });
          expect({ done, differences: differences(await snapshotDir(coldOut), await snapshotDir(out)) }).toEqual({ done, differences: [] });
          await rm(coldOut, { recursive: true, force: true });
        }
      }),
      // Each step is two builds: a failure is reported as found (the steps done are in its message), not shrunk.
      { numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
