/**
 * Cards shared with the render workers: what a card shows of an article is written once, as UTF-8
 * JSON in shared memory, and page contexts carry a number (a card ref) instead of a card view. An
 * article appears on some twenty pages (its tags' pages, the front page, its month, other articles'
 * related lists): its card crossed to the workers with each of them (≈ 300 MB of contexts for a 10k
 * site, mostly cards whose HTML the worker had already rendered). Now a page crosses at a fraction of
 * those bytes and its card views are made in the thread that renders it.
 */
import { cardView, CARD_TAGS, type CardFields, type CardView } from './views.js';

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

/** One card as JSON: `[date, slug, title, dateline | null, summary, [[tag name, tag slug], …]]`. */
type EncodedCard = [string, string, string, string | null, string, [string, string][]];

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
    const encoded: EncodedCard = [article.date, article.slug, article.title, article.dateline ?? null, article.summary, article.tags.slice(0, CARD_TAGS).map((t) => [t.name, t.slug])];
    const json = JSON.stringify(encoded);
    // A UTF-16 unit takes at most 3 bytes of UTF-8: with that much room, no need to measure first.
    if (this.current === undefined || this.used + 4 + 3 * json.length > this.current.length) {
      const segment = new SharedArrayBuffer(Math.max(SEGMENT_BYTES, 4 + 3 * json.length));
      this.segments.push(segment);
      this.current = Buffer.from(segment);
      this.used = 0;
    }
    const ref = (this.segments.length - 1) * SEGMENT_SPAN + this.used;
    const length = this.current.write(json, this.used + 4, 'utf8');
    this.current.writeUInt32LE(length, this.used);
    this.used += 4 + length;
    return ref;
  }
}

/**
 * Reads cards back as the card views templates see (a worker, or the main thread rendering in-process).
 * Each read decodes (≈ 4 µs): keeping the views of the first 20,000 cards read saved ≈ 0.2 s of a 10k
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
    const segment = Math.floor(ref / SEGMENT_SPAN);
    const offset = ref % SEGMENT_SPAN;
    const bytes = (this.buffers[segment] ??= Buffer.from(this.store.segments[segment]!));
    const length = bytes.readUInt32LE(offset);
    const [date, slug, title, dateline, summary, tags] = JSON.parse(bytes.toString('utf8', offset + 4, offset + 4 + length)) as EncodedCard;
    const fields: CardFields = { date, slug, title, ...(dateline !== null && { dateline }), summary, tags: tags.map(([name, tagSlug]) => ({ name, slug: tagSlug })) };
    return cardView({ basePath: this.store.basePath }, fields);
  }
}
