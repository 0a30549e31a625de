import type { MapLegendData } from '../territory/MapLegend';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The on-screen look of the map comes partly from the page's CSS (white borders between units, the
 * highlight outline); an SVG drawn as an image sees none of it, so the export carries it inline.
 */
const EXPORT_STYLE =
  'path[data-teryt]{stroke:#ffffff;stroke-linejoin:round;vector-effect:non-scaling-stroke}' +
  'path[data-highlight]{stroke:#1a1a1a;stroke-width:2;vector-effect:non-scaling-stroke}';

export interface SerializedMap {
  markup: string;
  width: number;
  height: number;
}

/**
 * A stand-alone SVG document of the map as it is on screen (its fills included), `width` pixels
 * wide: the namespace and the size set, the borders' style inline, the hover outline and the page's
 * attributes (classes, test ids, ARIA) left out.
 */
export function serializeMapSvg(svg: SVGSVGElement, width = 1000): SerializedMap {
  const [, , vw = 0, vh = 0] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (!(vw > 0 && vh > 0)) throw new Error('The map has no viewBox');
  const height = Math.round((width * vh) / vw);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const attr of ['class', 'style', 'role', 'aria-label', 'data-testid', 'data-level'])
    clone.removeAttribute(attr);
  // As a namespace declaration (a plain attribute would be written twice: invalid XML, no image).
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  for (const extra of clone.querySelectorAll('path:not([data-teryt]):not([data-highlight])')) extra.remove();
  for (const g of clone.querySelectorAll('g')) g.removeAttribute('class');
  const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
  style.textContent = EXPORT_STYLE;
  clone.insertBefore(style, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** `mapa-<woj>-<miara>-<dzien>.png`. */
export const pngFileName = (woj: string, measure: string, day: string) => `mapa-${woj}-${measure}-${day}.png`;

export interface MapImageText {
  title: string;
  subtitle: string;
  legend: MapLegendData;
  /** A line under the legend (e.g. what the suppression means). */
  note?: string;
}

const PAD = 32;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const TEXT = '#1a1a1a';
const MUTED = '#495057';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The map image could not be drawn'));
    img.src = src;
  });
}

interface LegendCell {
  x: number;
  y: number;
  color: string;
  text: string;
}

/** Lays the legend items out in rows that fit `maxWidth`. */
function layoutLegend(ctx: CanvasRenderingContext2D, legend: MapLegendData, maxWidth: number, top: number) {
  const swatch = 16;
  const rowHeight = 26;
  const cells: LegendCell[] = [];
  let x = 0;
  let y = top;
  for (const item of legend.items) {
    const text = item.value === undefined ? item.label : `${item.label} (${item.value})`;
    const w = swatch + 8 + ctx.measureText(text).width + 24;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += rowHeight;
    }
    cells.push({ x, y, color: item.color, text });
    x += w;
  }
  return { cells, bottom: y + rowHeight, swatch };
}

/**
 * Draws the map on a white canvas with its title, subtitle and legend as text, and downloads it as
 * a PNG. Browser only (the test environment has no canvas).
 */
export async function downloadMapPng(
  svg: SVGSVGElement,
  text: MapImageText,
  fileName: string,
): Promise<void> {
  const { markup, width, height } = serializeMapSvg(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    const measure = canvas.getContext('2d');
    if (!measure) throw new Error('No canvas');
    const canvasWidth = width + 2 * PAD;
    measure.font = `14px ${FONT}`;
    const mapTop = PAD + 34 + 28;
    const legendTitleTop = mapTop + height + 24;
    const legend = layoutLegend(measure, text.legend, width, legendTitleTop + 26);
    const canvasHeight = legend.bottom + (text.note ? 26 : 0) + PAD;

    canvas.width = canvasWidth;
    canvas.height = canvasHeight;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvasWidth, canvasHeight);
    ctx.textBaseline = 'top';
    ctx.fillStyle = TEXT;
    ctx.font = `bold 24px ${FONT}`;
    ctx.fillText(text.title, PAD, PAD, width);
    ctx.fillStyle = MUTED;
    ctx.font = `16px ${FONT}`;
    ctx.fillText(text.subtitle, PAD, PAD + 34, width);
    ctx.drawImage(image, PAD, mapTop, width, height);
    ctx.fillStyle = TEXT;
    ctx.font = `bold 14px ${FONT}`;
    ctx.fillText(text.legend.title, PAD, legendTitleTop, width);
    ctx.font = `14px ${FONT}`;
    for (const cell of legend.cells) {
      ctx.fillStyle = cell.color;
      ctx.fillRect(PAD + cell.x, cell.y, legend.swatch, legend.swatch);
      ctx.strokeStyle = '#595959';
      ctx.lineWidth = 1;
      ctx.strokeRect(PAD + cell.x + 0.5, cell.y + 0.5, legend.swatch - 1, legend.swatch - 1);
      ctx.fillStyle = TEXT;
      ctx.fillText(cell.text, PAD + cell.x + legend.swatch + 8, cell.y + 1);
    }
    if (text.note) {
      ctx.fillStyle = MUTED;
      ctx.fillText(text.note, PAD, legend.bottom, width);
    }

    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be made');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
