/**
 * How a target row is named. Tables print the plan's own wording (the label in the plan file,
 * plus the field for a target split by field); chart rows, which have two short lines, get a name
 * built from what is measured: "SIPAS: Đất đai", "Y tế: chỉ số chung", "Độ bao phủ cơ quan".
 */
import type { Registers } from '../intake/registers.ts';
import type { Lang } from './i18n.ts';
import { surveyShortName, type IndicatorNames } from './indicator-names.ts';
import type { AssessedTarget } from './plan-content.ts';
import { breakdownValueName } from './unit-names.ts';

const ALL_OF_THEM: Record<Lang, (count: number) => string> = {
  vi: (count) => `tất cả ${count} giá trị (thấp nhất)`,
  en: (count) => `all ${count} together (weakest)`,
};

/** The names of the values of a split target, joined: "Đất đai, Xây dựng, Đầu tư". */
function valueNames(a: AssessedTarget, registers: Registers, lang: Lang): string[] {
  return a.target.breakdown_values.map((v) => breakdownValueName(registers, a.target.breakdown, v, lang, a.row.period));
}

/** The plan's wording, with the field (or "tất cả …") for the rows of a split target. */
export function targetFullLabel(a: AssessedTarget, registers: Registers, lang: Lang): string {
  const label = a.target.label[lang];
  if (a.part === 'value') return `${label} — ${breakdownValueName(registers, a.row.breakdown, a.row.breakdown_value, lang, a.row.period)}`;
  if (a.part === 'all') return `${label} — ${ALL_OF_THEM[lang](a.target.breakdown_values.length)}`;
  return label;
}

/** A short name for a chart row (see the module comment). */
export function targetShortLabel(a: AssessedTarget, registers: Registers, names: IndicatorNames, lang: Lang): string {
  const { row } = a;
  if (row.indicator === 'coverage') return lang === 'vi' ? 'Độ bao phủ cơ quan có TTHC' : 'Coverage of agencies with procedures';
  if (row.indicator === 'rank') return lang === 'vi' ? `Hạng ${surveyShortName(row.survey, lang)}` : `${surveyShortName(row.survey, lang)} rank`;
  const survey = surveyShortName(row.survey, lang);
  const measured = row.indicator === 'overall' ? '' : ` ${names.name(row.survey, row.indicator, lang)}`;
  if (a.part === 'value') return `${survey}${measured}: ${breakdownValueName(registers, row.breakdown, row.breakdown_value, lang, row.period)}`;
  if (a.part === 'all') return `${survey}${measured}: ${valueNames(a, registers, lang).join(', ')} (${lang === 'vi' ? 'thấp nhất' : 'weakest'})`;
  if (row.indicator === 'overall') return `${survey}: ${lang === 'vi' ? 'chỉ số chung' : 'overall index'}`;
  return `${survey}:${measured}`;
}

/** The word for a breakdown before its values' names: "Lĩnh vực Đất đai, Xây dựng, Đầu tư". */
const BREAKDOWN_WORD: Record<string, Record<Lang, string>> = {
  field: { vi: 'Lĩnh vực', en: 'fields' },
  channel: { vi: 'Kênh', en: 'channels' },
  respondent_type: { vi: 'Đối tượng', en: 'respondent types' },
  agency: { vi: 'Cơ quan', en: 'agencies' },
};

/**
 * A target's name in a sentence ("Chưa đạt: Lĩnh vực Đất đai, Xây dựng, Đầu tư — …"): what is
 * measured, short enough to list several. A target naming several values is named by them
 * ("Lĩnh vực Đất đai, Xây dựng, Đầu tư" / "Land, Construction, Investment fields"), one of its
 * values by the value ("Đất đai").
 */
export function targetAimName(a: AssessedTarget, registers: Registers, names: IndicatorNames, lang: Lang): string {
  const { row } = a;
  const vi = lang === 'vi';
  const survey = surveyShortName(row.survey, lang);
  if (row.indicator === 'coverage') return vi ? 'Độ bao phủ cơ quan có thủ tục hành chính' : 'Coverage of agencies with procedures';
  if (row.indicator === 'rank') return vi ? `Hạng ${survey}` : `${survey} rank`;
  if (a.part === 'value') return breakdownValueName(registers, row.breakdown, row.breakdown_value, lang, row.period);
  if (a.part === 'all') {
    const word = BREAKDOWN_WORD[a.target.breakdown] ?? { vi: a.target.breakdown, en: a.target.breakdown };
    const values = valueNames(a, registers, lang).join(', ');
    return vi ? `${word.vi} ${values}` : `${values} ${word.en}`;
  }
  if (row.indicator === 'overall') return vi ? `Chỉ số chung ${survey}` : `${survey} overall index`;
  return `${survey}: ${names.name(row.survey, row.indicator, lang)}`;
}
