import { describe, expect, it } from 'vitest';
import { heatClass, heatLegend } from '../../src/site/heat-shade.ts';

describe('heatClass', () => {
  it('puts values in fixed 5-point bands, bounds belonging to the band above', () => {
    expect(heatClass(69.99)).toBe('heat-0');
    expect(heatClass(70)).toBe('heat-1');
    expect(heatClass(79.99)).toBe('heat-2');
    expect(heatClass(84.5)).toBe('heat-3');
    expect(heatClass(85)).toBe('heat-4');
    expect(heatClass(100)).toBe('heat-5');
  });

  it('has a legend entry for each of the six shades, in words', () => {
    const vi = heatLegend('vi');
    expect(vi.map((e) => e.className)).toEqual(['heat-0', 'heat-1', 'heat-2', 'heat-3', 'heat-4', 'heat-5']);
    expect(vi[0]?.label).toBe('dưới 70\u00a0%');
    expect(vi[2]?.label).toBe('75–80\u00a0%');
    expect(heatLegend('en')[5]?.label).toBe('from 90%');
  });
});
