/**
 * The four words of the data pages a reader who is not a statistician may not know, each with the
 * one sentence that says what it means (product.md: "explained in one sentence where they first
 * appear on a page") and the section of the methodology page that says how it is computed.
 *
 * The sentences restate method.md in plain words:
 * - 95 % confidence interval: the survey asks some people, so a figure is an estimate; intervals
 *   computed this way contain the true value in 95 % of repeated surveys;
 * - 95 % rank interval: the 2.5th–97.5th percentile ranks over the rank simulation's draws;
 * - within the margin of error: the 95 % interval spans the threshold (targets; rank targets:
 *   P(top k) between 0.05 and 0.95), or the interval of a change includes 0 (trends);
 * - too few responses: fewer than `min_n_publish` respondents, so no value is published (n is).
 *
 * `TERM_PATTERNS` find the words in a text, so a layout can place the note after the first text
 * that uses them, and the built-site test can check every page against the same words.
 */
import type { ChartDataset } from './chart-datasets.ts';
import { formatNumber } from './format.ts';
import type { Lang } from './i18n.ts';
import { pathOf } from './routes.ts';

export type TermKey = 'ci' | 'rankInterval' | 'margin' | 'tooFew';

/** Which sense of "within the margin of error" a page uses: a target's verdict or a change. */
export type MarginSense = 'target' | 'change';

/** Every way the site writes each term (Vietnamese and English pages). */
export const TERM_PATTERNS: Record<TermKey, Record<Lang, RegExp>> = {
  ci: { vi: /khoảng tin cậy/i, en: /confidence interval|95\s?% interval/i },
  rankInterval: { vi: /khoảng (?:thứ )?hạng/i, en: /rank interval/i },
  margin: { vi: /trong biên sai số/i, en: /within (?:the )?margin of error/i },
  tooFew: { vi: /quá ít phản hồi|quá ít phiếu|không đủ phiếu/i, en: /too few responses/i },
};

/** The order notes are printed in when several start at one place. */
export const TERM_KEYS: readonly TermKey[] = ['ci', 'rankInterval', 'margin', 'tooFew'];

/** The terms `text` uses, in TERM_KEYS order. */
export function termsIn(text: string, lang: Lang): TermKey[] {
  return TERM_KEYS.filter((key) => TERM_PATTERNS[key][lang].test(text));
}

export interface TermExplanation {
  key: TermKey;
  /** The term as the note names it ("Khoảng tin cậy 95 %"). */
  term: string;
  /** One sentence, after the term and a colon. */
  sentence: string;
  /** The methodology section that computes it. */
  href: string;
  linkText: string;
}

/** The numbers the sentences quote, from the site configuration. */
export interface TermSettings {
  minNPublish: number;
  rankDraws: number;
}

/**
 * Methodology sections, by the ids Astro gives their headings (github-slugger: lower case, spaces
 * to hyphens, diacritics kept). The built-site test checks each id exists on the methodology page.
 */
const SECTION: Record<TermKey | 'marginChange', Record<Lang, string>> = {
  ci: { vi: 'khoảng-tin-cậy-95', en: '95-confidence-intervals' },
  rankInterval: { vi: 'độ-bất-định-của-thứ-hạng', en: 'uncertainty-of-ranks' },
  margin: { vi: 'chỉ-tiêu-của-kế-hoạch', en: 'plan-targets' },
  marginChange: { vi: 'thay-đổi-giữa-hai-kỳ', en: 'change-between-two-periods' },
  tooFew: { vi: 'ngưỡng-công-bố', en: 'publication-thresholds' },
};

/** The methodology anchors the notes link to (for the built-site test). */
export function methodologyAnchors(lang: Lang): string[] {
  return Object.values(SECTION).map((s) => s[lang]);
}

/** The explanation of `key` in `lang`; `sense` picks the margin-of-error sentence. */
export function termExplanation(key: TermKey, lang: Lang, settings: TermSettings, sense: MarginSense = 'target'): TermExplanation {
  const vi = lang === 'vi';
  const section = key === 'margin' && sense === 'change' ? SECTION.marginChange : SECTION[key];
  const href = `${pathOf({ key: 'methodology' }, lang)}#${section[lang]}`;
  const minN = formatNumber(settings.minNPublish, lang);
  const draws = formatNumber(settings.rankDraws, lang);
  return { key, href, ...termWords(key, sense, vi, minN, draws) };
}

