import PDFDocument from 'pdfkit';
import sharp from 'sharp';

// A fax page is at most a few thousand pixels a side; anything far larger is not a fax.
const MAX_PAGE_PIXELS = 40_000_000;
const MAX_PAGES = 100;
// Fax resolutions (204×196, 200×200 dpi) when the file names none.
const DEFAULT_DPI = 200;

/**
 * A TIFF fax, every page of it, as a PDF of page images at the fax's own resolution: the app
 * stores and serves payer documents as PDF only. Throws what sharp throws for a damaged TIFF.
 */
export async function convertFaxToPdf(tiff: Buffer): Promise<{ pdf: Buffer; pageCount: number }> {
  const meta = await sharp(tiff, { limitInputPixels: MAX_PAGE_PIXELS }).metadata();
  const pages = Math.min(meta.pages ?? 1, MAX_PAGES);
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'Payer fax' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (let page = 0; page < pages; page++) {
    const { data, info } = await sharp(tiff, { page, limitInputPixels: MAX_PAGE_PIXELS, failOn: 'error' })
      .png()
      .toBuffer({ resolveWithObject: true });
    const dpi = meta.density && meta.density > 0 ? meta.density : DEFAULT_DPI;
    const [width, height] = [(info.width * 72) / dpi, (info.height * 72) / dpi];
    doc.addPage({ size: [width, height], margin: 0 });
    doc.image(data, 0, 0, { width, height });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pageCount: pages };
}

/** Pages of a PDF by its page objects (informative: shown in the list, never trusted further). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}
