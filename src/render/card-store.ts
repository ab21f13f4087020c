/**
 * Cards shared with the render workers: what a card shows of an article is written once, as UTF-8
 * text in shared memory, and page contexts carry a number (a card ref) instead of a card view. An
 * article appears on some twenty pages (its tags' pages, the front page, its month, other articles'
 * related lists): its card crossed to the workers with each of them (≈ 300 MB of contexts for a 10k
 * site, mostly cards whose HTML the worker had already rendered). Now a page crosses at a fraction of
 * those bytes and its card views are made in the thread that renders it.
 */
import { cardView, type CardFields, type CardView } from './views.js';

/** A card in the store: its segment and byte offset, as one number. */
export type CardRef = number;

/** The store as plain data: it crosses to a worker without copying the segments (shared memory). */
export interface CardStoreHandle {
  readonly basePath: string;
  readonly segments: readonly SharedArrayBuffer[];
}

/** Bytes per shared segment (a card longer than this gets a segment of its own). */
const SEGMENT_BYTES = 4 * 1024 * 1024;

/** Refs count bytes in segments this far apart. */
const SEGMENT_SPAN = 2 ** 32;

/**
 * One card in a segment: its text's length in bytes (u32), how many fields it has with bit 31 set when
 * it has no dateline and bit 30 when it has no author (u32), each field's length in UTF-16 units (u32
 * each), then the fields' text, one after the other, as UTF-8: date, slug, title, dateline (empty when
 * none), summary, author (empty when none), the update's date (empty when none), then name and slug of each tag (all of them: a tag feed's
 * entry lists every tag, a card view the first CARD_TAGS). Read back with one decode and a slice per
 * field (a third less time than JSON, ≈ 2.7 against 4.2 µs a card). A lone surrogate comes back as
 * U+FFFD, or as itself when it pairs with one at the edge of the next field; either way it reaches a
 * page's bytes as U+FFFD.
 */
const FIELDS_BEFORE_TAGS = 7;

/** The bit of a card's field count that says it has no dateline. */
const NO_DATELINE = 0x8000_0000;

/** The bit of a card's field count that says it has no author. */
const NO_AUTHOR = 0x4000_0000;

/** Writes each article's card once, when a page first lists it (main thread). */
export class CardWriter {
  private readonly refs = new Map<CardFields, CardRef>();
  private readonly segments: SharedArrayBuffer[] = [];
  private current: Buffer | undefined;
  private used = 0;

  constructor(private readonly basePath: string) {}

  /** The ref of an article's card, written to the store the first time it is asked for. */
  refOf(article: CardFields): CardRef {
    let ref = this.refs.get(article);
    if (ref === undefined) this.refs.set(article, (ref = this.write(article)));
    return ref;
  }

  /** The store's segments so far (every ref handed out is in one of them). */
  handle(): CardStoreHandle {
    return { basePath: this.basePath, segments: this.segments };
  }

  private write(article: CardFields): CardRef {
    const fields = [article.date, article.slug, article.title, article.dateline ?? '', article.summary, article.author ?? '', article.updated ?? ''];
    for (const tag of article.tags) fields.push(tag.name, tag.slug);
    const text = fields.join('');
    const header = 8 + 4 * fields.length;
    // A UTF-16 unit takes at most 3 bytes of UTF-8: with that much room, no need to measure first.
    const room = header + 3 * text.length;
    if (this.current === undefined || this.used + room > this.current.length) {
      const segment = new SharedArrayBuffer(Math.max(SEGMENT_BYTES, room));
      this.segments.push(segment);
      this.current = Buffer.from(segment);
      this.used = 0;
    }
    const at = this.used;
    const bytes = this.current.write(text, at + header, 'utf8');
    this.current.writeUInt32LE(bytes, at);
    this.current.writeUInt32LE((fields.length | (article.dateline === undefined ? NO_DATELINE : 0) | (article.author === undefined ? NO_AUTHOR : 0)) >>> 0, at + 4);
    fields.forEach((field, i) => this.current!.writeUInt32LE(field.length, at + 8 + 4 * i));
    this.used += header + bytes;
    return (this.segments.length - 1) * SEGMENT_SPAN + at;
  }
}

/**
 * Reads cards back as the card views templates see (a worker, or the main thread rendering in-process).
 * Each read decodes (≈ 3 µs): keeping the views of the first 20,000 cards read saved ≈ 0.2 s of a 10k
 * build but took the 100k build's peak from 924 MB to 1023 MB.
 */
export class CardReader {
  private readonly buffers: Buffer[] = [];

  constructor(private store: CardStoreHandle) {}

  /** Takes up a newer handle of the same store (with the segments written since). */
  update(store: CardStoreHandle): void {
    this.store = store;
  }

  /** The card view of a ref. */
  card(ref: CardRef): CardView {
    return cardView({ basePath: this.store.basePath }, this.fields(ref));
  }

  /** The fields a ref's card was written from (every tag, the author), as their UTF-8 bytes give them back. */
  fields(ref: CardRef): CardFields {
    const segment = Math.floor(ref / SEGMENT_SPAN);
    const at = ref % SEGMENT_SPAN;
    const bytes = (this.buffers[segment] ??= Buffer.from(this.store.segments[segment]!));
    const count = bytes.readUInt32LE(at + 4);
    const fieldCount = (count & ~(NO_DATELINE | NO_AUTHOR)) >>> 0;
    const header = 8 + 4 * fieldCount;
    const text = bytes.toString('utf8', at + header, at + header + bytes.readUInt32LE(at));
    let from = 0;
    const field = (i: number): string => text.slice(from, (from += bytes.readUInt32LE(at + 8 + 4 * i)));
    const date = field(0);
    const slug = field(1);
    const title = field(2);
    const dateline = field(3);
    const summary = field(4);
    const author = field(5);
    const updated = field(6);
    const tags: { name: string; slug: string }[] = [];
    for (let i = FIELDS_BEFORE_TAGS; i < fieldCount; i += 2) tags.push({ name: field(i), slug: field(i + 1) });
    return { date, ...(updated !== '' && { updated }), slug, title, ...((count & NO_DATELINE) === 0 && { dateline }), summary, ...((count & NO_AUTHOR) === 0 && { author }), tags };
  }
}