/** The term, its sentence and its link's text, in the page's language. */
function termWords(key: TermKey, sense: MarginSense, vi: boolean, minN: string, draws: string): Omit<TermExplanation, 'key' | 'href'> {
  switch (key) {
    case 'ci':
      return {
        term: vi ? 'Khoảng tin cậy 95\u00a0%' : '95% confidence interval',
        sentence: vi
          ? 'khảo sát chỉ hỏi một phần người dân nên mỗi con số là một ước lượng; nếu khảo sát được lặp lại nhiều lần theo cùng cách, khoảng tính như vậy chứa giá trị thật trong 95\u00a0% số lần.'
          : 'the survey asks only some people, so each figure is an estimate; if the survey were repeated many times in the same way, intervals computed like this would contain the true value 95% of the time.',
        linkText: vi ? 'Cách tính khoảng tin cậy' : 'How intervals are computed',
      };
    case 'rankInterval':
      return {
        term: vi ? 'Khoảng hạng 95\u00a0%' : '95% rank interval',
        sentence: vi
          ? `các thứ hạng đơn vị có thể nhận khi tính đến sai số của khảo sát: trong 95\u00a0% của ${draws} lần mô phỏng, hạng của đơn vị nằm trong khoảng này, nên hai đơn vị có khoảng hạng chồng lên nhau thì chưa thể nói đơn vị nào thực sự hơn.`
          : `the ranks a unit could get once the survey’s error is allowed for: in 95% of ${draws} simulations its rank falls in this range, so when two units’ rank intervals overlap, the data cannot tell which one is really ahead.`,
        linkText: vi ? 'Cách tính khoảng hạng' : 'How rank intervals are computed',
      };
    case 'margin':
      return sense === 'change'
        ? {
            term: vi ? 'Trong biên sai số' : 'Within the margin of error',
            sentence: vi
              ? 'khoảng tin cậy 95\u00a0% của mức thay đổi chứa cả số 0, nên dữ liệu chưa đủ để khẳng định tỷ lệ đã tăng hay đã giảm.'
              : 'the 95% interval of the change includes zero, so the data cannot say for sure whether the share went up or down.',
            linkText: vi ? 'Cách so sánh hai kỳ' : 'How two periods are compared',
          }
        : {
            term: vi ? 'Trong biên sai số' : 'Within the margin of error',
            sentence: vi
              ? 'khoảng tin cậy 95\u00a0% của kết quả trùm lên mức đặt ra (với chỉ tiêu xếp hạng: khả năng thuộc nhóm đứng đầu nằm giữa 5\u00a0% và 95\u00a0%), nên dữ liệu chưa đủ để khẳng định chỉ tiêu đạt hay chưa đạt.'
              : 'the 95% interval of the result spans the threshold (for a rank target: the chance of being in the top group is between 5% and 95%), so the data cannot say for sure whether the target is met.',
            linkText: vi ? 'Cách đánh giá chỉ tiêu' : 'How targets are assessed',
          };
    case 'tooFew':
      return {
        term: vi ? 'Quá ít phản hồi' : 'Too few responses',
        sentence: vi
          ? `ô có dưới ${minN} người trả lời không được công bố giá trị, vì sai số quá lớn để so sánh và để không làm lộ người trả lời; số người trả lời (n) vẫn được ghi.`
          : `a cell with fewer than ${minN} respondents has no published value, because its error is too large to compare and to protect those who answered; its number of respondents (n) is still shown.`,
        linkText: vi ? 'Ngưỡng công bố' : 'Publication thresholds',
      };
  }
}

/**
 * Which terms still need their note, in page order. A layout calls `take` with the text of each
 * place that may use a term, top to bottom; each term is returned once, at the first place that
 * uses it (or lists it in `also`, for words printed by components the layout does not write).
 * "Within the margin of error" is returned once per sense: a change and a target's verdict are
 * different statements.
 */
export interface TermNotePlacer {
  take(text: string | readonly string[], also?: readonly TermKey[], marginSense?: MarginSense): TermKey[];
}

export function termNotePlacer(lang: Lang): TermNotePlacer {
  const placed = new Set<string>();
  const id = (key: TermKey, sense: MarginSense) => (key === 'margin' ? `margin:${sense}` : key);
  return {
    take(text, also = [], marginSense = 'target') {
      const texts = typeof text === 'string' ? [text] : text;
      const found = new Set([...texts.flatMap((t) => termsIn(t, lang)), ...also]);
      const keys = TERM_KEYS.filter((k) => found.has(k) && !placed.has(id(k, marginSense)));
      for (const k of keys) placed.add(id(k, marginSense));
      return keys;
    },
  };
}

/**
 * The terms the charts and tables of `datasets` print: an interval wherever a row has one, a rank
 * interval for ranked rows, "within the margin of error" for uncertain verdicts, "too few
 * responses" for suppressed cells and targets without enough respondents.
 */
export function datasetTerms(datasets: readonly ChartDataset[]): TermKey[] {
  const found = new Set<TermKey>();
  for (const d of datasets) {
    // A funnel plot prints no interval, only its limits; its suppressed units read "too few responses".
    if (d.table === 'funnel') {
      if (d.rows.some((row) => row.value === null)) found.add('tooFew');
      continue;
    }
    // Official figures were never published with an interval or a count: no hard word to explain.
    if (d.table === 'official') continue;
    // A comparison prints the interval of each difference, and "too few responses" for a row
    // whose cell of either unit is suppressed.
    if (d.table === 'comparisons') {
      if (d.rows.some((row) => row.diff_ci_low !== null)) found.add('ci');
      if (d.rows.some((row) => row.value_a === null || row.value_b === null)) found.add('tooFew');
      continue;
    }
    for (const row of d.rows) {
      if (row.ci_low !== null) found.add('ci');
      if (d.table === 'rankings' && 'rank_low' in row && row.rank_low !== null) found.add('rankInterval');
      if (d.table === 'targets' && 'certainty' in row && row.certainty === 'uncertain') found.add('margin');
      if (row.status === 'suppressed' || row.status === 'too_few') found.add('tooFew');
      // A ranking row of a suppressed unit has no value: the chart writes "quá ít phản hồi" for it.
      if (d.table === 'rankings' && row.value === null) found.add('tooFew');
    }
  }
  return TERM_KEYS.filter((k) => found.has(k));
}
