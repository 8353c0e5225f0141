/**
 * A chart's standalone SVG from what its page has: the one function both the page (to start its
 * PNG early, png-warmup.ts) and the end of the build (to write the files) call, so the two make
 * the same bytes and the early PNG is the one published.
 */
import type { SiteConfig } from '../intake/types.ts';
import type { Lang } from '../site/i18n.ts';
import { imageTexts } from './image-texts.ts';
import { standaloneSvg, type StandaloneTexts } from './standalone-svg.ts';

export interface ChartImageInput {
  lang: Lang;
  title: string;
  caption: string;
  /** The desktop drawing as the page shows it. */
  wide: string;
  /** Absolute address of the chart on its page, with its anchor. */
  pageUrl: string;
  /** The chart's CSV (its rows), for the sample sizes; null when it has none. */
  csv: string | null;
}

export function chartImage(site: Pick<SiteConfig, 'publisher' | 'title' | 'release' | 'licence'>, input: ChartImageInput): { svg: string; texts: StandaloneTexts } {
  const texts = imageTexts(site, input.lang, input, input.pageUrl, input.csv);
  return { svg: standaloneSvg(input.wide, texts), texts };
}
