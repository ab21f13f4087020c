import { ensureChromium } from '../support/chromium.js';

/**
 * vitest globalSetup of the browser project: before any browser test starts, make sure Debian's
 * Chromium is installed (apt-get when root, else stop with the exact command to run). It runs
 * outside any test timeout, so a first install taking minutes is fine.
 */
export default function setup(): void {
  ensureChromium();
}
