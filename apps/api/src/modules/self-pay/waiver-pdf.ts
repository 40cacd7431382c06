import PDFDocument from 'pdfkit';
import type { WaiverText } from '@preauth/domain';

export interface WaiverPdfModel {
  text: WaiverText;
  caseNumber: string;
  patient: { name: string; dateOfBirth: string };
  /** The signature as drawn, re-encoded PNG. */
  signature: { png: Buffer; width: number; height: number };
  signedName: string;
  /** The clinic-local day, as the clinic reads it ("December 6, 2026"). */
  signedOn: string;
  /** When it was signed, in the clinic's zone with the zone named. */
  signedAt: string;
  creationDate: Date;
}

const MARGIN = 60;
const SIGNATURE_BOX = { width: 260, height: 90 };

/** The signed waiver: the same words the patient read on the tablet, the drawn signature, name and date. */
export function renderWaiverPdf(m: WaiverPdfModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: `${m.text.title}: case ${m.caseNumber}`, Subject: m.text.title, CreationDate: m.creationDate },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(15).text(m.text.title, { width }).moveDown(0.4);
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor('#444444')
    .text(`Case ${m.caseNumber} · Patient ${m.patient.name}, born ${m.patient.dateOfBirth}`, { width })
    .fillColor('black')
    .moveDown(1);
  doc.fontSize(11.5);
  for (const paragraph of m.text.paragraphs) doc.text(paragraph, { width, align: 'left' }).moveDown(0.7);

  doc.moveDown(0.8).font('Helvetica-Bold').text('Patient signature');
  const top = doc.y + 4;
  const scale = Math.min(SIGNATURE_BOX.width / m.signature.width, SIGNATURE_BOX.height / m.signature.height, 1);
  doc.image(m.signature.png, MARGIN, top, { width: m.signature.width * scale, height: m.signature.height * scale });
  doc
    .moveTo(MARGIN, top + SIGNATURE_BOX.height + 2)
    .lineTo(MARGIN + SIGNATURE_BOX.width, top + SIGNATURE_BOX.height + 2)
    .stroke();
  doc.y = top + SIGNATURE_BOX.height + 10;
  doc
    .font('Helvetica-Bold')
    .text('Printed name: ', MARGIN, doc.y, { continued: true })
    .font('Helvetica')
    .text(m.signedName);
  doc.font('Helvetica-Bold').text('Date: ', { continued: true }).font('Helvetica').text(m.signedOn);
  doc
    .moveDown(1.2)
    .font('Helvetica-Oblique')
    .fontSize(8.5)
    .fillColor('#555555')
    .text(`Signed on the clinic's tablet, ${m.signedAt}.`, { width });
  doc.end();
  return done;
}
