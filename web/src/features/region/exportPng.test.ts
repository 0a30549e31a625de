import { describe, expect, it } from 'vitest';
import { pngFileName, serializeMapSvg } from './exportPng';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The map's SVG as PolandMap draws it: classes from the page's CSS, ARIA, a hover outline. */
function mapSvg() {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 800 600');
  svg.setAttribute('class', 'svg_abc');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Mapa województwa');
  svg.setAttribute('data-testid', 'poland-map');
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'shapes_abc');
  for (const [teryt, fill] of [
    ['2604011', '#21918c'],
    ['2604022', '#737373'],
  ] as const) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', 'M0,0L10,0L10,10Z');
    p.setAttribute('fill', fill);
    p.setAttribute('data-teryt', teryt);
    g.append(p);
  }
  svg.append(g);
  const hover = document.createElementNS(SVG_NS, 'path');
  hover.setAttribute('class', 'hoverOutline_abc');
  hover.setAttribute('d', 'M0,0L10,0Z');
  svg.append(hover);
  document.body.append(svg);
  return svg;
}

describe('serializeMapSvg', () => {
  it('makes a stand-alone SVG document of the map with its fills, sized from the viewBox', () => {
    const svg = mapSvg();
    const { markup, width, height } = serializeMapSvg(svg, 1000);
    expect([width, height]).toEqual([1000, 750]);
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('1000');
    expect(root.getAttribute('height')).toBe('750');
    expect(root.getAttribute('viewBox')).toBe('0 0 800 600');
    expect([...root.querySelectorAll('path[data-teryt]')].map((p) => p.getAttribute('fill'))).toEqual([
      '#21918c',
      '#737373',
    ]);
    // The borders come from the page's CSS on screen: the image carries them itself.
    expect(root.querySelector('style')?.textContent).toContain('stroke:#ffffff');
    // Nothing of the page: no hover outline, classes, ARIA or test ids.
    expect(root.querySelectorAll('path')).toHaveLength(2);
    expect(markup).not.toMatch(/class=|aria-label|data-testid|role=/);
    // The page's map is left as it was.
    expect(svg.querySelectorAll('path')).toHaveLength(3);
    svg.remove();
  });

  it('refuses an SVG without a viewBox (nothing to size the image from)', () => {
    const svg = document.createElementNS(SVG_NS, 'svg');
    expect(() => serializeMapSvg(svg)).toThrow(/viewBox/);
  });
});

describe('pngFileName', () => {
  it('names the file after the województwo, the measure and the day', () => {
    expect(pngFileName('26', 'lpdi', '2025-06-30')).toBe('mapa-26-lpdi-2025-06-30.png');
  });
});
