import { describe, expect, it } from 'vitest';
import { CHROMIUM, ensureChromium, INSTALL_COMMAND } from '../support/chromium.js';

describe('the browser suite makes sure Chromium is there', () => {
  it('does nothing when the executable exists', () => {
    expect(() => ensureChromium(CHROMIUM, false)).not.toThrow();
  });

  it('without root, stops with the exact command to run', () => {
    expect(() => ensureChromium('/nonexistent/chromium', false)).toThrow(`Install it with:\n  ${INSTALL_COMMAND}`);
    expect(INSTALL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium');
  });
});
