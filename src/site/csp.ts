/**
 * The Content-Security-Policy every page sends (as a `<meta http-equiv>` tag, so it travels with
 * the static HTML to any host). It allows nothing from other hosts: the site's promise of "no
 * third-party requests" is then enforced by the browser, not just kept by discipline.
 *
 * Inline `<style>`/`<script>` elements are allowed only by the sha256 of their exact text, never by
 * 'unsafe-inline'. Style ATTRIBUTES are not allowed at all, so components must not emit them
 * (ChartFigure strips Plot's inline `<style>` and the global stylesheet carries its rules).
 */
import { createHash } from 'node:crypto';

/** A CSP hash source for an inline element's text: `'sha256-<base64>'`. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface CspInput {
  /** Exact texts of inline `<style>` elements on the page. */
  inlineStyles?: readonly string[];
  /** Exact texts of inline `<script>` elements on the page (the site ships none by default). */
  inlineScripts?: readonly string[];
}

/**
 * The policy string. `frame-ancestors` is left out because browsers ignore it in a `<meta>` tag;
 * a host that can send headers should add `frame-ancestors 'self'` there.
 */
export function contentSecurityPolicy({ inlineStyles = [], inlineScripts = [] }: CspInput = {}): string {
  const styleSources = ["'self'", ...unique(inlineStyles.map(sha256Source))];
  const scriptSources = ["'self'", ...unique(inlineScripts.map(sha256Source))];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    `style-src ${styleSources.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
