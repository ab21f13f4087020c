import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardReader, CardWriter, type CardStoreHandle } from '../../src/render/card-store.js';
import { createLiquid, renderTemplate } from '../../src/render/liquid.js';
import { cardView, type CardFields } from '../../src/render/views.js';

const BASE = '/archive/';

/** Any UTF-16 unit: front matter escapes can give a field lone surrogates or NUL. */
const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Any text a seed or its front matter can carry: any code point, any UTF-16 unit. */
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit, maxLength: 60 }));

const fields: fc.Arbitrary<CardFields> = fc.record(
  {
    date: fc.constantFrom('2024-02-29', '1999-12-31', '2026-01-01'),
    slug: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    title: text,
    dateline: text,
    summary: fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit, maxLength: 400 })),
    author: text,
    tags: fc.array(fc.record({ name: text, slug: fc.stringMatching(/^[a-z0-9-]{1,12}$/) }), { maxLength: 8 }),
  },
  { requiredKeys: ['date', 'slug', 'title', 'summary', 'tags'] },
);

/** A value with each string as its UTF-8 bytes give it back: lone surrogates become U+FFFD, as in a page's bytes. */
function asBytesGiveIt(value: unknown): unknown {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('utf8');
  if (Array.isArray(value)) return value.map(asBytesGiveIt);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asBytesGiveIt(v)]));
  return value;
}

describe('card store', () => {
  it('reads back every card as the card view of the article it was written from (any text, to the same bytes on a page)', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 1, maxLength: 20 }), (articles) => {
        const writer = new CardWriter(BASE);
        const refs = articles.map((a) => writer.refOf(a));
        const reader = new CardReader(writer.handle());
        refs.forEach((ref, i) => expect(asBytesGiveIt(reader.card(ref))).toEqual(asBytesGiveIt(cardView({ basePath: BASE }, articles[i]!))));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back every card’s fields, author and every tag included, to the same bytes on a page (what a tag feed entry shows)', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 1, maxLength: 20 }), (articles) => {
        const writer = new CardWriter(BASE);
        const refs = articles.map((a) => writer.refOf(a));
        const reader = new CardReader(writer.handle());
        refs.forEach((ref, i) => expect(asBytesGiveIt(reader.fields(ref))).toEqual(asBytesGiveIt(articles[i])));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an empty author apart from no author', () => {
    const writer = new CardWriter(BASE);
    const a: CardFields = { date: '2024-01-02', slug: 'a', title: 'A', summary: 'S', author: '', tags: [] };
    const b: CardFields = { date: '2024-01-02', slug: 'b', title: 'B', summary: 'S', tags: [] };
    const reader = new CardReader(writer.handle());
    const [ra, rb] = [writer.refOf(a), writer.refOf(b)];
    expect(reader.fields(ra)).toEqual(a);
    expect(reader.fields(rb)).toEqual(b);
    expect('author' in reader.fields(rb)).toBe(false);
  });

  it('keeps an empty dateline apart from no dateline, and text split between fields where it was', () => {
    const writer = new CardWriter(BASE);
    const empty: CardFields = { date: '2024-01-02', slug: 'a', title: '\ud83d', dateline: '', summary: '\ude00 S', tags: [{ name: '', slug: 'x' }] };
    const none: CardFields = { date: '2024-01-02', slug: 'b', title: 'T', summary: '', tags: [] };
    const reader = new CardReader(writer.handle());
    const [a, b] = [writer.refOf(empty), writer.refOf(none)];
    expect(reader.card(a)).toMatchObject({ title: '\ud83d', dateline: '', summary: '\ude00 S', tags: [{ name: '' }] });
    expect(reader.card(b)).toMatchObject({ dateline: null, summary: '', tags: [] });
  });

  it('writes an article once however many pages list it', () => {
    const writer = new CardWriter(BASE);
    const a: CardFields = { date: '2024-01-02', slug: 'a', title: 'A', summary: 'S', tags: [] };
    const b: CardFields = { ...a, slug: 'b' };
    expect(writer.refOf(a)).toBe(writer.refOf(a));
    expect(writer.refOf(b)).not.toBe(writer.refOf(a));
  });

  it('starts a new segment when a card does not fit, and gives a card longer than a segment one of its own', () => {
    const writer = new CardWriter(BASE);
    const long = (n: number): CardFields => ({ date: '2024-01-02', slug: `s${n}`, title: `T${n}`, summary: '“x” '.repeat(300_000 + n), tags: [] });
    const articles = [long(1), long(2), long(3)];
    const refs = articles.map((a) => writer.refOf(a));
    expect(writer.handle().segments.length).toBe(3);
    const reader = new CardReader(writer.handle());
    refs.forEach((ref, i) => expect(reader.card(ref).summary).toBe(articles[i]!.summary));
  });

  it('reads cards through a handle posted as a worker gets it: cards written since into its segments, and new segments after an update', () => {
    const { port1, port2 } = new MessageChannel();
    const posted = (): CardStoreHandle => {
      port1.postMessage(writer.handle());
      return receiveMessageOnPort(port2)!.message as CardStoreHandle;
    };
    const writer = new CardWriter(BASE);
    const card = (n: number, summary = 'S.'): CardFields => ({ date: '2024-01-02', slug: `s${n}`, title: `“${n}”`, summary, tags: [{ name: 'Oslo', slug: 'oslo' }] });
    const first = writer.refOf(card(1));
    const reader = new CardReader(posted());
    const sameSegment = writer.refOf(card(2));
    expect(reader.card(first)).toEqual(cardView({ basePath: BASE }, card(1)));
    expect(reader.card(sameSegment)).toEqual(cardView({ basePath: BASE }, card(2)));
    const newSegment = writer.refOf(card(3, 'x'.repeat(5_000_000)));
    reader.update(posted());
    expect(reader.card(newSegment).summary).toHaveLength(5_000_000);
    port1.close();
  });
});

