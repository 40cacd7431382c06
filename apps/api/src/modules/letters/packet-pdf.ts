import PDFDocument from 'pdfkit';
import type { Letterhead } from '../clinic-profile/clinic-profile.service';

// The packet's layout, apart from where its facts come from (packet.service.ts): a fax cover
// sheet, the contents and case summary, the signed letters, the photographs and the clinical
// notes, every page with the letterhead, the patient's identifiers and "Page N of M".

export interface PacketLetter {
  title: string;
  text: string;
  /** Printed small under the letter: who signed, when, the hash. */
  footnote: string;
}

export interface PacketPhoto {
  bodySite: string;
  lesionCount: number;
  /** Date taken, as the clinic reads it ("November 2, 2026"). */
  takenOn: string;
  caption: string | null;
  image: { data: Buffer; width: number; height: number } | null;
}

/** A payer document enclosed as pages: its pages are drawn into the slots afterwards (packet-enclosures.ts). */
export interface PacketEnclosure {
  /** "Denial letter from the payer, received November 3, 2026". */
  title: string;
  /** 0 when the file cannot be read as a PDF: one page then says so. */
  pageCount: number;
}

/** Where an enclosure's page goes: a page of the packet and a box on it, in PDF units (origin bottom left). */
export interface EnclosureSlot {
  enclosure: number;
  /** Page of the enclosed document, from 0. */
  sourcePage: number;
  packetPage: number;
  box: { x: number; y: number; width: number; height: number };
}

export interface RenderedPacket {
  pdf: Buffer;
  slots: EnclosureSlot[];
}

export interface PacketNote {
  heading: string;
  text: string;
}

export interface PacketModel {
  /** What the packet is: "Level 1 appeal of a denied pre-authorization". */
  title: string;
  /** When it was generated, in the clinic's zone with the zone named. */
  generatedAt: string;
  caseNumber: string;
  patient: { name: string; dateOfBirth: string; memberId: string };
  payer: { name: string; fax: string | null; phone: string | null };
  physician: { name: string; npi: string };
  letterhead: Letterhead | null;
  summary: [label: string, value: string][];
  diagnoses: string[];
  procedures: string[];
  letters: PacketLetter[];
  enclosures: PacketEnclosure[];
  /** Said instead of the letters when none is signed. */
  noLetter: string;
  photos: PacketPhoto[];
  notes: PacketNote[];
  creationDate: Date;
}

const MARGIN = { top: 86, bottom: 66, left: 54, right: 54 };
const BODY_SIZE = 10.5;
const CONFIDENTIALITY_NOTICE =
  'CONFIDENTIALITY NOTICE: This facsimile contains confidential health information that is protected by law ' +
  '(HIPAA, 45 CFR Parts 160 and 164). It is intended only for the recipient named above, for treatment, payment ' +
  'or health care operations. If you are not the intended recipient, any review, disclosure, copying or ' +
  'distribution is prohibited: please notify the sender at the telephone number above at once and destroy ' +
  'every copy of this transmission.';

type Doc = PDFKit.PDFDocument;

function contactLine(l: Letterhead): string {
  return `Phone ${l.phone} · Fax ${l.fax}`;
}

