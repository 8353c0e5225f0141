/**
 * The normal quantile used by every 95 % interval the site publishes (method.md → Uncertainty).
 * Rounded to 1.96 as the method writes it, so a reader can redo any interval by hand.
 */
export const Z_95 = 1.96;
