/** The worker-thread entry point: piscina calls the default export with one batch. */
import { parseBatch, type ParseBatch, type WireResult } from './parse-task.js';

/** Parses one batch of seeds in this worker thread. */
export default function run(batch: ParseBatch): Promise<WireResult[]> {
  return parseBatch(batch);
}
