/** The unit the read stage hands to parsing: a seed's path and its bytes. */

/** One seed document as read from disk; `path` is what error messages print. */
export interface SeedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The file extensions broadsheet reads as seeds. */
export const SEED_EXTENSIONS = ['.txt', '.md'] as const;
