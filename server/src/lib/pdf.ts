import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans: the standard PDF fonts have no Polish letters (ą, ę, ł, ż…). */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/**
 * An A4 document in Polish with the fonts `regular` and `bold` registered, and the promise of its
 * bytes once `doc.end()` is called. Every printable document of the product starts here.
 */
export function createPdf(opts: {
  title: string;
  author?: string;
  subject?: string;
  margins?: { top: number; bottom: number; left: number; right: number };
  compress?: boolean;
  bufferPages?: boolean;
  /** Landscape for a certificate or a wide table; portrait by default. */
  layout?: 'portrait' | 'landscape';
}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.layout ?? 'portrait',
    margins: opts.margins ?? { top: 50, bottom: 60, left: 56, right: 56 },
    bufferPages: opts.bufferPages ?? false,
    compress: opts.compress ?? true,
    lang: 'pl-PL',
    displayTitle: true,
    // pdfkit reads every info value (for the file id): absent ones must be left out, not undefined.
    info: {
      Title: opts.title,
      Creator: 'Kooperacja',
      ...(opts.author ? { Author: opts.author } : {}),
      ...(opts.subject ? { Subject: opts.subject } : {}),
    },
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** DD.MM.YYYY, or a line to fill in by hand. */
export const plDate = (d: string | null | undefined, blank = '……………………') =>
  d ? `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}` : blank;
