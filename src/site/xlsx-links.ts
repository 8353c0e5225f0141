/**
 * Where the XLSX twin of a published CSV is, in a page's language: every published table and
 * every chart CSV has one (src/publish/table-xlsx.ts), `<name>.xlsx` with Vietnamese headers and
 * names, `<name>.en.xlsx` with English ones. A release's frozen copy keeps the CSV and Parquet
 * only (src/releases/kept-release.ts), so it has no twin to link to.
 */
import { frozenBuild } from './frozen-release.ts';
import type { Lang } from './i18n.ts';

/** `/data/charts/x.csv` → `/data/charts/x.xlsx` (vi) or `/data/charts/x.en.xlsx` (en); undefined for a non-CSV. */
export function xlsxTwinPath(csvPath: string, lang: Lang): string | undefined {
  if (!/^\/data\/.+\.csv$/.test(csvPath) || frozenBuild()) return undefined;
  return csvPath.replace(/\.csv$/, lang === 'vi' ? '.xlsx' : `.${lang}.xlsx`);
}
