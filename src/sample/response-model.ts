/**
 * The response model of the sample generator: how a generated respondent answers the items.
 *
 * WHY a latent model: real SIPAS answers are correlated (a respondent who is pleased answers 4–5
 * almost everywhere; items of one element move together), districts differ a little, years
 * improve, land procedures please less than civil-status ones. Independent random answers would
 * give intervals far too narrow and no story; a latent-satisfaction (ordered-probit) model gives
 * both with a handful of parameters that can be read and calibrated.
 *
 * For respondent r in district d, year y, answering item c of element e:
 *
 *   L_rc = base_s + district_s(d) − (trend_s + slope_s(d)) · (2024 − y)
 *          + field(f) + channel(ch) + type(t)
 *          + element_s(e) + item(c)
 *          + u_r + v_re + ε_rc
 *
 *   u_r  ~ N(0, σ_u²)   respondent effect (shared by all 19 items: "a pleased respondent")
 *   v_re ~ N(0, σ_v²)   respondent × element effect (items of one element move together)
 *   ε_rc ~ N(0, σ_ε²)   item noise
 *
 *   answer = 1 + #{k : L_rc > τ_k},  τ = (−2.3, −1.5, −0.55, 0.75)
 *
 * so P(answer ∈ {4, 5}) = Φ((m − τ₃) / σ) with m the fixed part and σ² = σ_u² + σ_v² + σ_ε².
 * With σ ≈ 0.85, a fixed part of 0.55 gives ≈ 90 % satisfied, 0.25 gives ≈ 83 %.
 *
 * Missing answers: each item is left empty with probability 5 %. The feedback element (PA) is
 * answered only by respondents who ever gave feedback (68 %), so PA items are ≈ 35 % empty —
 * as in real SIPAS data, where most people never filed a complaint.
 *
 * Calibration (scripts/sample-summary.ts prints these; tests/sample/calibration.test.ts keeps loose
 * bounds on them), default sample `--seed 1 --responses 24000 --years 2021-2024`:
 * - SIPAS province index ≈ 83 (2021) → 85.6 → 87.7 → 89.8 (2024); elements PA and TT lowest,
 *   CC highest. District effects make 2024 close in the middle: expected (mean of seeds 1–12)
 *   582 ≈ 92.7, 587 ≈ 90.7, 585 ≈ 90.6, 586 ≈ 90.5, 589 ≈ 89.0, 588 ≈ 87.3, 584 ≈ 86.1.
 * - Ninh Sơn (585) 2024 against Kế hoạch 95/KH-UBND, seed 1 (expected in brackets):
 *   overall 91.0 ± 0.9, 3rd with P(2nd) ≈ 0.27 and P(4th) ≈ 0.12 (90.6; > 90 within the margin);
 *   land 83.9 ± 2.2 (81.8; < 85); construction 88.0 ± 2.8 (89.5); investment 85.1 ± 6.6 on 32
 *   respondents (89.8 on ≈ 31; uncertain); health 84.2 ± 2.8 (86.4; > 80 clearly);
 *   education 81.0 ± 3.6 (80.7; ≈ 80, uncertain).
 * The effects were tuned so that seed 1 tells this story while the expected values stay close
 * to it; another seed tells a similar story with different luck (n ≈ 30 for investment swings
 * ± 6 points).
 * Districts, fields and elements not listed get effect 0, so the model also runs on other data.
 *
 * After 2024 (the reorganisation of 1 July 2025), the time term is + trendAfter_s · (y − 2024)
 * (gains slow down; district slopes stop), and rows of the commune design (sample-plan.ts) add a
 * unit effect: commune(c) = mean district_s(d) over the old districts whose communes went into c
 * (crosswalk-2025.csv; 0 for the communes of the old Khánh Hòa) + σ_c · z_c, z_c fixed per
 * commune, so most communes sit near the province and a few clearly above or below it (a funnel
 * plot has something to show), and a commune carries on its district's level (its back-cast
 * and direct series meet). SIPAS also dips by transition_s in the second half of 2025, while the
 * new service centres settle in — the sample's story, not a finding.
 */
import { createPrng, type Prng } from './prng.ts';

/** Thresholds τ₁…τ₄ on the latent scale between answers 1|2, 2|3, 3|4, 4|5. */
export const ANSWER_THRESHOLDS = [-2.3, -1.5, -0.55, 0.75] as const;

export const LATENT_SPREAD = {
  /** σ_u: respondent effect. */
  respondent: 0.5,
  /** σ_v: respondent × element effect. */
  respondentElement: 0.3,
  /** σ_ε: item noise. */
  item: 0.6,
} as const;

/** Share of items left unanswered at random. */
export const ITEM_MISSING_SHARE = 0.05;

