/**
 * Launches Chromium through playwright-core. A test tool's own browser download cannot work on this
 * network, so the executable is CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present,
 * else the Chromium packed inside the npm package @sparticuz/chromium (a dev dependency, so
 * `npm ci && npm test` needs nothing else; unpacked to the temp folder once, ≈ 2 s). The flags
 * keep Chromium from reaching out to Google's hosts (refused here, and noisy).
 */
import { chromium, type Browser } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Of @sparticuz/chromium's recommended flags (made for AWS Lambda), those dropped here:
 * --single-process ends the whole browser when one of its contexts closes (the tests use two);
 * --headless is Playwright's to set; a second --disable-features/--enable-features would replace
 * Playwright's own lists (which keep Chromium off Google's hosts); and the web-security and
 * site-isolation switches would test the pages in a browser no visitor uses.
 */
const UNWANTED = /^--(single-process|headless|disable-features|enable-features|disable-web-security|allow-running-insecure-content|disable-site-isolation-trials)\b/;

let packaged: Promise<string> | undefined;

/** The Chromium to launch and its flags (unpacking the npm one on first use). */
export async function chromiumExecutable(): Promise<{ path: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file.`);
    return { path: fromEnv, args: FLAGS };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, args: FLAGS };
  // One unpacking per process, however many launches (the package's own check is not safe
  // against two calls at once).
  packaged ??= sparticuz.executablePath();
  const args = [...new Set([...FLAGS, ...sparticuz.args.filter((a) => !UNWANTED.test(a))])];
  return { path: await packaged, args };
}

export async function launchChromium(): Promise<Browser> {
  const { path, args } = await chromiumExecutable();
  // Playwright gives every launch a fresh, empty profile directory of its own.
  return chromium.launch({ executablePath: path, headless: true, args });
}