export async function renderPacket(m: PacketModel): Promise<RenderedPacket> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${m.title}: case ${m.caseNumber}`,
      Author: m.letterhead?.practiceName ?? m.physician.name,
      Subject: m.title,
      CreationDate: m.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const slots: EnclosureSlot[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const pageNumber = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const remaining = () => doc.page.height - MARGIN.bottom - doc.y;
  const body = () => doc.font('Helvetica').fontSize(BODY_SIZE).fillColor('black');
  const heading = (text: string, size = 14) => {
    doc.font('Helvetica-Bold').fontSize(size).text(text, MARGIN.left, doc.y, { width }).moveDown(0.4);
    body();
  };
  const field = (label: string, value: string) =>
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  // 1. Fax cover sheet.
  drawLetterhead(doc, m.letterhead, width);
  doc
    .font('Helvetica-Bold')
    .fontSize(26)
    .text('FAX', MARGIN.left, doc.y + 6);
  doc.font('Helvetica-Bold').fontSize(13).text(m.title, { width }).moveDown(0.8);
  body();
  const columnsTop = doc.y;
  const half = width / 2 - 10;
  const column = (x: number, label: string, lines: string[]) => {
    doc.font('Helvetica-Bold').fontSize(11).text(label, x, columnsTop, { width: half });
    doc.font('Helvetica').fontSize(BODY_SIZE);
    for (const line of lines) doc.text(line, x, doc.y, { width: half });
    return doc.y;
  };
  const toBottom = column(MARGIN.left, 'To', [
    m.payer.name,
    'Utilization Management / Prior Authorization',
    `Fax: ${m.payer.fax ?? 'not on file (send through the payer portal)'}`,
    ...(m.payer.phone ? [`Phone: ${m.payer.phone}`] : []),
  ]);
  const fromBottom = column(
    MARGIN.left + width / 2 + 10,
    'From',
    m.letterhead
      ? [m.letterhead.practiceName, m.physician.name, `Fax: ${m.letterhead.fax}`, `Phone: ${m.letterhead.phone}`]
      : [m.physician.name, 'Clinic profile not set up: no return fax number'],
  );
  doc.x = MARGIN.left;
  doc.y = Math.max(toBottom, fromBottom) + 14;
  field('Date', m.generatedAt);
  const pagesY = doc.y;
  // Filled in once the page count is known.
  doc.moveDown(1);
  field('Clinic reference', m.caseNumber);
  doc.moveDown(1.2);
  doc.font('Helvetica').fontSize(8.5).text(CONFIDENTIALITY_NOTICE, { width, align: 'justify' });
  body();

  // 2. Contents and case summary.
  doc.addPage();
  heading(m.title, 15);
  doc.font('Helvetica-Bold').fontSize(12).text('Contents').moveDown(0.2);
  body();
  const contents: { title: string; page: number }[] = [{ title: 'Fax cover sheet', page: 1 }];
  const contentsY = doc.y;
  const contentsLines = 3 + m.letters.length + m.enclosures.length + (m.photos.length ? 1 : 0) + 1;
  doc.y += contentsLines * doc.currentLineHeight(true) + 12;
  contents.push({ title: 'Contents and case summary', page: pageNumber() });
  doc.font('Helvetica-Bold').fontSize(12).text('Case summary', MARGIN.left, doc.y).moveDown(0.2);
  body();
  for (const [label, value] of m.summary) field(label, value);
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text('Diagnoses').font('Helvetica');
  for (const line of m.diagnoses) doc.text(`- ${line}`, { width });
  doc.font('Helvetica-Bold').text('Requested procedures').font('Helvetica');
  for (const line of m.procedures) doc.text(`- ${line}`, { width });

  // 3. The signed letters, each from a new page under the full letterhead.
  if (!m.letters.length) {
    doc.moveDown().font('Helvetica-Oblique').text(m.noLetter, { width });
    body();
  }
  for (const letter of m.letters) {
    doc.addPage();
    contents.push({ title: letter.title, page: pageNumber() });
    drawLetterhead(doc, m.letterhead, width);
    writeLetter(doc, letter.text, width);
    const note = () => doc.font('Helvetica-Oblique').fontSize(8.5).text(letter.footnote, MARGIN.left, doc.y, { width });
    doc.moveDown(0.6);
    if (doc.heightOfString(letter.footnote, { width }) > remaining()) doc.addPage();
    note();
    body();
  }

  // 4. The payer's own letters this packet answers, each page reserved here and drawn in later.
  m.enclosures.forEach((enclosure, e) => {
    const pages = Math.max(enclosure.pageCount, 1);
    for (let p = 0; p < pages; p += 1) {
      doc.addPage();
      if (p === 0) contents.push({ title: enclosure.title, page: pageNumber() });
      doc
        .font('Helvetica-Bold')
        .fontSize(9.5)
        .text(
          `Enclosure: ${enclosure.title}${enclosure.pageCount > 1 ? `, page ${p + 1} of ${enclosure.pageCount}` : ''}`,
          MARGIN.left,
          doc.y,
          { width },
        );
      body();
      if (!enclosure.pageCount) {
        doc
          .moveDown()
          .font('Helvetica-Oblique')
          .text(
            'This document could not be read as a PDF (it is damaged or password-protected). Download it from the case and send it with this packet.',
            { width },
          );
        body();
        continue;
      }
      const top = doc.y + 6;
      const bottom = doc.page.height - MARGIN.bottom - 6;
      slots.push({
        enclosure: e,
        sourcePage: p,
        packetPage: pageNumber() - 1,
        box: { x: MARGIN.left, y: doc.page.height - bottom, width, height: bottom - top },
      });
    }
  });

  // 5. Photographs, one per page, captioned.
  m.photos.forEach((photo, i) => {
    doc.addPage();
    if (i === 0) contents.push({ title: `Clinical photographs (${m.photos.length})`, page: pageNumber() });
    heading(`Photograph ${i + 1} of ${m.photos.length}`);
    const caption =
      `${photo.bodySite}: ${photo.lesionCount} ${photo.lesionCount === 1 ? 'lesion' : 'lesions'}, taken ${photo.takenOn}` +
      (photo.caption ? `. ${photo.caption}` : '');
    field('Body site', photo.bodySite);
    field('Lesion count', String(photo.lesionCount));
    field('Taken', photo.takenOn);
    doc.moveDown(0.5);
    if (photo.image) {
      const top = doc.y;
      const maxHeight = doc.page.height - MARGIN.bottom - top - 40;
      // Placed at a point, pdfkit does not move the cursor: the caption goes under the scaled size.
      const scale = Math.min(width / photo.image.width, maxHeight / photo.image.height);
      const [w, h] = [photo.image.width * scale, photo.image.height * scale];
      doc.image(photo.image.data, MARGIN.left + (width - w) / 2, top, { width: w, height: h });
      doc.y = top + h + 8;
    } else {
      doc.font('Helvetica-Oblique').text('The image file of this photograph is missing from storage.');
    }
    doc
      .font('Helvetica-Oblique')
      .fontSize(9.5)
      .text(`Photograph ${i + 1}: ${caption}`, MARGIN.left, doc.y, {
        width,
        align: 'center',
      });
    body();
  });

  // 6. Clinical notes.
  doc.addPage();
  contents.push({ title: 'Clinical notes', page: pageNumber() });
  heading('Clinical notes');
  if (!m.notes.length) doc.text('No clinical notes are recorded for this case.');
  for (const note of m.notes) {
    if (remaining() < 3 * doc.currentLineHeight(true)) doc.addPage();
    doc.font('Helvetica-Bold').text(note.heading, { width }).font('Helvetica').text(note.text, { width }).moveDown(0.6);
  }

  // Now that the page count is known: the cover's page count, the contents, and every page's
  // running header and footer.
  const total = doc.bufferedPageRange().count;
  doc.switchToPage(0);
  writeAt(doc, () => field('Pages', `${total}, including this cover sheet`), MARGIN.left, pagesY);
  doc.switchToPage(1);
  writeAt(
    doc,
    () => {
      doc.font('Helvetica').fontSize(BODY_SIZE);
      for (const entry of contents) {
        const y = doc.y;
        doc.text(entry.title, MARGIN.left, y, { width: width - 60 });
        const below = doc.y;
        doc.text(`page ${entry.page}`, MARGIN.left, y, { width, align: 'right' });
        doc.y = Math.max(below, doc.y);
      }
    },
    MARGIN.left,
    contentsY,
  );
  for (let i = 0; i < total; i += 1) {
    doc.switchToPage(i);
    drawRunningHeader(doc, m, width);
    drawFooter(doc, m, width, i + 1, total);
  }
  doc.end();
  return { pdf: await done, slots };
}

/** Writes at a fixed place on an already rendered page without letting pdfkit add a page. */
function writeAt(doc: Doc, draw: () => void, x: number, y: number): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.x = x;
  doc.y = y;
  draw();
  doc.page.margins.bottom = bottom;
}

function drawLetterhead(doc: Doc, l: Letterhead | null, width: number): void {
  const top = doc.y;
  if (!l) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor('#666666')
      .text('No letterhead: an administrator sets it under Settings, Clinic profile.', MARGIN.left, top, { width })
      .fillColor('black');
    doc.moveDown(1);
    return;
  }
  let textX = MARGIN.left;
  let logoBottom = top;
  if (l.logo) {
    try {
      doc.image(l.logo, MARGIN.left, top, { fit: [150, 56] });
      textX = MARGIN.left + 166;
      logoBottom = top + 56;
    } catch {
      // A logo pdfkit cannot embed leaves the letterhead as text.
    }
  }
  const textWidth = width - (textX - MARGIN.left);
  doc.font('Helvetica-Bold').fontSize(14).text(l.practiceName, textX, top, { width: textWidth });
  doc.font('Helvetica').fontSize(9.5);
  for (const line of l.addressLines) doc.text(line, textX, doc.y, { width: textWidth });
  doc.text(contactLine(l), textX, doc.y, { width: textWidth });
  if (l.groupNpi || l.taxId) {
    doc.text(
      [l.groupNpi ? `Group NPI ${l.groupNpi}` : '', l.taxId ? `Tax ID ${l.taxId}` : ''].filter(Boolean).join(' · '),
      textX,
      doc.y,
      { width: textWidth },
    );
  }
  const bottom = Math.max(doc.y, logoBottom) + 6;
  doc
    .moveTo(MARGIN.left, bottom)
    .lineTo(MARGIN.left + width, bottom)
    .lineWidth(0.8)
    .strokeColor('#1f3b57')
    .stroke();
  doc.x = MARGIN.left;
  doc.y = bottom + 12;
  doc.font('Helvetica').fontSize(BODY_SIZE);
}

function drawRunningHeader(doc: Doc, m: PacketModel, width: number): void {
  const y = 28;
  writeAt(
    doc,
    () => {
      doc.fontSize(8.5).fillColor('#333333');
      if (m.letterhead) {
        doc
          .font('Helvetica-Bold')
          .text(m.letterhead.practiceName, MARGIN.left, y, { width, continued: true })
          .font('Helvetica')
          .text(`  ·  ${contactLine(m.letterhead)}`);
      } else {
        doc.font('Helvetica-Oblique').text('No letterhead set up', MARGIN.left, y, { width });
      }
      doc
        .font('Helvetica')
        .text(
          `Patient: ${m.patient.name}  ·  DOB: ${m.patient.dateOfBirth}  ·  Member ID: ${m.patient.memberId}  ·  Case: ${m.caseNumber}`,
          MARGIN.left,
          doc.y + 1,
          { width },
        );
      const lineY = doc.y + 4;
      doc
        .moveTo(MARGIN.left, lineY)
        .lineTo(MARGIN.left + width, lineY)
        .lineWidth(0.5)
        .strokeColor('#999999')
        .stroke();
      doc.fillColor('black');
    },
    MARGIN.left,
    y,
  );
}

function drawFooter(doc: Doc, m: PacketModel, width: number, page: number, total: number): void {
  const y = doc.page.height - MARGIN.bottom + 24;
  writeAt(
    doc,
    () => {
      doc.font('Helvetica').fontSize(8.5).fillColor('#333333');
      doc.text(`${m.title}  ·  ${m.caseNumber}`, MARGIN.left, y, { width: width - 90, lineBreak: false });
      doc.font('Helvetica-Bold').text(`Page ${page} of ${total}`, MARGIN.left, y, { width, align: 'right' });
      doc.fillColor('black');
    },
    MARGIN.left,
    y,
  );
}

/** A closing line: the signature block follows it and never parts from it. */
const CLOSING = /^(Sincerely|Respectfully|Regards),?$/;

/**
 * The letter paragraph by paragraph: a heading stays with what follows it, and the last paragraph,
 * the closing and the signature block stay on one page, so no signature stands alone.
 */
function writeLetter(doc: Doc, text: string, width: number): void {
  const paragraphs = text.split(/\n\s*\n/);
  const closingAt = paragraphs.findIndex((p) => CLOSING.test(p.split('\n')[0].trim()));
  const keepFrom = closingAt > 0 ? closingAt - 1 : closingAt;
  const options = { width, lineGap: 1.5 };
  const height = (p: string) => doc.heightOfString(p, options) + doc.currentLineHeight(true) * 0.6;
  const remaining = () => doc.page.height - MARGIN.bottom - doc.y;
  const isHeading = (p: string) => !p.includes('\n') && p.length < 70 && !/[.:;,]$/.test(p.trim());
  doc.font('Helvetica').fontSize(BODY_SIZE);
  const write = (p: string) => {
    const [first, ...rest] = p.split('\n');
    // A section heading (a short first line without punctuation) is set in bold.
    if (rest.length && isHeading(first)) {
      doc.font('Helvetica-Bold').text(first, MARGIN.left, doc.y, options).font('Helvetica');
      doc.text(rest.join('\n'), MARGIN.left, doc.y, options);
    } else {
      doc.text(p, MARGIN.left, doc.y, options);
    }
    doc.moveDown(0.6);
  };
  for (let i = 0; i < paragraphs.length; i += 1) {
    if (i === keepFrom && keepFrom >= 0) {
      const tail = paragraphs.slice(keepFrom).join('\n\n');
      if (height(tail) > remaining() && height(tail) < doc.page.height - MARGIN.top - MARGIN.bottom) doc.addPage();
      for (const p of paragraphs.slice(keepFrom)) write(p);
      return;
    }
    const p = paragraphs[i];
    const next = paragraphs[i + 1];
    // A heading with at least three lines of its section; any paragraph's first three lines.
    const needed =
      isHeading(p) && next !== undefined
        ? height(p) + Math.min(height(next), 3 * doc.currentLineHeight(true))
        : Math.min(height(p), 3 * doc.currentLineHeight(true));
    if (needed > remaining()) doc.addPage();
    write(p);
  }
}