describe('a card read from the store, in a template', () => {
  const fields: CardFields = { date: '2024-02-29', slug: 'oslo-talks', title: 'Talks in “Oslo”', dateline: 'OSLO', summary: 'Talks resumed.', tags: [{ name: 'Oslo', slug: 'oslo' }] };
  const writer = new CardWriter(BASE);
  const ref = writer.refOf(fields);
  const stored = new CardReader(writer.handle()).card(ref);
  const plain = cardView({ basePath: BASE }, fields);

  /** What `source` renders with `card` (strict, escaping, as a build renders), or the error it stops with. */
  async function rendered(source: string, card: unknown): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-card-'));
    await writeFile(path.join(dir, 'probe.html'), source);
    try {
      return renderTemplate(createLiquid(dir, 'en'), 'probe', { card }, dir);
    } catch (error) {
      return `error: ${(error as Error).message.replace(dir, '<dir>')}`;
    }
  }

  it.each([
    '{{ card.title }} {{ card.url }} {{ card.dateText }} {{ card.dateline }} {{ card.summary }}',
    '{% for tag in card.tags %}{{ tag.name }}={{ tag.url }}{% endfor %} {{ card.tags | map: "name" | join: "," }}',
    '{% for field in card %}[{{ field }}]{% endfor %}',
    '{{ card.size }} {{ card | size }} {% if card == empty %}empty{% endif %}{% if card == blank %}blank{% endif %}{% if card %}truthy{% endif %}',
    '{{ card | json }}',
    '{{ card }} {{ card["title"] }}',
    '{{ card.constructor }}',
    '{{ card.toJSON }}',
    '{{ card.hasOwnProperty }}',
    '{{ card.nope }}',
  ])('renders %j as a plain card view does', async (source) => {
    expect(await rendered(source, stored)).toBe(await rendered(source, plain));
  });
});
