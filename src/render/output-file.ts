/** What rendering produces and writing consumes: a path inside the output folder and its bytes. */

/** One file of the built site; `path` is relative to the output folder, `/`-separated. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array | string;
  /** For pages listed in the sitemap: the date they last changed (`YYYY-MM-DD`). */
  readonly lastmod?: string;
  /** For pages the full-text search indexes: the page's link (with the base path). */
  readonly searchUrl?: string;
}
