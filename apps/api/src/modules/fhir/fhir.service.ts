import { BadRequestException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { approvalEndedBeforeRequest, findAnsweredEvent, toLocalDate, type AnsweredEvent } from '@preauth/domain';
import { Fhir } from 'fhir';
// The package's index re-exports this enum's type but not its value, so it comes from its module.
import { Severities } from 'fhir/validator';
import { buffer } from 'node:stream/consumers';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, StaleVersionError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { insertAuditEvent } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseEvent } from '../cases/case-event.entity';
import { loadCaseForUpdate, snapshotOf } from '../cases/case-loader';
import { CaseProcedureLine } from '../cases/case-procedure-line.entity';
import { applyCaseTransition } from '../cases/case-transition.command';
import { CasesService } from '../cases/cases.service';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { PreauthCase } from '../cases/preauth-case.entity';
import { PHOTO_STORAGE, type PhotoStorage } from '../evidence/photo-storage';
import { LettersService } from '../letters/letters.service';
import { readClaimResponse, type ClaimResponseDecision } from './claim-response';
import { findCaseOfClaim, insertExchange, recordIssuedClaims } from './fhir-exchange.repository';
import { buildPasBundle, defaultPurpose, purposeRefusal, type RequestPurpose } from './pas-bundle';
import { LEGACY_CASE_NUMBER_SYSTEM, nameBasedUuid, PAS_TRN_SYSTEM, uuidOf } from './pas-identity';
import { locateClaimResponse, type FieldError } from './pas-response-locate';

