/** One batch of seeds read and parsed together, as run in a worker thread or in-process; results cross threads as plain data. */
import { inlineBody, writeBodySegment } from '../cache/body-store.js';
import { SeedError } from '../errors.js';
import type { Taxonomy } from '../article/taxonomy.js';
import type { ArticleDraft } from '../article/draft.js';
import { createParseContext, parseSeed, prepareParseContext, type ParseContext, type ParseResult } from './parse.js';
import { markSeed } from './parse-watchdog.js';
import { readSeed } from './read.js';
import type { SeedFile } from './seed-file.js';

/** What a batch needs: the seed paths and the settings parsing depends on. */
export interface ParseBatch {
  readonly paths: readonly string[];
  readonly taxonomy: Taxonomy;
  readonly allowRawHtml: boolean;
  /** How often an article must mention a taxonomy entry to be tagged with it (default 1). */
  readonly taxonomyMinMentions?: number;
  /** Where the batch's bodies go as one segment; without it bodies stay inline in their references. */
  readonly bodyDir?: string;
  /** Where a worker marks which seed it is on, for the watchdog (parse-watchdog.ts). */
  readonly progress?: Int32Array;
}

/** A SeedError as plain data (class instances do not survive a thread boundary). */
export interface WireError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly hint?: string;
  readonly column?: number;
}

/** One seed's outcome as plain data. */
export type WireResult =
  | { readonly ok: true; readonly article: ArticleDraft; readonly warnings: readonly WireError[] }
  | { readonly ok: false; readonly errors: readonly WireError[]; readonly warnings: readonly WireError[] };

/** A SeedError → plain data. */
export function toWire(e: SeedError): WireError {
  return { file: e.file, line: e.line, message: e.message, ...(e.hint !== undefined && { hint: e.hint }), ...(e.column !== undefined && { column: e.column }) };
}

/** Plain data → a SeedError again. */
export function fromWire(e: WireError): SeedError {
  return new SeedError(e.file, e.line, e.message, e.hint, e.column);
}

let cached: { key: string; context: ParseContext } | undefined;

/** The parse context for these settings, built once per thread. */
function contextFor(batch: ParseBatch): ParseContext {
  const key = JSON.stringify([batch.taxonomy, batch.allowRawHtml, batch.taxonomyMinMentions]);
  if (cached?.key !== key) cached = { key, context: createParseContext(batch.taxonomy, batch.allowRawHtml, batch.taxonomyMinMentions) };
  return cached.context;
}

/** Reads and parses every seed of a batch, in order; the bodies go to the body store as one segment. */
export async function parseBatch(batch: ParseBatch): Promise<WireResult[]> {
  const context = contextFor(batch);
  const seeds = batch.paths.map(readSeed);
  await prepareParseContext(context, seeds.filter((seed): seed is SeedFile => !(seed instanceof SeedError)));
  const results = seeds.map((seed, i): ParseResult => {
    markSeed(batch.progress, i);
    return seed instanceof SeedError ? { ok: false, errors: [seed], warnings: [] } : parseSeed(seed, context);
  });
  markSeed(batch.progress, seeds.length);
  const bodies = results.flatMap((r) => (r.ok ? [r.article.bodyHtml] : []));
  const refs = batch.bodyDir === undefined ? bodies.map(inlineBody) : writeBodySegment(batch.bodyDir, bodies);
  let next = 0;
  return results.map((result): WireResult => {
    if (!result.ok) return { ok: false, errors: result.errors.map(toWire), warnings: result.warnings.map(toWire) };
    const { bodyHtml: _bodyHtml, ...rest } = result.article;
    return { ok: true, article: { ...rest, body: refs[next++]! }, warnings: result.warnings.map(toWire) };
  });
}
