/**
 * "How to cite this", in one place for the page's citation line (Citation.astro) and the text
 * inside a chart's image (src/images/): publisher (year of the release). What. Site title,
 * release version. Address. Licence.
 */
import type { SiteConfig } from '../intake/types.ts';
import { t, type Lang } from './i18n.ts';
import { absoluteUrl, frozenCopyOf } from './routes.ts';

/**
 * The absolute address a citation names: the page (with its anchor) in this release's frozen copy
 * (`…/phat-hanh/2026.2/don-vi/585-ninh-son/#trend`), so the number behind it never changes when a
 * later release revises it (data-contract.md → Releases).
 */
export function citedUrl(site: Pick<SiteConfig, 'release' | 'base_url'>, path: string): string {
  return absoluteUrl(frozenCopyOf(path, site.release.version), site.base_url);
}

export interface CitationParts {
  /** Up to the address: "Trích dẫn: <publisher> (2026). <title>. <site>, phiên bản 2026.1." */
  lead: string;
  /** The absolute address cited. */
  url: string;
  /** After the address: "CC BY 4.0." */
  tail: string;
}

export function citationParts(site: Pick<SiteConfig, 'publisher' | 'title' | 'release' | 'licence'>, lang: Lang, title: string, url: string): CitationParts {
  const year = site.release.date.slice(0, 4);
  const licence = site.licence.id.replace(/-/g, ' ');
  return {
    lead: `${t('citeAs', lang)}: ${site.publisher[lang]} (${year}). ${title}. ${site.title[lang]}, ${t('version', lang)} ${site.release.version}.`,
    url,
    tail: `${licence}.`,
  };
}

/** The citation as one line of text. */
export function citationText(parts: CitationParts): string {
  return `${parts.lead} ${parts.url}. ${parts.tail}`;
}