/** The fixed effects of one survey. Unknown codes get 0. */
export interface SurveyEffects {
  /** base_s: latent mean of the reference cell (a 2024 respondent with all other effects 0). */
  base: number;
  /** trend_s: latent gain per year, common to all districts. */
  trendPerYear: number;
  /** district_s(d): district level in 2024. */
  district: Record<string, number>;
  /** slope_s(d): extra yearly gain of a district (positive = improved faster up to 2024). */
  districtSlope: Record<string, number>;
  /** element_s(e) by element code; elements not listed use `elementByPosition`. */
  element: Record<string, number>;
  /** Fallback element effects by the element's position in the instrument (cycled). */
  elementByPosition: number[];
  /** Elements answered only by a share of respondents (e.g. PA: only those who gave feedback). */
  elementAnsweredShare: Record<string, number>;
  /** trendAfter_s: latent gain per year after 2024. */
  trendAfter2024: number;
  /** σ_c: spread of the commune effects of the commune design. */
  communeSpread: number;
  /** transition_s: latent shift of rows dated 2025-07-01 … 2025-12-31. */
  transition: number;
}

/** Dates (inclusive) on which the transition effect applies. */
export const TRANSITION_PERIOD = { from: '2025-07-01', to: '2025-12-31' } as const;

/** field(f): procedure field effect (land pleases least, civil status most). */
export const FIELD_EFFECT: Record<string, number> = {
  'dat-dai': -0.5,
  'xay-dung': -0.22,
  'dau-tu': -0.15,
  'tu-phap-ho-tich': 0.22,
};

/** Fields not in FIELD_EFFECT (e.g. labour, business registration) are slightly above average. */
export const OTHER_FIELD_EFFECT = 0.1;

/** channel(ch): online users wait less; postal users hear back slowest. */
export const CHANNEL_EFFECT: Record<string, number> = {
  'truc-tiep': 0,
  'truc-tuyen': 0.05,
  'buu-chinh': -0.1,
};

/** type(t): organisations are a little more demanding than individuals. */
export const RESPONDENT_TYPE_EFFECT: Record<string, number> = {
  'ca-nhan': 0,
  'to-chuc': -0.06,
};

/** Small item effects inside an element, by the item's position (cycled). */
export const ITEM_EFFECT_BY_POSITION = [0, -0.05, 0.04, -0.02, 0.03] as const;

/** Per-survey effects, keyed by survey id. */
export const SURVEY_EFFECTS: Record<string, SurveyEffects> = {
  sipas: {
    base: 0.735,
    trendPerYear: 0.09,
    district: { '582': 0.12, '586': 0.0, '585': 0.02, '587': 0.02, '589': -0.08, '588': -0.14, '584': -0.22 },
    districtSlope: { '585': 0.04, '582': -0.01, '584': -0.02 },
    element: { TC: 0.08, TT: -0.16, CC: 0.26, KQ: 0.05, PA: -0.22 },
    elementByPosition: [0],
    elementAnsweredShare: { PA: 0.68 },
    trendAfter2024: 0.04,
    communeSpread: 0.07,
    transition: -0.08,
  },
  'y-te': {
    base: 0.32,
    trendPerYear: 0.07,
    district: { '582': 0.08, '586': 0.03, '585': 0.03, '587': 0, '589': -0.05, '588': -0.08, '584': -0.15 },
    districtSlope: {},
    element: {},
    elementByPosition: [0.06, -0.1, 0.12, -0.04, 0, 0.08, -0.12],
    elementAnsweredShare: {},
    trendAfter2024: 0.03,
    communeSpread: 0.1,
    transition: 0,
  },
  'giao-duc': {
    base: 0.2,
    trendPerYear: 0.05,
    district: { '582': 0.08, '586': 0.03, '585': -0.07, '587': 0, '589': -0.05, '588': -0.08, '584': -0.15 },
    districtSlope: {},
    element: {},
    elementByPosition: [0.05, -0.08, 0.1, -0.05, 0.02, 0.06, -0.1],
    elementAnsweredShare: {},
    trendAfter2024: 0.02,
    communeSpread: 0.1,
    transition: 0,
  },
};

/** The instrument's shape as the model needs it: elements with their item counts. */
export interface ModelElement {
  code: string;
  itemCount: number;
}

/** Who the respondent is and where: everything that shifts the fixed part of L. */
export interface RespondentContext {
  district: string;
  year: number;
  field: string;
  channel: string;
  respondentType: string;
  /** Unit effect of the commune design (commune(c) and the transition); absent = 0. */
  unitEffect?: number;
}

/** Precomputed per-element constants for one survey, so the per-row loop only adds numbers. */
export interface AnswerModel {
  effects: SurveyEffects;
  /** element_s(e) + item(c) for every item, in instrument order. */
  itemOffset: Float64Array;
  /** Element index of every item, in instrument order. */
  itemElement: Int32Array;
  /** Share of respondents who answer each element at all. */
  elementAnsweredShare: Float64Array;
}

