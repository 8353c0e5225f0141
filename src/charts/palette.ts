/**
 * Colours of the charts: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
 * distinguishable with every common colour-vision deficiency. Colour is never the only cue: every
 * chart also uses shape, dash, weight or a text label for what a colour marks.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The role each colour plays on the site's charts. */
export const CHART_COLOURS = {
  /** The estimate of the unit a chart is about (5.0 : 1 on white). */
  estimate: OKABE_ITO.blue,
  /** The highlighted unit and the comparison series (3.9 : 1 on white, for marks, not text). */
  highlight: OKABE_ITO.vermillion,
  /** The threshold tick of bullet charts. */
  threshold: OKABE_ITO.black,
  /** Reference and target rules, and their labels. */
  reference: '#333333',
  /** Text that reports an absence (suppressed, no data): 7 : 1 on white. */
  muted: '#595959',
  /** Background track of bullet charts and the zone that meets a target. */
  track: '#EEEEEE',
  zone: '#D4D4D4',
} as const;

/**
 * How a chart writes an absence ("quá ít phản hồi (n = 12)", "không có dữ liệu"): grey italic
 * with a white halo, so a grid or reference line running through it does not cross out the words.
 */
export const ABSENCE_TEXT = {
  fill: CHART_COLOURS.muted,
  fontStyle: 'italic',
  stroke: 'white',
  strokeWidth: 4,
  paintOrder: 'stroke',
} as const;
