import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Fhir } from 'fhir';
// The package's index re-exports this enum's type but not its value, so it comes from its module.
import { Severities } from 'fhir/validator';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { CaseProcedureLine } from '../cases/case-procedure-line.entity';
import { PreauthCase } from '../cases/preauth-case.entity';
import { TransitionCaseDto } from '../cases/dto/case-input.dto';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { LettersService } from '../letters/letters.service';
import { FieldError, locateClaimResponse, readClaimResponse } from './claim-response';
import { buildPasBundle } from './pas-bundle';
import { NotFoundError } from '../../common/app-errors';

/** A UUID derived from a name (RFC 4122 version 5 layout over SHA-256), so re-exports reuse ids. */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function malformed(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'malformed_claim_response',
    message: `The ClaimResponse cannot be recorded: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
    errors,
  });
}

const clip = (text: string | null, max: number) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

@Injectable()
export class FhirService {
  private validator?: Fhir;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly letters: LettersService,
    private readonly transitions: CaseTransitionsService,
  ) {}

  async exportBundle(caseId: string, ctx: RequestContext): Promise<Record<string, unknown>> {
    const now = new Date();
    const dossier = await this.letters.dossier(caseId);
    const signed = [
      await this.letters.latestSigned(caseId, 'medical_necessity'),
      await this.letters.latestSigned(caseId, 'appeal'),
    ].filter((l): l is NonNullable<typeof l> => l !== null);
    const bundle = buildPasBundle({
      dossier,
      letters: signed,
      timeZone: this.config.clinicTimeZone,
      now,
      idFor: (kind, key) => nameBasedUuid(`preauth:${kind}:${key}`),
    });
    await this.audit.record(
      {
        action: 'export',
        objectType: 'fhir_bundle',
        objectId: caseId,
        caseId,
        patientId: dossier.patient.id,
        detail: { letters: signed.map((l) => l.id), photos: dossier.photos.length },
      },
      ctx,
    );
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
    const row = await this.dataSource
      .getRepository(PreauthCase)
      .findOne({ where: { id: caseId }, select: { id: true, caseNumber: true } });
    if (!row) throw new NotFoundError('No such case.');
    const lines = await this.dataSource
      .getRepository(CaseProcedureLine)
      .find({ where: { caseId }, order: { position: 'ASC' } });
    const read = readClaimResponse(
      body,
      lines.map((l) => l.units),
      row.caseNumber,
    );
    if ('errors' in read) throw malformed(read.errors);
    const located = locateClaimResponse(body);
    if (!('errors' in located)) {
      const structural = this.validateStructure(located.resource, located.prefix);
      if (structural.length) throw malformed(structural);
    }
    const d = read.decision;
    const created = d.created ? new Date(d.created) : null;
    const dto: TransitionCaseDto = {
      to: d.to,
      note: clip(d.note, 5000),
      ...(d.authorizationNumber ? { authorizationNumber: d.authorizationNumber } : {}),
      ...(d.validFrom ? { validFrom: d.validFrom, validTo: d.validTo } : {}),
      ...(d.approvedUnits !== null ? { approvedUnits: d.approvedUnits } : {}),
      ...(d.denialCode ? { denialCode: d.denialCode, denialText: clip(d.denialText, 5000) } : {}),
      // The payer's decision date drives the clocks; a clock skewed into the future is ignored.
      ...(created && !Number.isNaN(created.getTime()) && created.getTime() <= Date.now()
        ? { occurredAt: created.toISOString() }
        : {}),
    };
    return this.transitions.transition(caseId, dto, expectedVersion, ctx);
  }
}
