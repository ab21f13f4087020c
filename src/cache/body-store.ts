/**
 * Article bodies kept on disk, out of the heap: the parser appends each batch's body HTML to one
 * segment file and hands back references; a page renderer reads one body back when it needs it.
 * Segments live in the cache (`.cache/bodies/`) or, for a `--no-cache` build, in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a body is: `<segment>:<offset>:<length>` (bytes) in a segment file, or `=<html>` for a body
 * kept inline (parsing without a store, as unit tests do).
 */
export type BodyRef = string;

/** A body kept inline in its reference. */
export function inlineBody(html: string): BodyRef {
  return `=${html}`;
}

/** Writes the bodies of one batch as one segment (named by its bytes) and returns their references, in order. */
export function writeBodySegment(dir: string, bodies: readonly string[]): BodyRef[] {
  const buffers = bodies.map((html) => Buffer.from(html, 'utf8'));
  const bytes = Buffer.concat(buffers);
  const segment = createHash('sha1').update(bytes).digest('hex').slice(0, 24);
  const file = path.join(dir, `${segment}.seg`);
  // A segment taken up as it is gets a fresh mtime: a concurrent build's collection (see
  // removeUnusedSegments) then leaves it alone until this build's pack lists it.
  if (!refreshed(file)) {
    mkdirSync(dir, { recursive: true });
    // Write, then rename: a killed build never leaves a short segment under a valid name.
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  }
  let offset = 0;
  return buffers.map((b) => {
    const ref = `${segment}:${offset}:${b.byteLength}`;
    offset += b.byteLength;
    return ref;
  });
}

/** True when `file` exists, its mtime now set to now. */
function refreshed(file: string): boolean {
  try {
    const now = new Date();
    utimesSync(file, now, now);
    return true;
  } catch {
    return false;
  }
}

/** The segment a reference points into, or undefined for an inline body. */
export function segmentOf(ref: BodyRef): string | undefined {
  return ref.startsWith('=') ? undefined : ref.slice(0, ref.indexOf(':'));
}

/**
 * How long an unused segment (or a temporary file) is kept: builds of other output folders, or a dev
 * server beside a build, share the cache, and a segment one of them has just written or taken up is
 * not in its pack yet when another build collects.
 */
export const UNUSED_SEGMENT_MIN_AGE_MS = 60 * 60 * 1000;

/**
 * Deletes every segment of `dir` that none of `live` (references) points into, and leftovers of
 * killed writes, once they are `minAgeMs` old (by mtime).
 */
export function removeUnusedSegments(dir: string, live: Iterable<BodyRef>, minAgeMs = UNUSED_SEGMENT_MIN_AGE_MS): void {
  const used = new Set<string>();
  for (const ref of live) {
    const segment = segmentOf(ref);
    if (segment) used.add(segment);
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - minAgeMs;
  for (const name of names) {
    const unused = (name.endsWith('.seg') && !used.has(name.slice(0, -4))) || name.endsWith('.tmp');
    if (!unused) continue;
    const file = path.join(dir, name);
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime !== undefined && mtime < cutoff) rmSync(file, { force: true });
  }
}

/** A segment's name: the first 24 hex digits of its bytes' sha1 (never a path). */
const SEGMENT_NAME = /^[0-9a-f]{24}$/;

/**
 * Most segment files one reader keeps open. Pages are rendered in date order and seeds are parsed in
 * file order, so when file names do not follow the dates (scraped seeds named by a hash, the bench
 * corpus) every read may need another segment: with 64 open, a 10k build opened and closed a segment
 * for 6,000 of its 10,000 article pages; with every segment open, once each (157). Node raises the
 * soft limit of open files to the hard one; should the system still refuse (EMFILE), the reader
 * closes its older half and keeps to that many. A render worker's files close when the pass ends its
 * thread (Node closes the files a worker thread opened as it exits; tests/build/open-files checks it).
 */
const OPEN_SEGMENTS = 2048;

/** How a reader opens a segment file (tests stand in a failing one). */
export type SegmentOpener = (file: string) => number;

/** Reads bodies back from a segment folder, keeping the segment files it reads open. */
export class BodyReader {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private limit = OPEN_SEGMENTS,
    private readonly openFile: SegmentOpener = (file) => openSync(file, 'r'),
  ) {}

  /** The body HTML a reference points to. */
  read(ref: BodyRef): string {
    if (ref.startsWith('=')) return ref.slice(1);
    const [segment, offset, length] = ref.split(':') as [string, string, string];
    if (!SEGMENT_NAME.test(segment) || !/^\d+$/.test(offset) || !/^\d+$/.test(length)) throw new Error(`not a body reference: ${JSON.stringify(ref.slice(0, 80))} (hint: delete the cache folder and build again)`);
    const bytes = Buffer.allocUnsafe(Number(length));
    const fd = this.fdOf(segment);
    let done = 0;
    while (done < bytes.byteLength) {
      const n = readSync(fd, bytes, done, bytes.byteLength - done, Number(offset) + done);
      if (n === 0) throw new Error(`body segment ${segment} in ${this.dir} is shorter than expected (hint: delete the cache folder and build again)`);
      done += n;
    }
    return bytes.toString('utf8');
  }

  /** How many segment files the reader holds open. */
  get openCount(): number {
    return this.open.size;
  }

  /** Closes every open segment file. */
  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  /** Closes the least recently used segment files until at most `keep` are open. */
  private closeOldest(keep: number): void {
    for (const [segment, fd] of this.open) {
      if (this.open.size <= keep) break;
      closeSync(fd);
      this.open.delete(segment);
    }
  }

  private fdOf(segment: string): number {
    const fd = this.open.get(segment);
    if (fd !== undefined) {
      // Most recently used last, so the oldest is closed first.
      this.open.delete(segment);
      this.open.set(segment, fd);
      return fd;
    }
    this.closeOldest(this.limit - 1);
    const file = path.join(this.dir, `${segment}.seg`);
    let opened: number;
    for (;;) {
      try {
        opened = this.openFile(file);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== 'EMFILE' && code !== 'ENFILE') || this.open.size === 0) throw error;
        // The system allows fewer open files than the limit: keep to half of what is open now.
        this.limit = Math.max(1, Math.floor(this.open.size / 2));
        this.closeOldest(this.limit - 1);
      }
    }
    this.open.set(segment, opened);
    return opened;
  }
}
