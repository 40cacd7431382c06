import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  computeDeadlines,
  icd10Descriptions,
  PACKET_PURPOSE_TITLES,
  PAYER_DOCUMENT_KIND_LABELS,
  packetPurpose,
  selectPacketDocuments,
  PLAN_TYPE_LABELS,
  STATUS_LABELS,
  toLocalDate,
  type PacketPurpose,
} from '@preauth/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import sharp from 'sharp';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { ClinicProfileService } from '../clinic-profile/clinic-profile.service';
import { CarcDescriptionsService } from '../codes/carc-descriptions.service';
import { listCaseDocuments, readCaseDocumentContent } from '../correspondence/case-document.query';
import type { CasePhoto } from '../evidence/case-photo.entity';
import { imageDecodeQueue } from '../evidence/image-decode-queue';
import { LocalPhotoStorage } from '../evidence/local-photo-storage';
import { PHOTO_STORAGE, type PhotoStorage } from '../evidence/photo-storage';
import { providerDisplayName } from '../providers/providers.service';
import { CaseDossier, dossierSnapshot } from './case-dossier';
import type { LetterDto } from './dto/letter.dto';
import { describeDiagnosis, describeProcedure, formatLetterDate, formatSignedAt } from './letter-text';
import { LettersService } from './letters.service';
import { embedEnclosures, readEnclosure } from './packet-enclosures';
import { renderPacket } from './packet-pdf';

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
 * The packet for the payer: one PDF, ready to fax or upload to a portal, titled by what it is at
 * this point of the case (request, answer to an information request, appeal level, external
 * review). Layout in packet-pdf.ts.
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
    private readonly clinic: ClinicProfileService,
    private readonly carc: CarcDescriptionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const { pdf, purpose, documents } = await this.render(dossier, signed, images, now);
    await this.audit.record(
      {
        action: 'export',
        objectType: 'appeal_packet',
        objectId: caseId,
        caseId,
        patientId: dossier.patient.id,
        detail: {
          purpose,
          letters: signed.map((l) => l.id),
          payerDocuments: documents,
          photos: dossier.photos.length,
          notes: dossier.notes.length,
        },
      },
      ctx,
    );
    return { fileName: `${dossier.loaded.row.caseNumber}-packet.pdf`, pdf };
  }

  /** The photo as JPEG (PDF embeds JPEG and PNG; stored photos may be WebP), or null if its file is gone. */
  private async loadImage(
    photo: Pick<CasePhoto, 'storageKey' | 'width' | 'height'>,
  ): Promise<{ data: Buffer; width: number; height: number } | null> {
    try {
      // Decoded under the same pixel budget as uploads: a case may hold many large photos.
      return await imageDecodeQueue.run(photo.width * photo.height, async () => {
        const file = await this.photoStorage().get(photo.storageKey);
        if (!file) return null;
        const { data, info } = await sharp(await readAll(file.stream))
          .rotate()
          .jpeg({ quality: 85 })
          .toBuffer({ resolveWithObject: true });
        return { data, width: info.width, height: info.height };
      });
    } catch (error) {
      this.logger.warn({ type: (error as Error)?.name ?? 'error' }, 'photo unreadable for the packet');
      return null;
    }
  }

  private async render(
    d: CaseDossier,
    letters: LetterDto[],
    images: ({ data: Buffer; width: number; height: number } | null)[],
    now: Date,
  ): Promise<{ pdf: Buffer; purpose: PacketPurpose; documents: string[] }> {
    const tz = this.config.clinicTimeZone;
    const { row, lines } = d.loaded;
    const snapshot = dossierSnapshot(d);
    const purpose = packetPurpose({
      status: row.status,
      appealLevel: row.appealLevel,
      maxInternalAppealLevels: d.rule.maxInternalAppealLevels,
      infoRequestedAt: snapshot.infoRequestedAt,
      submittedAt: snapshot.submittedAt,
      externalReviewAt: snapshot.externalReviewAt,
    });
    const localDate = (at: Date) => formatLetterDate(toLocalDate(at, tz));
    const summary: [string, string][] = [
      ['Patient', `${d.patient.firstName} ${d.patient.lastName}`],
      ['Date of birth', formatLetterDate(d.patient.dateOfBirth)],
      ['Member ID', d.patient.memberId ?? 'not on file'],
      ['Payer', `${d.payer.name} (${PLAN_TYPE_LABELS[d.payer.planType]})`],
      ['Ordering physician', `${providerDisplayName(d.provider)}, NPI ${d.provider.npi}`],
      ['Status', STATUS_LABELS[row.status]],
    ];
    if (row.payerReference) summary.push(['Payer reference', row.payerReference]);
    if (row.authorizationNumber) summary.push(['Authorization number', row.authorizationNumber]);
    if (row.submittedAt) summary.push(['Submitted', localDate(row.submittedAt)]);
    if (row.denialCode) {
      const description = await this.carc.describe(row.denialCode);
      summary.push([
        'Denial',
        `${row.denialCode}${description ? ` (${description})` : ''}${row.deniedAt ? ` on ${localDate(row.deniedAt)}` : ''}`,
      ]);
      if (row.denialText) summary.push(['Payer wording', row.denialText]);
    }
    if (row.appealLevel > 0) summary.push(['Appeal level filed', String(row.appealLevel)]);
    for (const clock of computeDeadlines(snapshot, d.rule, { now, timeZone: tz }).clocks) {
      summary.push([clock.label, formatLetterDate(clock.dueDate)]);
    }
    // An appeal or review leads with its appeal letter; a request sends the letter of medical necessity alone.
    const isAppeal = purpose !== 'preauthorization_request' && purpose !== 'information_response';
    const included = letters
      .filter((l) => isAppeal || l.kind === 'medical_necessity')
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'appeal' ? -1 : 1));
    const enclosed = selectPacketDocuments(purpose, await listCaseDocuments(this.dataSource.manager, row.id));
    const sources = await Promise.all(
      enclosed.map(async (e) => readEnclosure(await readCaseDocumentContent(this.dataSource.manager, e.id))),
    );
    const rendered = await renderPacket({
      title: PACKET_PURPOSE_TITLES[purpose],
      generatedAt: formatSignedAt(now, tz),
      caseNumber: row.caseNumber,
      patient: {
        name: `${d.patient.firstName} ${d.patient.lastName}`,
        dateOfBirth: formatLetterDate(d.patient.dateOfBirth),
        memberId: d.patient.memberId ?? 'not on file',
      },
      payer: { name: d.payer.name, fax: d.payer.fax, phone: d.payer.phone },
      physician: { name: providerDisplayName(d.provider), npi: d.provider.npi },
      letterhead: await this.clinic.letterhead(),
      summary,
      diagnoses: row.diagnoses.map((code) => `ICD-10-CM ${describeDiagnosis(code, icd10Descriptions(d.loaded.icd10))}`),
      procedures: lines.map(
        (l) =>
          `${describeProcedure(l.cptCode)}: ${l.units} ${l.units === 1 ? 'unit' : 'units'}, ${l.bodySite}, ${l.lesionCount} ${l.lesionCount === 1 ? 'lesion' : 'lesions'}`,
      ),
      letters: included.map((letter) => ({
        title: `${LETTER_TITLES[letter.kind]} (version ${letter.version})`,
        text: letter.text,
        footnote:
          // Letters signed since signatures carry the signer's NPI end with their own "Electronically
          // signed by" line (inside the hashed text); older ones get it here, from the record.
          `${letter.signer ? '' : `Electronically signed by ${letter.signedBy?.name ?? 'unknown'} on ${letter.signedAt ? formatSignedAt(new Date(letter.signedAt), tz) : 'unknown date'}. `}` +
          `SHA-256 of the signed text: ${letter.textSha256 ?? ''}` +
          `${letter.signatureMethod ? ` (signer re-authenticated by ${letter.signatureMethod === 'totp' ? 'authenticator code' : 'password'})` : ''}`,
      })),
      enclosures: enclosed.map((e, i) => ({
        title: `${PAYER_DOCUMENT_KIND_LABELS[e.kind]} from ${d.payer.name}, received ${formatLetterDate(e.receivedOn)}`,
        pageCount: sources[i]?.getPageCount() ?? 0,
      })),
      noLetter: 'No signed letter is on file for this case yet.',
      photos: d.photos.map((photo, i) => ({
        bodySite: photo.bodySite,
        lesionCount: photo.lesionCount,
        takenOn: localDate(photo.takenAt),
        caption: photo.caption,
        image: images[i],
      })),
      notes: d.notes
        .filter((n) => n.kind === 'clinical_note')
        .map((note) => ({
          heading: `${note.authorName ?? 'Unknown author'}, ${localDate(note.createdAt)}${note.version > 1 ? ` (version ${note.version})` : ''}`,
          text: note.text,
        })),
      creationDate: now,
    });
    const pdf = await embedEnclosures(rendered.pdf, rendered.slots, sources);
    return { pdf, purpose, documents: enclosed.map((e) => e.id) };
  }
}
