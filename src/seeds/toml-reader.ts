/** TOML front matter read by smol-toml (loaded only for seeds that open with `+++`, as Hugo writes front matter). */
import { parse, TomlDate, TomlError } from 'smol-toml';

/** A TOML block's top-level table, or where and why it could not be read. */
export type TomlReading = { readonly ok: true; readonly data: Record<string, unknown> } | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * Reads a block of TOML. A date-time value becomes the text it was written as (`2024-02-08T23:30:00-05:00`,
 * `2024-02-08`): its calendar date is the one written, never shifted by its offset.
 */
export function readTomlBlock(block: string): TomlReading {
  let table: Record<string, unknown>;
  try {
    table = parse(block) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    return { ok: false, line: error.line, reason };
  }
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) data[key] = value instanceof TomlDate ? value.toISOString() : value;
  return { ok: true, data };
}
