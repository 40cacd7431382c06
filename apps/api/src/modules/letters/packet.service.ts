import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  computeDeadlines,
  findCarcCode,
  icd10Descriptions,
  PLAN_TYPE_LABELS,
  STATUS_LABELS,
  toLocalDate,
} from '@preauth/domain';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import type { CasePhoto } from '../evidence/case-photo.entity';
import { imageDecodeQueue } from '../evidence/image-decode-queue';
import { LocalPhotoStorage } from '../evidence/local-photo-storage';
import { PHOTO_STORAGE, type PhotoStorage } from '../evidence/photo-storage';
import { providerDisplayName } from '../providers/providers.service';
import { CaseDossier, dossierSnapshot } from './case-dossier';
import type { LetterDto } from './dto/letter.dto';
import { describeDiagnosis, describeProcedure, formatLetterDate, formatSignedAt } from './letter-text';
import { LettersService } from './letters.service';

const LETTER_TITLES: Record<string, string> = {
  medical_necessity: 'Letter of medical necessity',
  appeal: 'Appeal letter',
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export interface Packet {
  fileName: string;
  pdf: Buffer;
}

/**
 * The appeal packet: one PDF with the case summary, the signed letters, every photo (with body
 * site, lesion count and date) and the clinical notes, ready to fax or upload to a payer portal.
 */
@Injectable()
export class PacketService {
  private readonly logger = new Logger(PacketService.name);
  private storage?: PhotoStorage;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly audit: AuditService,
    private readonly letters: LettersService,
  ) {}

  private photoStorage(): PhotoStorage {
    if (!this.storage) {
      try {
        // The evidence module owns the storage; reuse its instance when it is loaded.
        this.storage = this.moduleRef.get<PhotoStorage>(PHOTO_STORAGE, { strict: false });
      } catch {
        this.storage = new LocalPhotoStorage(this.config.uploadDir);
      }
    }
    return this.storage;
  }

  async build(caseId: string, ctx: RequestContext): Promise<Packet> {
    const now = new Date();
    const dossier = await this.letters.dossier(caseId);
    const signed = [
      await this.letters.latestSigned(caseId, 'appeal'),
      await this.letters.latestSigned(caseId, 'medical_necessity'),
    ].filter((l): l is LetterDto => l !== null);
    const images = await Promise.all(dossier.photos.map((p) => this.loadImage(p)));
    const pdf = await this.render(dossier, signed, images, now);
    await this.audit.record(
      {
        action: 'export',
        objectType: 'appeal_packet',
        objectId: caseId,
        caseId,
        patientId: dossier.patient.id,
        detail: { letters: signed.map((l) => l.id), photos: dossier.photos.length, notes: dossier.notes.length },
      },
      ctx,
    );
    return { fileName: `${dossier.loaded.row.caseNumber}-packet.pdf`, pdf };
  }

  /** The photo as JPEG (PDF embeds JPEG and PNG; stored photos may be WebP), or null if its file is gone. */
  private async loadImage(photo: Pick<CasePhoto, 'storageKey' | 'width' | 'height'>): Promise<Buffer | null> {
    try {
      // Decoded under the same pixel budget as uploads: a case may hold many large photos.
      return await imageDecodeQueue.run(photo.width * photo.height, async () => {
        const file = await this.photoStorage().get(photo.storageKey);
        if (!file) return null;
        return await sharp(await readAll(file.stream))
          .rotate()
          .jpeg({ quality: 85 })
          .toBuffer();
      });
    } catch (error) {
      this.logger.warn({ type: (error as Error)?.name ?? 'error' }, 'photo unreadable for the packet');
      return null;
    }
  }

  private render(d: CaseDossier, letters: LetterDto[], images: (Buffer | null)[], now: Date): Promise<Buffer> {
    const tz = this.config.clinicTimeZone;
    const { row, lines } = d.loaded;
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 54,
      info: {
        Title: `Appeal packet ${row.caseNumber}`,
        Author: providerDisplayName(d.provider),
        Subject: 'Pre-authorization appeal packet',
        CreationDate: now,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    const heading = (text: string) =>
      doc.font('Helvetica-Bold').fontSize(15).text(text).moveDown(0.4).font('Helvetica').fontSize(10.5);
    const field = (label: string, value: string) =>
      doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

    // 1. Case summary.
    heading(`Appeal packet: case ${row.caseNumber}`);
    field('Patient', `${d.patient.firstName} ${d.patient.lastName}`);
    field('Date of birth', formatLetterDate(d.patient.dateOfBirth));
    field('Member ID', d.patient.memberId ?? 'not on file');
    field('Payer', `${d.payer.name} (${PLAN_TYPE_LABELS[d.payer.planType]})`);
    field('Physician', `${providerDisplayName(d.provider)}, NPI ${d.provider.npi}`);
    field('Status', STATUS_LABELS[row.status]);
    if (row.payerReference) field('Payer reference', row.payerReference);
    if (row.authorizationNumber) field('Authorization number', row.authorizationNumber);
    if (row.submittedAt) field('Submitted', formatLetterDate(toLocalDate(row.submittedAt, tz)));
    if (row.denialCode) {
      const carc = findCarcCode(row.denialCode);
      field(
        'Denial',
        `${row.denialCode}${carc ? ` (${carc.description})` : ''}${row.deniedAt ? ` on ${formatLetterDate(toLocalDate(row.deniedAt, tz))}` : ''}`,
      );
      if (row.denialText) field('Payer wording', row.denialText);
    }
    if (row.appealLevel > 0) field('Appeal level filed', String(row.appealLevel));
    const clocks = computeDeadlines(dossierSnapshot(d), d.rule, { now, timeZone: tz }).clocks;
    for (const clock of clocks) field(clock.label, formatLetterDate(clock.dueDate));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text('Diagnoses').font('Helvetica');
    const descriptions = icd10Descriptions(d.loaded.icd10);
    for (const code of row.diagnoses) doc.text(`- ICD-10-CM ${describeDiagnosis(code, descriptions)}`);
    doc.font('Helvetica-Bold').text('Procedures').font('Helvetica');
    for (const l of lines)
      doc.text(`- ${describeProcedure(l.cptCode)}: ${l.units} unit(s), ${l.bodySite}, ${l.lesionCount} lesion(s)`);
    doc.moveDown(0.5);
    doc.text(
      `Contents: ${letters.length ? letters.map((l) => `${LETTER_TITLES[l.kind]} (version ${l.version})`).join(', ') : 'no signed letter'}; ` +
        `${d.photos.length} photograph(s); ${d.notes.filter((n) => n.kind === 'clinical_note').length} clinical note(s).`,
    );

    // 2. Signed letters: the frozen text and its signature.
    if (!letters.length) {
      doc.moveDown().font('Helvetica-Oblique').text('No signed letter is on file for this case yet.').font('Helvetica');
    }
    for (const letter of letters) {
      doc.addPage();
      heading(`${LETTER_TITLES[letter.kind]} (version ${letter.version})`);
      doc.text(letter.text, { lineGap: 1.5 });
      doc
        .moveDown()
        .font('Helvetica-Oblique')
        .fontSize(9)
        .text(
          // Letters signed since signatures carry the signer's NPI end with their own "Electronically
          // signed by" line (inside the hashed text); older ones get it here, from the record.
          `${letter.signer ? '' : `Electronically signed by ${letter.signedBy?.name ?? 'unknown'} on ${letter.signedAt ? formatSignedAt(new Date(letter.signedAt), tz) : 'unknown date'}. `}` +
            `SHA-256 of the signed text: ${letter.textSha256 ?? ''}` +
            `${letter.signatureMethod ? ` (signer re-authenticated by ${letter.signatureMethod === 'totp' ? 'authenticator code' : 'password'})` : ''}`,
        )
        .font('Helvetica')
        .fontSize(10.5);
    }

    // 3. Photographs, one per page with their caption.
    d.photos.forEach((photo, i) => {
      doc.addPage();
      heading(`Photograph ${i + 1} of ${d.photos.length}`);
      field('Body site', photo.bodySite);
      field('Lesion count', String(photo.lesionCount));
      field('Taken', formatLetterDate(toLocalDate(photo.takenAt, tz)));
      if (photo.caption) field('Caption', photo.caption);
      doc.moveDown(0.5);
      const image = images[i];
      if (image) doc.image(image, { fit: [doc.page.width - 108, doc.page.height - doc.y - 72], align: 'center' });
      else
        doc
          .font('Helvetica-Oblique')
          .text('The image file of this photograph is missing from storage.')
          .font('Helvetica');
    });

    // 4. Clinical notes (current versions).
    const notes = d.notes.filter((n) => n.kind === 'clinical_note');
    doc.addPage();
    heading('Clinical notes');
    if (!notes.length) doc.text('No clinical notes are recorded for this case.');
    for (const note of notes) {
      doc
        .font('Helvetica-Bold')
        .text(
          `${note.authorName ?? 'Unknown author'}, ${formatLetterDate(toLocalDate(note.createdAt, tz))}${note.version > 1 ? ` (version ${note.version})` : ''}`,
        )
        .font('Helvetica')
        .text(note.text)
        .moveDown(0.6);
    }

    doc.end();
    return done;
  }
}
