/** The options of a build run in a test: in-process, no search index, the shipped templates and public/. */
import path from 'node:path';
import type { BuildOptions } from '../../src/build.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** A cached, in-process build of `seedsDir` with `configFile`, its output (`out`) and cache (`.cache`) under `work`. */
export function inProcessBuildOptions(work: string, seedsDir: string, configFile: string): BuildOptions {
  return {
    seedsDir,
    outDir: path.join(work, 'out'),
    cacheDir: path.join(work, '.cache'),
    configFile,
    configRequired: true,
    templatesDir: path.join(ROOT, 'templates'),
    publicDir: path.join(ROOT, 'public'),
    skipInvalid: false,
    search: false,
    workers: 0,
  };
}
