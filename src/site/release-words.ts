/**
 * Words of the release flags and revision kinds (data-contract.md → Releases), for tables,
 * the changelog and the calendar.
 */
import type { Bilingual, ChangeKind } from '../intake/types.ts';

/** The flag of a row: `p` provisional, `r` revised since the previous release. */
export const FLAG_WORDS: Record<'p' | 'r', Bilingual> = {
  p: { vi: 'p: tạm thời', en: 'p: provisional' },
  r: { vi: 'r: đã sửa đổi', en: 'r: revised' },
};

export const KIND_WORDS: Record<ChangeKind, Bilingual> = {
  revision: { vi: 'sửa đổi do có thêm số liệu', en: 'revision from late data' },
  correction: { vi: 'đính chính lỗi', en: 'correction of an error' },
  new: { vi: 'mới', en: 'new' },
  withdrawn: { vi: 'rút lại', en: 'withdrawn' },
};
