import { grayscale, PDFDocument } from 'pdf-lib';
import type { EnclosureSlot } from './packet-pdf';

/**
 * A payer document as pdf-lib reads it, or null when it cannot be enclosed: damaged, or
 * password-protected (its pages could not be drawn without the password).
 */
export async function readEnclosure(pdf: Buffer): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    return doc.getPageCount() > 0 ? doc : null;
  } catch {
    return null;
  }
}

/**
 * Draws each enclosed page, scaled to fit and centred, into the slot the packet's layout reserved
 * for it, under the packet's own running header and footer: the enclosure is part of the packet's
 * page count, not a second file stapled behind it.
 */
export async function embedEnclosures(
  packet: Buffer,
  slots: readonly EnclosureSlot[],
  enclosures: readonly (PDFDocument | null)[],
): Promise<Buffer> {
  if (!slots.length) return packet;
  const out = await PDFDocument.load(packet, { updateMetadata: false });
  for (const [index, source] of enclosures.entries()) {
    const mine = slots.filter((s) => s.enclosure === index);
    if (!source || !mine.length) continue;
    const embedded = await out.embedPdf(
      source,
      mine.map((s) => s.sourcePage),
    );
    mine.forEach((slot, i) => {
      const page = embedded[i];
      const scale = Math.min(slot.box.width / page.width, slot.box.height / page.height, 1);
      const [width, height] = [page.width * scale, page.height * scale];
      const target = out.getPage(slot.packetPage);
      const x = slot.box.x + (slot.box.width - width) / 2;
      const y = slot.box.y + slot.box.height - height;
      target.drawPage(page, { x, y, width, height });
      target.drawRectangle({ x, y, width, height, borderWidth: 0.5, borderColor: grayscale(0.6) });
    });
  }
  return Buffer.from(await out.save());
}
