/** Front matter (YAML, TOML or JSON, as Hugo reads it): found at the top of a seed and split off by its form's reader; its keys read by front-matter-keys.ts. */
import type { SeedError } from '../errors.js';
import { frontMatterOf, type FrontMatter, type FrontMatterForm } from './front-matter-keys.js';
import { opensWithJson, readJsonFrontMatter } from './json-front-matter.js';
import type { TomlReading } from './toml-reader.js';
import { readTomlFrontMatter } from './toml-front-matter.js';
import { readYamlBlock } from './yaml-front-matter.js';

/** Reads a front matter block's YAML: readFrontMatterYaml, once loaded (see loadYamlReader). */
export type YamlReader = (head: string) => { data: unknown; content: string };

/** The YAML reader (gray-matter and js-yaml, ≈ 130 KB of code, loaded on first use: most raw-text seeds have no front matter). */
export async function loadYamlReader(): Promise<YamlReader> {
  return (await import('./yaml-reader.js')).readFrontMatterYaml;
}

/** Reads a block of TOML: readTomlBlock, once loaded (see loadTomlReader). */
export type TomlReader = (block: string) => TomlReading;

/** The TOML reader (smol-toml, loaded on first use: only seeds opening with `+++` need it). */
export async function loadTomlReader(): Promise<TomlReader> {
  return (await import('./toml-reader.js')).readTomlBlock;
}

/** The readers a seed's front matter may need, each loaded only when some seed does (see openingFence). */
export interface FrontMatterReaders {
  readonly readYaml?: YamlReader | undefined;
  readonly readToml?: TomlReader | undefined;
}

/**
 * The fence a seed may open with, `---` (YAML) or `+++` (TOML), so parsing it needs that form's reader:
 * its first three bytes are that character once the characters decodeSeed removes (BOMs, control
 * characters, U+FFFE/U+FFFF) are passed over — wherever they stand, which may say yes where the text
 * does not open with a fence, never no where it does.
 */
export function openingFence(bytes: Uint8Array): '-' | '+' | undefined {
  let fence = 0;
  let count = 0;
  for (let i = 0; i < bytes.length && count < 3; ) {
    const b = bytes[i]!;
    if ((b === 0x2d || b === 0x2b) && (fence === 0 || b === fence)) {
      fence = b;
      count++;
      i++;
    } else if ((b >= 0x01 && b <= 0x08) || b === 0x0b || b === 0x0c || (b >= 0x0e && b <= 0x1f) || b === 0x7f) {
      i++;
    } else if (b === 0xef && ((bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) || (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)))) {
      i += 3;
    } else {
      return undefined;
    }
  }
  if (count < 3) return undefined;
  return fence === 0x2d ? '-' : '+';
}

/** A front matter block as its form's reader found it, before validation. */
export interface FrontMatterBlock {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the file on which `body` starts. */
  readonly bodyLine: number;
  /** The line of each top-level key. */
  readonly keyLines: Readonly<Record<string, number>>;
}

/** A seed split into its front matter and its body, with the body's first line number. */
export interface SplitSeed {
  readonly data: FrontMatter;
  readonly body: string;
  /** 1-based line of the file on which `body` starts. */
  readonly bodyLine: number;
  readonly warnings: readonly SeedError[];
  /** The line of each front-matter key, for later errors (e.g. an impossible date). */
  readonly keyLines: Readonly<Record<string, number>>;
}

/**
 * Splits and validates the front matter the text opens with: YAML between `---` lines, TOML between
 * `+++` lines, or a JSON object (each read with the reader the seed cannot do without: see
 * openingFence); a text opening otherwise is returned whole.
 */
export function splitFrontMatter(path: string, text: string, readers: FrontMatterReaders): SplitSeed {
  let form: FrontMatterForm;
  let block: FrontMatterBlock;
  if (/^---[ \t]*\n/.test(text)) {
    if (!readers.readYaml) throw new Error(`${path}: the YAML reader was not loaded for this seed (see prepareParseContext)`);
    form = 'YAML';
    block = readYamlBlock(path, text, readers.readYaml);
  } else if (/^\+\+\+[ \t]*\n/.test(text)) {
    if (!readers.readToml) throw new Error(`${path}: the TOML reader was not loaded for this seed (see prepareParseContext)`);
    form = 'TOML';
    block = readTomlFrontMatter(path, text, readers.readToml);
  } else if (opensWithJson(text)) {
    form = 'JSON';
    block = readJsonFrontMatter(path, text);
  } else {
    return { data: {}, body: text, bodyLine: 1, warnings: [], keyLines: {} };
  }
  const { data, warnings } = frontMatterOf(path, block.data, block.keyLines, form);
  return { data, body: block.body, bodyLine: block.bodyLine, warnings, keyLines: block.keyLines };
}
