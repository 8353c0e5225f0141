/**
 * Unpacks the npm-shipped Chromium (tests/browser/chromium.ts) once, before any browser test file
 * starts: @sparticuz/chromium checks only whether its binary exists, so two test files unpacking
 * it at the same moment could each find the other's half-written file.
 */
import { chromiumExecutable } from './chromium.ts';

export default async function setup(): Promise<void> {
  await chromiumExecutable();
}
