// Shared with the browser tests (apps/web-e2e), which check the text of the PDFs they download.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface ParsedPdf {
  text: string;
  /** The text of each page, first page first. */
  pageTexts: string[];
  pages: number;
  imagesPerPage: number[];
  info: Record<string, unknown>;
}

// pdf-parse runs PDF.js, which loads its worker as an ES module: jest's CommonJS sandbox cannot,
// so the parse runs in a plain Node process that reads the PDF on stdin.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const info = await parser.getInfo();
  const text = await parser.getText();
  const images = await parser.getImage({ imageThreshold: 0, imageDataUrl: false, imageBuffer: false });
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: text.text, pageTexts: text.pages.map((p) => p.text), pages: info.total, imagesPerPage: images.pages.map((p) => p.images.length), info: info.info }));
});`;

/** Parses a PDF with a real PDF reader: its text, page count and embedded images per page. */
export function parsePdf(pdf: Buffer): ParsedPdf {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], {
    input: pdf,
    cwd: resolve(__dirname, '../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as ParsedPdf;
}
