/**
 * Cards shared with the render workers: what a card shows of an article is written once, as UTF-8
 * text in shared memory, and page contexts carry a number (a card ref) instead of a card view. An
 * article appears on some twenty pages (its tags' pages, the front page, its month, other articles'
 * related lists): its card crossed to the workers with each of them (≈ 300 MB of contexts for a 10k
 * site, mostly cards whose HTML the worker had already rendered). Now a page crosses at a fraction of
 * those bytes and its card views are made in the thread that renders it.
 */
import { Drop } from 'liquidjs';
import { formatLongDate } from '../article/date.js';
import { articleUrl, CARD_TAGS, tagLinkView, type CardFields, type CardView, type TagLinkView } from './views.js';

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
 * One card in a segment: how many fields it has with bit 31 set when it has no dateline (u32), each
 * field's length in UTF-8 bytes (u32 each), then the fields' text, one after the other, as UTF-8: date,
 * slug, title, dateline (empty when none), summary, then name and slug of each tag. Each field is
 * decoded on its own, when a template first reads it (see StoredCard). A lone surrogate comes back as
 * U+FFFD, as it would reach the page's bytes.
 */
const FIELDS_BEFORE_TAGS = 5;

/** The bit of a card's field count that says it has no dateline. */
const NO_DATELINE = 0x8000_0000;

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
    const fields = [article.date, article.slug, article.title, article.dateline ?? '', article.summary];
    for (const tag of article.tags.slice(0, CARD_TAGS)) fields.push(tag.name, tag.slug);
    const header = 4 + 4 * fields.length;
    // A UTF-16 unit takes at most 3 bytes of UTF-8: with that much room, no need to measure first.
    let room = header;
    for (const field of fields) room += 3 * field.length;
    if (this.current === undefined || this.used + room > this.current.length) {
      const segment = new SharedArrayBuffer(Math.max(SEGMENT_BYTES, room));
      this.segments.push(segment);
      this.current = Buffer.from(segment);
      this.used = 0;
    }
    const at = this.used;
    const bytes = this.current;
    bytes.writeUInt32LE((fields.length | (article.dateline === undefined ? NO_DATELINE : 0)) >>> 0, at);
    let end = at + header;
    fields.forEach((field, i) => {
      const length = bytes.write(field, end, 'utf8');
      bytes.writeUInt32LE(length, at + 4 + 4 * i);
      end += length;
    });
    this.used = end;
    return (this.segments.length - 1) * SEGMENT_SPAN + at;
  }
}

/** Reads cards back as the card views templates see (a worker, or the main thread rendering in-process). */
export class CardReader {
  private readonly buffers: Buffer[] = [];

  constructor(private store: CardStoreHandle) {}

  /** Takes up a newer handle of the same store (with the segments written since). */
  update(store: CardStoreHandle): void {
    this.store = store;
  }

  /** The card view of a ref; nothing is decoded until a template reads a field. */
  card(ref: CardRef): CardView {
    const segment = Math.floor(ref / SEGMENT_SPAN);
    const bytes = (this.buffers[segment] ??= Buffer.from(this.store.segments[segment]!));
    return new StoredCard(bytes, ref % SEGMENT_SPAN, this.store.basePath);
  }
}

/**
 * A card view over its bytes in the store. Most lists render a card through the `card_html` memo,
 * which reads only its URL, and a related list shows no summary: decoding every card whole took
 * ≈ 0.4 s of each render worker at 10k. A LiquidJS Drop, so templates read its getters.
 */
class StoredCard extends Drop implements CardView {
  readonly #bytes: Buffer;
  readonly #at: number;
  readonly #basePath: string;
  #date: string | undefined;
  #url: string | undefined;
  #tags: TagLinkView[] | undefined;

  constructor(bytes: Buffer, at: number, basePath: string) {
    super();
    this.#bytes = bytes;
    this.#at = at;
    this.#basePath = basePath;
  }

  /** Field `i` of the card, decoded from its bytes. */
  #field(i: number): string {
    let start = this.#at + 4 + 4 * this.#fieldCount();
    for (let k = 0; k < i; k++) start += this.#bytes.readUInt32LE(this.#at + 4 + 4 * k);
    return this.#bytes.toString('utf8', start, start + this.#bytes.readUInt32LE(this.#at + 4 + 4 * i));
  }

  #fieldCount(): number {
    return (this.#bytes.readUInt32LE(this.#at) & ~NO_DATELINE) >>> 0;
  }

  get url(): string {
    return (this.#url ??= articleUrl({ basePath: this.#basePath }, { date: this.date, slug: this.#field(1) }));
  }

  get title(): string {
    return this.#field(2);
  }

  get date(): string {
    return (this.#date ??= this.#field(0));
  }

  get dateText(): string {
    return formatLongDate(this.date);
  }

  get dateline(): string | null {
    return (this.#bytes.readUInt32LE(this.#at) & NO_DATELINE) === 0 ? this.#field(3) : null;
  }

  get summary(): string {
    return this.#field(4);
  }

  get tags(): TagLinkView[] {
    if (this.#tags !== undefined) return this.#tags;
    const tags: TagLinkView[] = [];
    for (let i = FIELDS_BEFORE_TAGS; i < this.#fieldCount(); i += 2) tags.push(tagLinkView({ basePath: this.#basePath }, { name: this.#field(i), slug: this.#field(i + 1) }));
    return (this.#tags = tags);
  }

  /** The card as plain data (the `json` filter, a test's comparison). */
  toJSON(): CardView {
    return { url: this.url, title: this.title, date: this.date, dateText: this.dateText, dateline: this.dateline, summary: this.summary, tags: this.tags };
  }
}