function malformed(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'malformed_claim_response',
    message: `The ClaimResponse cannot be recorded: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
    errors,
  });
}

/**
 * Attachments an electronic request may carry, before base64. Payers' gateways commonly stop
 * near 25 MB per message; base64 makes 20 MiB of files about 27 MB of JSON.
 */
export const PAS_ATTACHMENT_LIMIT_BYTES = 20 * 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const clip = (text: string | null, max: number) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * When the payer decided (ClaimResponse.created), if that can be the time of the answer: not in
 * the future and not before the event it answers. Otherwise the answer is dated when recorded.
 */
function payerDecisionTime(created: string | null, answers: AnsweredEvent | null, now: Date): string | null {
  const at = created ? new Date(created) : null;
  if (!at || Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) return null;
  if (answers && at.getTime() < new Date(answers.at).getTime()) return null;
  return at.toISOString();
}

/** What the answer meant, kept beside it (the body is kept as the payer sent it). */
const summarize = (d: ClaimResponseDecision): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({
      to: d.to,
      actions: d.actions,
      authorizationNumber: d.authorizationNumber,
      validFrom: d.validFrom,
      validTo: d.validTo,
      approvedUnits: d.approvedUnits,
      denialCode: d.denialCode,
      payerReason: d.payerReason,
      pendingReference: d.pendingReference,
      payerErrors: d.payerErrors.length ? d.payerErrors : null,
      request: d.request,
    }).filter(([, v]) => v !== null),
  );

@Injectable()
export class FhirService {
  private validator?: Fhir;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly letters: LettersService,
    private readonly cases: CasesService,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  async exportBundle(
    caseId: string,
    requestedPurpose: RequestPurpose | undefined,
    ctx: RequestContext,
  ): Promise<Record<string, unknown>> {
    const now = new Date();
    const dossier = await this.letters.dossier(caseId);
    const { row } = dossier.loaded;
    const purpose = requestedPurpose ?? defaultPurpose(row.status);
    const refusal = purposeRefusal(purpose, row.status, row.firstSubmittedAt !== null);
    if (refusal)
      throw new UnprocessableEntityException({ statusCode: 422, code: 'purpose_not_allowed', message: refusal });
    const signed = [
      await this.letters.latestSigned(caseId, 'medical_necessity'),
      await this.letters.latestSigned(caseId, 'appeal'),
    ].filter((l): l is NonNullable<typeof l> => l !== null);
    const letterBytes = signed.reduce((sum, l) => sum + Buffer.byteLength(l.text, 'utf8'), 0);
    const photoBytes = dossier.photos.reduce((sum, p) => sum + p.byteSize, 0);
    // Checked before reading a byte: a payer's endpoint refuses what it cannot take anyway.
    if (letterBytes + photoBytes > PAS_ATTACHMENT_LIMIT_BYTES) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'bundle_too_large',
        message: `The photos and letters of this case come to ${megabytes(letterBytes + photoBytes)}; an electronic request carries at most ${megabytes(PAS_ATTACHMENT_LIMIT_BYTES)}. Delete photos that are not needed (or send them by the payer's portal) and try again.`,
        attachmentBytes: letterBytes + photoBytes,
        limitBytes: PAS_ATTACHMENT_LIMIT_BYTES,
      });
    }
    const photos = await Promise.all(
      dossier.photos.map(async (p) => {
        const file = await this.storage.get(p.storageKey);
        if (!file)
          throw new ConflictError(
            `The file of the photo "${p.bodySite}" is missing; delete the photo or upload it again.`,
            'photo_missing',
          );
        return { id: p.id, data: (await buffer(file.stream)).toString('base64') };
      }),
    );
    const { bundle, claims } = buildPasBundle({
      dossier,
      letters: signed,
      photos,
      purpose,
      timeZone: this.config.clinicTimeZone,
      now,
      idFor: (kind, key) => nameBasedUuid(`preauth:${kind}:${key}`),
    });
    await this.dataSource.transaction(async (manager) => {
      // The Claim ids a payer's answer may name (ClaimResponse.request), each tied to this case.
      await recordIssuedClaims(
        manager,
        claims.map((c) => ({ ...c, caseId })),
      );
      await insertAuditEvent(
        manager,
        {
          action: 'export',
          objectType: 'fhir_bundle',
          objectId: caseId,
          caseId,
          patientId: dossier.patient.id,
          detail: {
            purpose,
            claimId: claims[0].claimId,
            letters: signed.map((l) => l.id),
            photos: dossier.photos.length,
          },
        },
        ctx,
      );
    });
    return bundle;
  }

  /** Structural problems of a resource against the FHIR R4 definitions (errors only). */
  validateStructure(resource: Record<string, unknown>, prefix = ''): FieldError[] {
    this.validator ??= new Fhir();
    const result = this.validator.validate(resource, { errorOnUnexpected: false });
    return (result.messages ?? [])
      .filter((m) => m.severity === Severities.Error)
      .map((m) => ({
        field: `${prefix}${(m.location ?? '').replace(/^[A-Za-z]+\.?/, '') || '(resource)'}`,
        reason: m.message ?? 'is invalid',
      }));
  }

  async importClaimResponse(
    caseId: string,
    body: unknown,
    expectedVersion: number,
    ctx: RequestContext,
  ): Promise<CaseDetailDto> {
    const d = await this.readAnswer(caseId, body);
    await this.dataSource.transaction((manager) => this.recordAnswer(manager, caseId, d, body, expectedVersion, ctx));
    return this.cases.get(caseId, ctx, false);
  }

  /** What a payer's answer means for this case; 400 naming the element when it cannot be read. */
  async readAnswer(caseId: string, body: unknown): Promise<ClaimResponseDecision> {
    const row = await this.dataSource
      .getRepository(PreauthCase)
      .findOne({ where: { id: caseId }, select: { id: true, caseNumber: true } });
    if (!row) throw new NotFoundError('No such case.');
    const lines = await this.dataSource
      .getRepository(CaseProcedureLine)
      .find({ where: { caseId }, order: { position: 'ASC' } });
    const located = locateClaimResponse(body);
    if ('errors' in located) throw malformed(located.errors);
    const structural = this.validateStructure(located.resource, located.prefix);
    if (structural.length) throw malformed(structural);
    const read = readClaimResponse(
      body,
      lines.map((l) => l.units),
    );
    if ('errors' in read) throw malformed(read.errors);
    const d = read.decision;
    const mismatch = await this.requestMismatch(caseId, row.caseNumber, d);
    if (mismatch.length) throw malformed(mismatch);
    return d;
  }

  /**
   * Records the answer inside the caller's transaction: the transition it means (through the
   * same code as a manual one) or a payer_response event, and the answer itself.
   */
  async recordAnswer(
    manager: EntityManager,
    caseId: string,
    d: ClaimResponseDecision,
    body: unknown,
    expectedVersion: number,
    ctx: RequestContext<Pick<AuthUser, 'id' | 'roles'>>,
  ): Promise<void> {
    const now = new Date();
    const { loaded } = await loadCaseForUpdate(manager, caseId);
    if (loaded.row.version !== expectedVersion) throw StaleVersionError.ofCase(loaded.row.version);
    const occurredAt = payerDecisionTime(d.created, findAnsweredEvent(snapshotOf(loaded)), now);
    const sentOn = toLocalDate(loaded.row.firstSubmittedAt ?? now, this.config.clinicTimeZone);
    const warning =
      d.to === 'approved' || d.to === 'partially_approved' ? approvalEndedBeforeRequest(d.validTo, sentOn) : null;
    if (d.to) {
      await applyCaseTransition(manager, {
        caseId,
        to: d.to,
        input: {
          note: clip(warning ? `${warning}\n\n${d.note ?? ''}` : d.note, 5000),
          ...(d.authorizationNumber ? { authorizationNumber: d.authorizationNumber } : {}),
          ...(d.validFrom ? { validFrom: d.validFrom, validTo: d.validTo } : {}),
          ...(d.approvedUnits !== null ? { approvedUnits: d.approvedUnits } : {}),
          ...(d.denialCode ? { denialCode: d.denialCode } : {}),
          ...(d.payerReason ? { payerReason: clip(d.payerReason, 500) } : {}),
          ...(d.to === 'denied' ? { denialText: clip(d.denialText, 5000) } : {}),
          ...(occurredAt ? { occurredAt } : {}),
        },
        expectedVersion,
        actor: ctx,
        timeZone: this.config.clinicTimeZone,
        now,
      });
    } else {
      // Pended, cancelled, not required or an error: the status stays; the answer goes on the
      // timeline so whoever opens the case sees it (and, for an error, what to fix).
      await manager.getRepository(CaseEvent).insert({
        caseId,
        type: 'payer_response',
        actorId: ctx.user.id,
        note: clip(d.note, 5000),
        data: {
          kind: d.kind,
          ...(d.claimResponseId ? { claimResponseId: d.claimResponseId } : {}),
          ...(d.actions.length ? { actions: d.actions } : {}),
          ...(d.pendingReference ? { pendingReference: d.pendingReference } : {}),
          ...(d.payerErrors.length ? { payerErrors: d.payerErrors } : {}),
        },
        occurredAt: occurredAt ? new Date(occurredAt) : now,
      });
      await insertAuditEvent(
        manager,
        {
          action: 'update',
          objectType: 'case',
          objectId: caseId,
          caseId,
          patientId: loaded.row.patientId,
          detail: { payerResponse: d.kind },
        },
        ctx,
      );
    }
    await insertExchange(manager, {
      caseId,
      direction: 'inbound',
      kind: d.kind,
      resourceId: d.claimResponseId,
      summary: { ...summarize(d), ...(warning ? { warning } : {}) },
      body,
      actorId: ctx.user.id,
    });
  }

  /** Reasons the answer names another request than this case's, with the element naming it. */
  private async requestMismatch(caseId: string, caseNumber: string, d: ClaimResponseDecision): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const id of d.request.identifiers) {
      const ours = id.system === PAS_TRN_SYSTEM || id.system === LEGACY_CASE_NUMBER_SYSTEM;
      if (ours && id.value !== caseNumber && !id.value.startsWith(`${caseNumber}-`))
        errors.push({
          field: `${d.prefix}${id.field}`,
          reason: `names the request ${id.value}, not this case (${caseNumber})`,
        });
    }
    const uuid = d.request.reference ? uuidOf(d.request.reference) : null;
    const owner = uuid ? await findCaseOfClaim(this.dataSource.manager, uuid) : null;
    if (owner && owner !== caseId)
      errors.push({
        field: `${d.prefix}request.reference`,
        reason: `names the request of another case, not this case (${caseNumber})`,
      });
    return errors;
  }
}
