/**
 * Names of surveys and indicators as the data pages print them, from the published dictionary
 * (indicators.csv, written from the instruments): "Chỉ số chung" for the overall index, the
 * element's name, and for an item its code with its question shortened to what it asks about
 * ("TC1 · nơi ngồi chờ tại bộ phận tiếp nhận …"), the full question staying in the table.
 */
import type { IndicatorRow } from '../engine/tables.ts';
import type { Bilingual } from '../intake/types.ts';
import type { Lang } from './i18n.ts';

/** Short names of the surveys, for headings and chart labels. */
const SURVEY_NAMES: Record<string, Bilingual> = {
  sipas: { vi: 'SIPAS (hành chính công)', en: 'SIPAS (public administration)' },
  'y-te': { vi: 'Y tế', en: 'Health' },
  'giao-duc': { vi: 'Giáo dục', en: 'Education' },
};

export function surveyName(survey: string, lang: Lang): string {
  return SURVEY_NAMES[survey]?.[lang] ?? survey;
}

/** A shorter name still, for chart rows: "SIPAS", "Y tế" / "Health". */
export function surveyShortName(survey: string, lang: Lang): string {
  return surveyName(survey, lang).replace(/\s*\(.*\)$/, '');
}

export const OVERALL_NAME: Bilingual = { vi: 'Chỉ số chung', en: 'Overall index' };

/** The opening words every question repeats; dropped from chart labels. */
const QUESTION_LEADS: RegExp[] = [/^Ông\/Bà hài lòng thế nào về (việc )?/i, /^How satisfied are you (with|that) (the )?/i];

/** A question without its repeated opening and final question mark: what the item asks about. */
export function questionSubject(question: string): string {
  let text = question.trim();
  for (const lead of QUESTION_LEADS) text = text.replace(lead, '');
  return text.replace(/\?$/, '');
}

export interface IndicatorNames {
  /** "Chỉ số chung", "Tiếp cận dịch vụ", or for an item "TC1 · nơi ngồi chờ …". */
  name(survey: string, indicator: string, lang: Lang): string;
  /** The full question of an item; null for the overall index and elements. */
  question(survey: string, indicator: string, lang: Lang): string | null;
  /** The element an item belongs to, by name. */
  elementOf(survey: string, indicator: string, lang: Lang): string | null;
}

export function indicatorNames(dictionary: readonly IndicatorRow[]): IndicatorNames {
  const rows = new Map(dictionary.map((r) => [`${r.survey}|${r.indicator}`, r]));
  const row = (survey: string, indicator: string) => rows.get(`${survey}|${indicator}`);
  const question = (survey: string, indicator: string, lang: Lang): string | null => {
    const r = row(survey, indicator);
    return (lang === 'vi' ? r?.question_vi : r?.question_en) ?? null;
  };
  return {
    name(survey, indicator, lang) {
      if (indicator === 'overall') return OVERALL_NAME[lang];
      const r = row(survey, indicator);
      if (!r) return indicator;
      if (r.level !== 'item') return lang === 'vi' ? r.name_vi : r.name_en;
      const q = question(survey, indicator, lang);
      return q ? `${indicator} · ${questionSubject(q)}` : indicator;
    },
    question,
    elementOf(survey, indicator, lang) {
      const element = row(survey, indicator)?.element;
      const r = element ? row(survey, element) : undefined;
      return r ? (lang === 'vi' ? r.name_vi : r.name_en) : null;
    },
  };
}
