/**
 * The fixed columns of a responses file (data-contract.md → Responses CSV) and the codes allowed
 * in its coded columns. Item columns come from the instrument.
 */
export const FIXED_COLUMNS = ['response_id', 'date', 'unit_code', 'agency_code', 'field', 'channel', 'respondent_type'] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];

export const REQUIRED_FIXED_COLUMNS: readonly FixedColumn[] = ['response_id', 'date', 'unit_code'];

/** Refused in this version (method.md allows it): weighted sums are not implemented. */
export const WEIGHT_COLUMN = 'weight';

export const CHANNELS = ['truc-tiep', 'truc-tuyen', 'buu-chinh'] as const;
export const RESPONDENT_TYPES = ['ca-nhan', 'to-chuc'] as const;

/** Indicator codes that are not element or item codes (see PlanTarget.indicator). */
export const RESERVED_INDICATORS = ['overall', 'coverage', 'rank'] as const;
