/** Rendering a batch of page jobs, in a worker thread or in-process; the template set is compiled once per thread. */
import type { Liquid } from 'liquidjs';
import { createLiquid } from './liquid.js';
import type { OutputFile } from './output-file.js';
import { renderJob, type PageJob } from './pages.js';

/** A batch of jobs and the templates they use. */
export interface RenderBatch {
  readonly templatesDir: string;
  readonly jobs: readonly PageJob[];
}

let cached: { dir: string; liquid: Liquid } | undefined;

/** Renders every job of a batch, in order. */
export function renderBatch(batch: RenderBatch): OutputFile[] {
  if (cached?.dir !== batch.templatesDir) cached = { dir: batch.templatesDir, liquid: createLiquid(batch.templatesDir) };
  const liquid = cached.liquid;
  return batch.jobs.map((job) => renderJob(liquid, batch.templatesDir, job));
}
