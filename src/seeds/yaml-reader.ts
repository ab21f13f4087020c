/** The YAML of a front matter block, read by gray-matter with js-yaml (loaded only for seeds that have front matter). */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { readSimpleYaml } from './simple-yaml.js';

/**
 * YAML without timestamps or other implicit types beyond JSON's, so `2024-02-30` stays a string we
 * validate; front matter of the everyday shape is read without js-yaml (simple-yaml.ts).
 */
const engines = {
  yaml: {
    parse: (text: string): object => readSimpleYaml(text) ?? ((yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? {}) as object),
    stringify: (): string => '',
  },
};

/** gray-matter's reading of a seed's head (its front matter and closing line): the data and what follows; throws js-yaml's errors. */
export function readFrontMatterYaml(head: string): { data: unknown; content: string } {
  const parsed = matter(head, { engines, excerpt: false } as unknown as Parameters<typeof matter>[1]);
  return { data: parsed.data, content: parsed.content };
}
