/**
 * The words of a citation, shared by the Citation component (pages) and the notes sheet of every
 * XLSX file, so a table cited from a spreadsheet reads like a chart cited from its page:
 * "Trích dẫn: publisher (year of the release). What. Site title, phiên bản 2026.1. Address. Licence."
 */
import type { SiteConfig } from '../intake/types.ts';
import { t, type Lang } from './i18n.ts';

export function citationText(site: Pick<SiteConfig, 'publisher' | 'title' | 'release' | 'licence'>, lang: Lang, title: string, url: string): string {
  const year = site.release.date.slice(0, 4);
  const licence = site.licence.id.replace(/-/g, ' ');
  return `${t('citeAs', lang)}: ${site.publisher[lang]} (${year}). ${title}. ${site.title[lang]}, ${t('version', lang)} ${site.release.version}. ${url}. ${licence}.`;
}
