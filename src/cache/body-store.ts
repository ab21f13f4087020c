/**
 * Article bodies kept on disk, out of the heap: the parser appends each batch's body HTML to one
 * segment file and hands back references; a page renderer reads one body back when it needs it.
 * Segments live in the cache (`.cache/bodies/`) or, for a `--no-cache` build, in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  if (!existsSync(file)) {
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

/** The segment a reference points into, or undefined for an inline body. */
export function segmentOf(ref: BodyRef): string | undefined {
  return ref.startsWith('=') ? undefined : ref.slice(0, ref.indexOf(':'));
}

/** Deletes every segment of `dir` that none of `live` (references) points into. */
export function removeUnusedSegments(dir: string, live: Iterable<BodyRef>): void {
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
  for (const name of names) {
    if (name.endsWith('.seg') && !used.has(name.slice(0, -4))) rmSync(path.join(dir, name), { force: true });
    else if (name.endsWith('.tmp')) rmSync(path.join(dir, name), { force: true });
  }
}

/** A segment's name: the first 24 hex digits of its bytes' sha1 (never a path). */
const SEGMENT_NAME = /^[0-9a-f]{24}$/;

/** Most segment files held open at once by one reader. */
const OPEN_SEGMENTS = 64;

/** Reads bodies back from a segment folder, keeping a few segment files open. */
export class BodyReader {
  private readonly open = new Map<string, number>();

  constructor(private readonly dir: string) {}

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

  /** Closes every open segment file. */
  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  private fdOf(segment: string): number {
    const fd = this.open.get(segment);
    if (fd !== undefined) {
      // Most recently used last, so the oldest is closed first.
      this.open.delete(segment);
      this.open.set(segment, fd);
      return fd;
    }
    if (this.open.size >= OPEN_SEGMENTS) {
      const [oldest, oldFd] = this.open.entries().next().value as [string, number];
      closeSync(oldFd);
      this.open.delete(oldest);
    }
    const opened = openSync(path.join(this.dir, `${segment}.seg`), 'r');
    this.open.set(segment, opened);
    return opened;
  }
}
