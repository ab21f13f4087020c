import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the only browser the tests use (nothing downloads one). */
export const CHROMIUM = '/usr/bin/chromium';

/** The command that installs Debian's Chromium (what a non-root user is told to run). */
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * Makes sure Debian's Chromium is at `executable`: nothing to do when it is; installs it with apt-get
 * when running as root; otherwise throws, naming the exact command to run.
 */
export function ensureChromium(executable: string = CHROMIUM, isRoot: boolean = process.getuid?.() === 0): void {
  if (existsSync(executable)) return;
  if (!isRoot) throw new Error(`The browser tests need Debian's Chromium at ${executable}. Install it with:\n  ${INSTALL_COMMAND}`);
  process.stderr.write(`Chromium is missing at ${executable}: installing it with apt-get (a few minutes, once)\n`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    throw new Error(`Installing Chromium with apt-get failed (${(error as Error).message}). Install it yourself with:\n  ${INSTALL_COMMAND}`);
  }
  if (!existsSync(executable)) throw new Error(`apt-get installed chromium but ${executable} is still missing`);
}

/** Launches headless Chromium with the flags this sandbox needs (no network chatter; Playwright gives it a fresh profile). */
export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
