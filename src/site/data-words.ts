/**
 * The words of the data pages' tables and sections that several components share (column
 * headings, statuses), in Vietnamese and English. Prose that belongs to one page lives in that
 * page's layout.
 */
import type { Bilingual } from '../intake/types.ts';
import { formatNumber } from './format.ts';
import type { Lang } from './i18n.ts';

const WORDS = {
  unit: { vi: 'Đơn vị', en: 'Unit' },
  period: { vi: 'Kỳ', en: 'Period' },
  value: { vi: 'Tỷ lệ hài lòng', en: 'Satisfied' },
  interval: { vi: 'Khoảng tin cậy 95 %', en: '95% interval' },
  n: { vi: 'Số người trả lời (n)', en: 'Respondents (n)' },
  rank: { vi: 'Hạng', en: 'Rank' },
  rankInterval: { vi: 'Khoảng hạng 95 %', en: '95% rank interval' },
  pFirst: { vi: 'Khả năng đứng đầu', en: 'Chance of first place' },
  status: { vi: 'Tình trạng', en: 'Status' },
  ranked: { vi: 'Được xếp hạng', en: 'Ranked' },
  province: { vi: 'Toàn tỉnh', en: 'Whole province' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  threshold: { vi: 'Mức đặt ra', en: 'Threshold' },
  gap: { vi: 'Chênh lệch so với mức đặt ra', en: 'Gap to threshold' },
  result: { vi: 'Kết quả', en: 'Result' },
  verdict: { vi: 'Đánh giá (độ chắc chắn)', en: 'Verdict (certainty)' },
  question: { vi: 'Câu hỏi', en: 'Question' },
  element: { vi: 'Yếu tố', en: 'Element' },
  year: { vi: 'Năm', en: 'Year' },
  limits95: { vi: 'Giới hạn 95 %', en: '95% limits' },
  limits998: { vi: 'Giới hạn 99,8 %', en: '99.8% limits' },
  funnelClass: { vi: 'So với toàn tỉnh', en: 'Compared with the province' },
} as const satisfies Record<string, Bilingual>;

export type DataWord = keyof typeof WORDS;

export function w(key: DataWord, lang: Lang): string {
  return WORDS[key][lang];
}

/** Column heading of P(top k): "Khả năng trong nhóm 3 đứng đầu" / "Chance of top 3". */
export function pTopKHeading(k: number | null, lang: Lang): string {
  if (k === null) return lang === 'vi' ? 'Khả năng trong nhóm đứng đầu' : 'Chance of the top group';
  return lang === 'vi' ? `Khả năng trong nhóm ${formatNumber(k, lang)} đứng đầu` : `Chance of top ${formatNumber(k, lang)}`;
}

/** "Không xếp hạng: 80 người trả lời, cần ít nhất 100". */
export function notRankedText(n: number, minN: number, lang: Lang): string {
  return lang === 'vi'
    ? `Không xếp hạng: ${formatNumber(n, lang)} người trả lời, cần ít nhất ${formatNumber(minN, lang)}`
    : `Not ranked: ${formatNumber(n, lang)} respondents, at least ${formatNumber(minN, lang)} needed`;
}
