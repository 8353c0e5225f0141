import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { parseSvg } from './svg-helpers.ts';

const points = [{ x: 1 / 3, y: 2 / 3, label: 'A & B <x>' }];

describe('renderSvg', () => {
  const svg = renderSvg(
    {
      width: 300,
      height: 100,
      marginLeft: 20,
      marginRight: 20,
      x: { domain: [0, 1], axis: null },
      y: { domain: [0, 1], axis: null },
      marks: [Plot.dot(points, { x: 'x', y: 'y', title: 'label' }), Plot.axisX({ ticks: [0.5] })],
    },
    'Một điểm',
  );
  const root = parseSvg(svg);

  it('returns a bare <svg> named for assistive technology by the description', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Một điểm');
    expect(root.getAttribute('viewBox')).toBe('0 0 300 100');
    // No style attribute: the site's CSP forbids them. Size and scaling come from attributes and CSS.
    expect(root.hasAttribute('style')).toBe(false);
    expect(svg).not.toContain(' style=');
    expect(root.getAttribute('font-size')).toBe('12');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  it('hides every labelled mark group from assistive technology (axe flags them otherwise)', () => {
    const labelled = [...root.querySelectorAll('g[aria-label]')];
    expect(labelled.length).toBeGreaterThan(0);
    for (const g of labelled) expect(g.getAttribute('aria-hidden')).toBe('true');
  });

  it('rounds coordinates to 2 decimals but leaves text alone', () => {
    // Margins 20 left and right of 300 px; x = 20 + 260 · (1/3) = 106.666… → 106.67.
    const circle = root.querySelector('circle');
    expect(circle?.getAttribute('cx')).toBe('106.67');
    expect(svg).not.toMatch(/="[^"]*\d\.\d{3,}/);
  });

  it('rounds coordinates even when the description holds ">" and the text holds decimals', () => {
    const text = [{ x: 1 / 3, y: 2 / 3, label: 'x="0.123456"' }];
    const other = renderSvg(
      { width: 300, height: 100, marginLeft: 20, marginRight: 20, x: { domain: [0, 1], axis: null }, y: { domain: [0, 1], axis: null }, marks: [Plot.text(text, { x: 'x', y: 'y', text: 'label' })] },
      'Mục tiêu > 90\u00a0% <b>',
    );
    expect(other).toContain('transform="translate(106.67,');
    // Text content is left exactly as given.
    expect(other).toContain('>x="0.123456"</text>');
  });

  it('escapes names in text', () => {
    expect(svg).toContain('<title>A &amp; B &lt;x&gt;</title>');
  });

  it('refuses the options that make Plot wrap the chart in a <figure> with headings', () => {
    expect(() => renderSvg({ title: 'Tiêu đề', marks: [Plot.dot(points, { x: 'x', y: 'y' })] }, 'x')).toThrow(
      'Plot\'s "title" option wraps the chart in <figure>',
    );
  });
});
