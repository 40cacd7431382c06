import {
  BadGatewayException,
  BadRequestException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertTransition } from '@preauth/domain';
import { importPKCS8 } from 'jose';
import { DataSource } from 'typeorm';
import { NotFoundError, StaleVersionError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { insertAuditEvent } from '../audit/audit.service';
import { loadCaseForUpdate, REQUIRE_EVIDENCE, snapshotOf } from '../cases/case-loader';
import { applyCaseTransition } from '../cases/case-transition.command';
import { CasesService } from '../cases/cases.service';
import { CaseDetailDto } from '../cases/dto/case-output.dto';
import { SecretsService } from '../secrets/secrets.service';
import { PasEndpointDto, PasEndpointSettingsDto, PutPasEndpointDto } from './dto/pas-endpoint.dto';
import { CaseFhirExchangesDto, FhirExchangeDto, PayerErrorDto } from './dto/fhir-exchange.dto';
import {
  findCasePayerEndpoint,
  findPasEndpoint,
  insertExchange,
  listExchanges,
  type ExchangeListItem,
} from './fhir-exchange.repository';
import { FhirService } from './fhir.service';
import { PasInquiryJob } from './pas-inquiry.job';
import { PasSubscriptionService } from './pas-subscription.service';
import { PAS_SIGNING_ALG, PayerUnavailableError, submitToPayer, type PasEndpoint } from './pas-client';

/** How long the desk is asked to wait before sending again when the payer is down. */
export const PAYER_RETRY_AFTER_SECONDS = 300;

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

function checkUrl(field: string, value: string): void {
  // Credentials and PHI travel on it: HTTPS, except to this machine (a local gateway, tests).
  let ok: boolean;
  try {
    const url = new URL(value);
    ok = url.protocol === 'https:' || LOOPBACK.test(url.href);
  } catch {
    ok = false;
  }
  if (!ok) throw new BadRequestException(`${field} must be an https:// URL`);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** What the desk sees of a kept exchange: its summary's known fields, never the body (PHI). */
function toExchangeDto(row: ExchangeListItem): FhirExchangeDto {
  const s = row.summary;
  return {
    id: row.id,
    direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
    kind: row.kind,
    at: row.createdAt.toISOString(),
    httpStatus: num(s.httpStatus),
    elapsedMs: num(s.elapsedMs),
    outcome: text(s.to),
    authorizationNumber: text(s.authorizationNumber),
    payerReason: text(s.payerReason),
    pendingReference: text(s.pendingReference),
    payerErrors: Array.isArray(s.payerErrors) ? (s.payerErrors as PayerErrorDto[]) : [],
    error: text(s.error),
    warning: text(s.warning),
  };
}

/** The live Da Vinci PAS exchange with a payer: its endpoint, and sending a case to Claim/$submit. */
@Injectable()
export class PasExchangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretsService,
    private readonly fhir: FhirService,
    private readonly cases: CasesService,
    private readonly inquiries: PasInquiryJob,
    private readonly subscriptions: PasSubscriptionService,
  ) {}

  async putEndpoint(payerId: string, dto: PutPasEndpointDto, ctx: RequestContext): Promise<PasEndpointDto> {
    checkUrl('baseUrl', dto.baseUrl);
    checkUrl('tokenUrl', dto.tokenUrl);
    if (dto.privateKeyPem !== undefined) {
      try {
        await importPKCS8(dto.privateKeyPem, PAS_SIGNING_ALG);
      } catch {
        throw new BadRequestException('privateKeyPem must be an RSA private key in PKCS#8 PEM (BEGIN PRIVATE KEY)');
      }
    }
    const payer = await this.dataSource.query<unknown[]>(`SELECT id FROM payers WHERE id = $1`, [payerId]);
    if (!payer.length) throw new NotFoundError('No such payer.');
    const encrypted = dto.privateKeyPem === undefined ? null : this.secrets.encryptPasKey(payerId, dto.privateKeyPem);
    await this.dataSource.transaction(async (manager) => {
      if (encrypted === null) {
        // The key already stored is kept; there must be one.
        const rows = await manager.query<unknown[]>(
          // A CTE, so that the driver answers the rows (an UPDATE alone answers [rows, count]).
          `WITH kept AS (UPDATE payer_pas_endpoints SET base_url = $2, token_url = $3, client_id = $4, key_id = $5, updated_at = now() WHERE payer_id = $1 RETURNING payer_id)
           SELECT payer_id FROM kept`,
          [payerId, dto.baseUrl, dto.tokenUrl, dto.clientId, dto.keyId],
        );
        if (!rows.length) throw new BadRequestException('privateKeyPem is required: this payer has no key stored yet');
      } else
        await manager.query(
          `INSERT INTO payer_pas_endpoints (payer_id, base_url, token_url, client_id, key_id, private_key) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (payer_id) DO UPDATE SET base_url = $2, token_url = $3, client_id = $4, key_id = $5, private_key = $6, updated_at = now()`,
          [payerId, dto.baseUrl, dto.tokenUrl, dto.clientId, dto.keyId, encrypted],
        );
      await insertAuditEvent(
        manager,
        {
          action: 'update',
          objectType: 'payer',
          objectId: payerId,
          detail: { pasEndpoint: dto.baseUrl, keyReplaced: encrypted !== null },
        },
        ctx,
      );
    });
    return { payerId, baseUrl: dto.baseUrl, tokenUrl: dto.tokenUrl, clientId: dto.clientId, keyId: dto.keyId };
  }

  /** The payer's endpoint as the settings screen shows it; the key is only said to be stored. */
  async endpointSettings(payerId: string): Promise<PasEndpointSettingsDto> {
    const payer = await this.dataSource.query<unknown[]>(`SELECT id FROM payers WHERE id = $1`, [payerId]);
    if (!payer.length) throw new NotFoundError('No such payer.');
    const [row] = await this.dataSource.query<
      {
        base_url: string;
        token_url: string;
        client_id: string;
        key_id: string;
        updated_at: Date;
        subscription: PasEndpointSettingsDto['subscription'];
      }[]
    >(
      `SELECT e.base_url, e.token_url, e.client_id, e.key_id, e.updated_at, s.status AS subscription
         FROM payer_pas_endpoints e LEFT JOIN pas_subscriptions s ON s.payer_id = e.payer_id WHERE e.payer_id = $1`,
      [payerId],
    );
    return {
      payerId,
      configured: !!row,
      baseUrl: row?.base_url ?? null,
      tokenUrl: row?.token_url ?? null,
      clientId: row?.client_id ?? null,
      keyId: row?.key_id ?? null,
      updatedAt: row?.updated_at.toISOString() ?? null,
      subscription: row?.subscription ?? null,
    };
  }

  /** The messages exchanged with the payer about a case, and whether it can be sent electronically. */
  async exchanges(caseId: string, ctx: RequestContext): Promise<CaseFhirExchangesDto> {
    const found = await findCasePayerEndpoint(this.dataSource.manager, caseId);
    if (!found) throw new NotFoundError('No such case.');
    const rows = await listExchanges(this.dataSource.manager, caseId);
    await insertAuditEvent(
      this.dataSource.manager,
      { action: 'read', objectType: 'fhir_exchanges', objectId: caseId, caseId, patientId: found.patientId },
      ctx,
    );
    return { payerEndpoint: found.payerEndpoint, exchanges: rows.map(toExchangeDto) };
  }

  private endpointOf(payerId: string): Promise<PasEndpoint | null> {
    return findPasEndpoint(this.dataSource.manager, payerId, (key) => this.secrets.decryptPasKey(payerId, key));
  }

  /**
   * Sends the case's request to the payer's Claim/$submit and records the synchronous answer. A
   * case still to be sent (documented, or asked for more information) moves to submitted in the
   * same transaction as the answer; if the payer cannot be reached, nothing about the case changes.
   */
  async submit(caseId: string, expectedVersion: number, ctx: RequestContext): Promise<CaseDetailDto> {
    const pre = await this.dataSource.transaction(async (manager) => {
      const { loaded, rule } = await loadCaseForUpdate(manager, caseId);
      if (loaded.row.version !== expectedVersion) throw StaleVersionError.ofCase(loaded.row.version);
      const sending = loaded.row.status === 'documented' || loaded.row.status === 'more_info_requested';
      // The readiness checklist and the roles are checked before anything leaves the clinic.
      if (sending)
        assertTransition(
          snapshotOf(loaded),
          'submitted',
          ctx.user.roles,
          {},
          {
            now: new Date(),
            timeZone: this.config.clinicTimeZone,
            rules: rule,
            requireEvidence: REQUIRE_EVIDENCE,
          },
        );
      return { payerId: loaded.row.payerId, sending };
    });
    const endpoint = await this.endpointOf(pre.payerId);
    if (!endpoint)
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'no_pas_endpoint',
        message:
          "This payer has no electronic (PAS) endpoint configured; send the request by the payer's portal or fax.",
      });
    const bundle = await this.fhir.exportBundle(caseId, undefined, ctx);
    const sentAt = new Date();
    let result;
    try {
      result = await submitToPayer(endpoint, bundle);
    } catch (error) {
      if (!(error instanceof PayerUnavailableError)) throw error;
      await insertExchange(this.dataSource.manager, {
        caseId,
        direction: 'outbound',
        kind: 'failed',
        resourceId: null,
        summary: { endpoint: endpoint.baseUrl, httpStatus: error.status, error: error.message, sentAt },
        body: bundle,
        actorId: ctx.user.id,
      });
      throw new ServiceUnavailableException({
        statusCode: 503,
        code: 'payer_unavailable',
        message: `${error.message} Nothing was recorded on the case; send it again later.`,
        retryAfterSeconds: PAYER_RETRY_AFTER_SECONDS,
      });
    }
    const outbound = {
      caseId,
      direction: 'outbound' as const,
      kind: 'submit',
      resourceId: null,
      summary: { endpoint: endpoint.baseUrl, httpStatus: result.status, elapsedMs: result.elapsedMs, sentAt },
      body: bundle,
      actorId: ctx.user.id,
    };
    let answer;
    try {
      answer = await this.fhir.readAnswer(caseId, result.body);
    } catch (error) {
      await insertExchange(this.dataSource.manager, {
        ...outbound,
        summary: { ...outbound.summary, unreadable: true },
      });
      await insertExchange(this.dataSource.manager, {
        ...outbound,
        direction: 'inbound',
        kind: 'unreadable',
        body: result.body,
      });
      throw new BadGatewayException({
        statusCode: 502,
        code: 'payer_answer_unreadable',
        message: "The payer's answer could not be read; it is kept on the case for review.",
        errors: error instanceof BadRequestException ? (error.getResponse() as { errors?: unknown }).errors : undefined,
      });
    }
    const firstInquiry = await this.dataSource.transaction(async (manager) => {
      await insertExchange(manager, outbound);
      let version = expectedVersion;
      // An error answer means the payer did not take the request: the case stays unsent.
      if (pre.sending && answer.kind !== 'error') {
        await applyCaseTransition(manager, {
          caseId,
          to: 'submitted',
          input: { note: `Sent electronically to ${endpoint.baseUrl} (Da Vinci PAS Claim/$submit).` },
          expectedVersion,
          actor: ctx,
          timeZone: this.config.clinicTimeZone,
          now: sentAt,
        });
        version += 1;
      }
      await this.fhir.recordAnswer(manager, caseId, answer, result.body, version, ctx);
      // Pended: the payer is asked again (Claim/$inquire) until it decides.
      return answer.kind === 'pended' ? this.inquiries.start(manager, caseId, answer, sentAt) : null;
    });
    if (firstInquiry) {
      await this.inquiries.schedule(caseId, firstInquiry);
      // Told of the decision by the payer when it offers that; polling goes on meanwhile.
      await this.subscriptions.ensure(pre.payerId);
    }
    return this.cases.get(caseId, ctx, false);
  }
}
