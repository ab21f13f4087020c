/** The unit the read stage hands to parsing: a seed's path and its bytes. */
import { hash } from 'node:crypto';

/** One seed document as read from disk; `path` is what error messages print. */
export interface SeedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The file extensions broadsheet reads as seeds. */
export const SEED_EXTENSIONS = ['.txt', '.md'] as const;

/** The hash of a seed's bytes an article records (`contentHash`): a draft is reused for the same bytes at the same path. */
export function seedContentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}