export function buildAnswerModel(surveyId: string, elements: ModelElement[]): AnswerModel {
  const effects = SURVEY_EFFECTS[surveyId];
  if (!effects) {
    throw new Error(`No response model for survey "${surveyId}". Known: ${Object.keys(SURVEY_EFFECTS).join(', ')}.`);
  }
  const itemCount = elements.reduce((sum, element) => sum + element.itemCount, 0);
  const itemOffset = new Float64Array(itemCount);
  const itemElement = new Int32Array(itemCount);
  const elementAnsweredShare = new Float64Array(elements.length);
  let index = 0;
  elements.forEach((element, position) => {
    const elementEffect =
      effects.element[element.code] ??
      effects.elementByPosition[position % effects.elementByPosition.length] ??
      0;
    elementAnsweredShare[position] = effects.elementAnsweredShare[element.code] ?? 1;
    for (let item = 0; item < element.itemCount; item++) {
      itemOffset[index] = elementEffect + (ITEM_EFFECT_BY_POSITION[item % ITEM_EFFECT_BY_POSITION.length] ?? 0);
      itemElement[index] = position;
      index++;
    }
  });
  return { effects, itemOffset, itemElement, elementAnsweredShare };
}

/** The fixed part of L that depends on the respondent (not on the item). */
export function respondentMean(model: AnswerModel, context: RespondentContext): number {
  const { effects } = model;
  const field = context.field === '' ? 0 : (FIELD_EFFECT[context.field] ?? OTHER_FIELD_EFFECT);
  // a − b is a + (−b) in floating point, so rows up to 2024 get exactly the values they always had.
  const time =
    context.year <= 2024
      ? -(effects.trendPerYear + (effects.districtSlope[context.district] ?? 0)) * (2024 - context.year)
      : effects.trendAfter2024 * (context.year - 2024);
  return (
    effects.base +
    (effects.district[context.district] ?? 0) +
    time +
    field +
    (CHANNEL_EFFECT[context.channel] ?? 0) +
    (RESPONDENT_TYPE_EFFECT[context.respondentType] ?? 0) +
    (context.unitEffect ?? 0)
  );
}

/**
 * commune(c) of the commune design: the mean 2024 level of the old districts whose communes went
 * into c (`predecessorDistricts`, one entry per crosswalk row, so a commune made of two communes
 * of district A and one of B leans to A), plus σ_c · z_c with z_c fixed by seed, survey and code.
 */
export function communeEffect(surveyId: string, communeCode: string, predecessorDistricts: readonly string[], seed: number): number {
  const effects = SURVEY_EFFECTS[surveyId];
  if (!effects) return 0;
  const inherited =
    predecessorDistricts.length === 0
      ? 0
      : predecessorDistricts.reduce((sum, district) => sum + (effects.district[district] ?? 0), 0) / predecessorDistricts.length;
  return inherited + effects.communeSpread * createPrng(`${seed}|commune-effect|${surveyId}|${communeCode}`).normal();
}

/** transition_s on `isoDate`, 0 outside TRANSITION_PERIOD. */
export function transitionEffect(model: AnswerModel, isoDate: string): number {
  return isoDate >= TRANSITION_PERIOD.from && isoDate <= TRANSITION_PERIOD.to ? model.effects.transition : 0;
}

/** Latent value → answer 1…5 through the thresholds τ. */
export function latentToAnswer(latent: number): number {
  let answer = 1;
  for (const threshold of ANSWER_THRESHOLDS) if (latent > threshold) answer++;
  return answer;
}

/**
 * Draws one respondent's answers into `answers` (0 = not answered), in instrument order.
 * `elementDraw` is scratch space of one number per element.
 */
export function drawAnswers(
  model: AnswerModel,
  mean: number,
  prng: Prng,
  answers: Int8Array,
  elementDraw: Float64Array,
): void {
  const respondent = mean + LATENT_SPREAD.respondent * prng.normal();
  for (let e = 0; e < elementDraw.length; e++) {
    const answersElement = prng.next() < (model.elementAnsweredShare[e] ?? 1);
    // NaN marks an element the respondent skips as a whole.
    elementDraw[e] = answersElement ? respondent + LATENT_SPREAD.respondentElement * prng.normal() : Number.NaN;
  }
  for (let c = 0; c < answers.length; c++) {
    const elementLatent = elementDraw[model.itemElement[c] ?? 0] ?? Number.NaN;
    if (Number.isNaN(elementLatent) || prng.next() < ITEM_MISSING_SHARE) {
      answers[c] = 0;
      continue;
    }
    answers[c] = latentToAnswer(elementLatent + (model.itemOffset[c] ?? 0) + LATENT_SPREAD.item * prng.normal());
  }
}
