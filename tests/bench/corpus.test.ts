import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_TAXONOMY_MIN_MENTIONS, ensureCorpus, writeCorpus } from '../../src/bench/corpus.js';
import { sharedCorpusScript } from '../../src/bench/paths.js';

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) out.set(name, createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex'));
  return out;
}

const tmp = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'bench-corpus-'));

describe('writeCorpus', () => {
  it('writes the same bytes for the same arguments and different bytes for another seed', async () => {
    const root = await tmp();
    const a = await writeCorpus({ count: 20, out: path.join(root, 'a'), format: 'txt', seed: '7', generator: 'builtin' });
    const b = await writeCorpus({ count: 20, out: path.join(root, 'b'), format: 'txt', seed: '7', generator: 'builtin' });
    const c = await writeCorpus({ count: 20, out: path.join(root, 'c'), format: 'txt', seed: '8', generator: 'builtin' });
    const ha = await hashes(a.seedsDir);
    expect(ha.size).toBe(20);
    expect(await hashes(b.seedsDir)).toEqual(ha);
    expect(await hashes(c.seedsDir)).not.toEqual(ha);
  });

  it('writes raw text that starts with a date line and has blank-line paragraphs', async () => {
    const info = await writeCorpus({ count: 20, out: path.join(await tmp(), 'txt'), format: 'txt', generator: 'builtin' });
    const names = await readdir(info.seedsDir);
    expect(names).toContain('000001.txt');
    for (const name of names) {
      const text = await readFile(path.join(info.seedsDir, name), 'utf8');
      expect(text).toMatch(/^ date \d{4}-\d{2}-\d{2} \S/);
      expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(text).not.toMatch(/^---/);
    }
  });

  it('writes Markdown with title, date, slug and tags front matter', async () => {
    const info = await writeCorpus({ count: 20, out: path.join(await tmp(), 'md'), format: 'md', generator: 'builtin' });
    for (const name of await readdir(info.seedsDir)) {
      const text = await readFile(path.join(info.seedsDir, name), 'utf8');
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      expect(fm).toMatch(/^title: ".+"$/m);
      expect(fm).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
      expect(fm).toMatch(/^slug: [a-z0-9-]+$/m);
      expect(fm).toMatch(/^tags:\n( {2}- ".+"\n?){2,6}/m);
    }
  });

  it('gives raw text a taxonomy of every entity with a mention threshold, and Markdown an empty config', async () => {
    const root = await tmp();
    const txt = await writeCorpus({ count: 3, out: path.join(root, 'txt'), format: 'txt', generator: 'builtin' });
    const md = await writeCorpus({ count: 3, out: path.join(root, 'md'), format: 'md', generator: 'builtin' });
    const entities = JSON.parse(await readFile(txt.entitiesFile, 'utf8')) as Array<{ name: string }>;
    const config = JSON.parse(await readFile(txt.configFile, 'utf8')) as { taxonomy: Record<string, string[]>; taxonomyMinMentions: number };
    expect(entities).toHaveLength(400);
    expect(Object.keys(config.taxonomy)).toEqual(entities.map((e) => e.name));
    expect(config.taxonomyMinMentions).toBe(BENCH_TAXONOMY_MIN_MENTIONS);
    expect(JSON.parse(await readFile(md.configFile, 'utf8'))).toEqual({});
    expect(await readdir(txt.seedsDir)).toEqual(['000001.txt', '000002.txt', '000003.txt']);
  });

  it('has tweets, related headlines and Markdown-looking characters in a larger sample', async () => {
    const info = await writeCorpus({ count: 200, out: path.join(await tmp(), 'txt'), format: 'txt', generator: 'builtin' });
    const texts = await Promise.all((await readdir(info.seedsDir)).map((n) => readFile(path.join(info.seedsDir, n), 'utf8')));
    const share = (re: RegExp): number => texts.filter((t) => re.test(t)).length / texts.length;
    expect(share(/pic\.twitter\.com\/\w+ — .+ \(@\w+\) \w+ \d{1,2}, \d{4}/)).toBeGreaterThan(0.15);
    expect(share(/\*\*|__|\[read more\]|`/)).toBeGreaterThan(0.05);
    expect(share(/(Says Report|Row|Blast|by \d{4})\.$/m)).toBeGreaterThan(0.15);
  });

  it('reuses a complete corpus with the same arguments', async () => {
    const out = path.join(await tmp(), 'c');
    expect((await ensureCorpus({ count: 2, out, format: 'md', generator: 'builtin' })).reused).toBe(false);
    expect((await ensureCorpus({ count: 2, out, format: 'md', generator: 'builtin' })).reused).toBe(true);
    expect((await ensureCorpus({ count: 3, out, format: 'md', generator: 'builtin' })).reused).toBe(false);
  });

  it('brings the config of a reused corpus up to date', async () => {
    const out = path.join(await tmp(), 'c');
    const { info } = await ensureCorpus({ count: 2, out, format: 'txt', generator: 'builtin' });
    const current = await readFile(info.configFile, 'utf8');
    await writeFile(info.configFile, '{"taxonomy":{}}\n');
    expect((await ensureCorpus({ count: 2, out, format: 'txt', generator: 'builtin' })).reused).toBe(true);
    expect(await readFile(info.configFile, 'utf8')).toBe(current);
  });

  it.runIf(existsSync(sharedCorpusScript))('matches the shared make-corpus.mjs byte for byte', async () => {
    const root = await tmp();
    for (const format of ['txt', 'md'] as const) {
      const ours = await writeCorpus({ count: 60, out: path.join(root, `${format}-b`), format, seed: 'x', generator: 'builtin' });
      const shared = await writeCorpus({ count: 60, out: path.join(root, `${format}-s`), format, seed: 'x', generator: 'shared' });
      expect(await hashes(ours.seedsDir)).toEqual(await hashes(shared.seedsDir));
      expect(await readFile(ours.manifestFile, 'utf8')).toBe(await readFile(shared.manifestFile, 'utf8'));
      expect(await readFile(ours.entitiesFile, 'utf8')).toBe(await readFile(shared.entitiesFile, 'utf8'));
    }
  });
});
