/** The worker-thread entry point for rendering: piscina calls the default export with one batch. */
import { UsageError } from '../errors.js';
import { renderBatch, type RenderBatch, type RenderedPage } from './render-task.js';

/** Renders and places one batch in this worker thread; a template error crosses back as a tagged message. */
export default function run(batch: RenderBatch): RenderedPage[] | { templateError: string } {
  try {
    return renderBatch(batch);
  } catch (error) {
    if (error instanceof UsageError) return { templateError: error.message };
    throw error;
  }
}
