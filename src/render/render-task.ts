/** Rendering and placing a batch of pages, in a worker thread or in-process; templates and body segments are opened once per pass. */
import type { Liquid } from 'liquidjs';
import { BodyReader } from '../cache/body-store.js';
import { CardReader, type CardStoreHandle } from './card-store.js';
import { FolderMaker, placeFile, type PlacedFile, type PlaceTarget } from '../write/files.js';
import { FeedEntries, renderTagFeedJob, type TagFeedJob } from './feeds.js';
import { createLiquid } from './liquid.js';
import { renderJob } from './page-context.js';
import type { PageJob, PageSettings } from './pages.js';

/** A batch of jobs, the templates they use and where their files go. */
export interface RenderBatch {
  readonly templatesDir: string;
  /** The site's language (LiquidJS's locale, see createLiquid). */
  readonly language: string;
  /** What every page's context takes from the site. */
  readonly settings: PageSettings;
  /** The body store folder the jobs' bodies are in. */
  readonly bodyDir: string;
  /** The card store the jobs' card refs are in. */
  readonly cards: CardStoreHandle;
  readonly target: PlaceTarget;
  /** Send the HTML of each page with a search URL back (the search index needs it). */
  readonly withHtml: boolean;
  readonly jobs: readonly { readonly job: PageJob; readonly previousHash?: string }[];
  /** Tag feeds to make after the pages. */
  readonly feeds?: readonly { readonly job: TagFeedJob; readonly previousHash?: string }[];
}

/** A page rendered and placed in staging. */
export interface RenderedPage extends PlacedFile {
  readonly html?: string;
}

let templates: { dir: string; language: string; liquid: Liquid } | undefined;
let bodies: { dir: string; reader: BodyReader } | undefined;
let folders: FolderMaker | undefined;
let cards: CardReader | undefined;
let feedEntries: FeedEntries | undefined;

/** Renders every page of a batch, then makes its feeds, and places each file in staging, in order. */
export function renderBatch(batch: RenderBatch): RenderedPage[] {
  if (templates?.dir !== batch.templatesDir || templates.language !== batch.language) {
    templates = { dir: batch.templatesDir, language: batch.language, liquid: createLiquid(batch.templatesDir, batch.language) };
  }
  if (bodies?.dir !== batch.bodyDir) {
    bodies?.reader.close();
    bodies = { dir: batch.bodyDir, reader: new BodyReader(batch.bodyDir) };
  }
  if (folders?.staging !== batch.target.staging) folders = new FolderMaker(batch.target.staging);
  if (cards === undefined) {
    cards = new CardReader(batch.cards);
    feedEntries = new FeedEntries();
  } else cards.update(batch.cards);
  const { liquid } = templates;
  const pages = batch.jobs.map(({ job, previousHash }): RenderedPage => {
    const file = renderJob(liquid, batch.templatesDir, job, batch.settings, bodies!.reader, cards!);
    const placed = placeFile(batch.target, file.path, file.bytes, previousHash, folders);
    return batch.withHtml && file.searchUrl !== undefined ? { ...placed, html: String(file.bytes) } : placed;
  });
  for (const { job, previousHash } of batch.feeds ?? []) {
    const file = renderTagFeedJob(job, cards!, feedEntries!);
    pages.push(placeFile(batch.target, file.path, file.bytes, previousHash, folders));
  }
  return pages;
}

/**
 * Forgets this thread's templates, open segment files, cards and feed entries: the next pass may have
 * edited templates, a deleted body folder under the same names and a new card store.
 */
export function endRenderPass(): void {
  bodies?.reader.close();
  bodies = undefined;
  templates = undefined;
  folders = undefined;
  cards = undefined;
  feedEntries = undefined;
}
