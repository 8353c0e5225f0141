/**
 * The dictionary of indicator codes (`indicators.csv`): one row for the overall index, one per
 * element and one per item of each instrument, so a reader can turn `TC1` into its question.
 */
import type { SurveyInstrument } from '../intake/types.ts';
import type { IndicatorRow } from './tables.ts';

export function indicatorDictionary(survey: SurveyInstrument): IndicatorRow[] {
  // The dictionary describes the instrument as it is now; older method versions are named on the
  // methodology page and in trends.csv (method_break).
  const current = survey.method_versions[survey.method_versions.length - 1];
  const version = current ? current.version : '';
  const rows: IndicatorRow[] = [
    {
      survey: survey.id,
      indicator: 'overall',
      level: 'overall',
      element: null,
      name_vi: `Chỉ số chung — ${survey.title.vi}`,
      name_en: `Overall index — ${survey.title.en}`,
      question_vi: null,
      question_en: null,
      method_version: version,
    },
  ];
  for (const element of survey.elements) {
    rows.push({
      survey: survey.id,
      indicator: element.code,
      level: 'element',
      element: element.code,
      name_vi: element.name_vi,
      name_en: element.name_en,
      question_vi: null,
      question_en: null,
      method_version: version,
    });
    for (const item of element.items) {
      rows.push({
        survey: survey.id,
        indicator: item.code,
        level: 'item',
        element: element.code,
        name_vi: `${element.name_vi}: ${item.code}`,
        name_en: `${element.name_en}: ${item.code}`,
        question_vi: item.question_vi,
        question_en: item.question_en,
        method_version: version,
      });
    }
  }
  return rows;
}
