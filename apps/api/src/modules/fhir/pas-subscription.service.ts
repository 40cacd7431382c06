import { BadRequestException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SecretsService } from '../secrets/secrets.service';
import { findCaseOfClaim, findPasEndpoint } from './fhir-exchange.repository';
import { FhirService } from './fhir.service';
import { offersSubscriptions, PAS_SUBSCRIPTION_TOPIC, postToPayer } from './pas-client';
import { uuidOf } from './pas-identity';
import { caseForPoll, isPolling } from './pas-inquiry.repository';
import { PasInquiryJob } from './pas-inquiry.job';
import { isObject, locateClaimResponse, type Json } from './pas-response-locate';

const PAS = 'http://hl7.org/fhir/us/davinci-pas';
const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';
/** A payer without subscriptions (or whose subscription failed) is asked again after this long. */
const RECHECK_HOURS = 24;
const NOTIFICATION_TYPES = ['handshake', 'heartbeat', 'event-notification', 'query-status', 'query-event'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sameSecret(given: string, storedSha256: string): boolean {
  const a = Buffer.from(sha256(given), 'hex');
  const b = Buffer.from(storedSha256, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function refused(field: string, reason: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: 'malformed_notification',
    message: `The notification cannot be read: ${field} ${reason}`,
    errors: [{ field, reason }],
  });
}

interface SubscriptionRow {
  payer_id: string;
  id: string;
  status: 'active' | 'unsupported' | 'failed';
  remote_id: string | null;
  token_sha256: string | null;
  checked_at: Date;
}

export interface NotificationReceipt {
  type: string;
  /** Answers recorded on their cases from the notification's full response Bundles. */
  recorded: number;
  /** Pended cases of the payer asked about at once because the notification did not say which. */
  inquiriesBroughtForward: number;
}

/**
 * The Da Vinci PAS rest-hook subscription: one Subscription per payer (the guide subscribes a
 * sending system, filtered by its organization identifier), created at the payer after its first
 * pended answer when its CapabilityStatement offers Subscription, and the notification endpoint
 * the payer calls with the bearer token given in channel.header. The guide's notifications carry
 * the full PAS response Bundle (payload full-resource); one that names a Claim Preauth sent, for a
 * case of this payer still waiting, is recorded like an inquiry's answer. Anything else (an
 * id-only notification, a response for no waiting case) only makes Preauth ask the payer now.
 */
@Injectable()
export class PasSubscriptionService {
  private readonly logger = new Logger('PasSubscription');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretsService,
    private readonly fhir: FhirService,
    private readonly inquiries: PasInquiryJob,
  ) {}

  /** Subscribes at the payer unless done already (or found unsupported lately); never throws. */
  async ensure(payerId: string): Promise<void> {
    const [row] = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT * FROM pas_subscriptions WHERE payer_id = $1`,
      [payerId],
    );
    if (row?.status === 'active') return;
    if (row && Date.now() - row.checked_at.getTime() < RECHECK_HOURS * 3600_000) return;
    const endpoint = await findPasEndpoint(this.dataSource.manager, payerId, (key) =>
      this.secrets.decryptPasKey(payerId, key),
    );
    if (!endpoint) return;
    const save = (
      status: SubscriptionRow['status'],
      fields: { id?: string; remoteId?: string; token?: string; error?: string },
    ) =>
      this.dataSource.query(
        `INSERT INTO pas_subscriptions (payer_id, id, status, remote_id, token_sha256, error, checked_at) VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (payer_id) DO UPDATE SET id = $2, status = $3, remote_id = $4, token_sha256 = $5, error = $6, checked_at = now()`,
        [
          payerId,
          fields.id ?? randomUUID(),
          status,
          fields.remoteId ?? null,
          fields.token ? sha256(fields.token) : null,
          fields.error?.slice(0, 300) ?? null,
        ],
      );
    try {
      if (!(await offersSubscriptions(endpoint))) return void (await save('unsupported', {}));
      const id = randomUUID();
      const token = randomBytes(32).toString('base64url');
      const result = await postToPayer(
        endpoint,
        'Subscription',
        await this.subscriptionFor(id, token, endpoint.clientId),
      );
      const remoteId = isObject(result.body) && typeof result.body.id === 'string' ? result.body.id : null;
      if (result.status >= 300 || !remoteId)
        return void (await save('failed', { error: `The payer refused the Subscription (HTTP ${result.status}).` }));
      await save('active', { id, remoteId, token });
      this.logger.log({ payerId }, 'subscribed to PAS notifications');
    } catch (error) {
      await save('failed', { error: error instanceof Error ? error.message : String(error) });
      this.logger.warn({ payerId }, 'could not subscribe to PAS notifications');
    }
  }

  private async subscriptionFor(id: string, token: string, clientId: string): Promise<Json> {
    const [profile] = await this.dataSource.query<{ group_npi: string | null }[]>(
      `SELECT group_npi FROM clinic_profile LIMIT 1`,
    );
    // The guide filters by the sending organization's identifier: the group NPI when the clinic
    // has one, else the client id the payer registered for this clinic.
    const org = profile?.group_npi ? `http://hl7.org/fhir/sid/us-npi|${profile.group_npi}` : clientId;
    return {
      resourceType: 'Subscription',
      meta: { profile: [`${PAS}/StructureDefinition/profile-subscription`] },
      status: 'active',
      reason: 'Preauth: updates to pended prior authorization requests of this clinic',
      criteria: PAS_SUBSCRIPTION_TOPIC,
      _criteria: { extension: [{ url: `${BACKPORT}/backport-filter-criteria`, valueString: `orgIdentifier=${org}` }] },
      channel: {
        type: 'rest-hook',
        endpoint: `${this.config.mail.appUrl}/api/pas/subscriptions/${id}/notification`,
        payload: 'application/fhir+json',
        _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: 'full-resource' }] },
        header: [`Authorization: Bearer ${token}`],
      },
    };
  }

  /** A notification from the payer: authenticated by its subscription's bearer token, then read. */
  async receive(
    subscriptionId: string,
    authorization: string | undefined,
    body: unknown,
  ): Promise<NotificationReceipt> {
    const [row] = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT * FROM pas_subscriptions WHERE id = $1 AND status = 'active'`,
      [subscriptionId],
    );
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    // Unknown subscription and wrong token look the same from outside.
    if (!row?.token_sha256 || !token || !sameSecret(token, row.token_sha256))
      throw new UnauthorizedException({
        statusCode: 401,
        code: 'notification_unauthenticated',
        message: 'Unknown subscription or wrong bearer token.',
      });
    const type = this.checkEnvelope(body, row);
    await this.dataSource.query(`UPDATE pas_subscriptions SET last_notified_at = now() WHERE payer_id = $1`, [
      row.payer_id,
    ]);
    if (type !== 'event-notification') return { type, recorded: 0, inquiriesBroughtForward: 0 };
    const entries = ((body as Json).entry as Json[]).slice(1);
    let recorded = 0;
    let unmatched = entries.length === 0;
    for (const entry of entries) {
      if (await this.recordFullResource(row.payer_id, entry.resource)) recorded++;
      else unmatched = true;
    }
    const inquiriesBroughtForward = unmatched ? await this.inquiries.bringForward(row.payer_id) : 0;
    return { type, recorded, inquiriesBroughtForward };
  }

  /** The notification's shape: a history Bundle whose first entry is this subscription's status. */
  private checkEnvelope(body: unknown, row: SubscriptionRow): string {
    if (!isObject(body) || body.resourceType !== 'Bundle') throw refused('resourceType', 'must be "Bundle"');
    if (body.type !== 'history') throw refused('type', 'must be "history" (a subscription notification)');
    const entries: unknown[] | null = Array.isArray(body.entry) ? (body.entry as unknown[]) : null;
    const status = entries?.[0];
    if (!isObject(status) || !isObject(status.resource) || status.resource.resourceType !== 'Parameters')
      throw refused('entry[0].resource', 'must be the SubscriptionStatus Parameters');
    const params = Array.isArray(status.resource.parameter) ? status.resource.parameter.filter(isObject) : [];
    const named = (name: string) => params.find((p) => p.name === name);
    const reference = named('subscription')?.valueReference;
    const ref = isObject(reference) && typeof reference.reference === 'string' ? reference.reference : '';
    if (!ref.endsWith(`Subscription/${row.remote_id ?? ''}`) && !ref.endsWith(`Subscription/${row.id}`))
      throw refused('entry[0].resource.parameter(subscription)', 'does not name this subscription');
    const type = named('type')?.valueCode;
    if (typeof type !== 'string' || !NOTIFICATION_TYPES.includes(type))
      throw refused('entry[0].resource.parameter(type)', `must be one of ${NOTIFICATION_TYPES.join(', ')}`);
    const topic = named('topic')?.valueCanonical;
    if (topic !== undefined && topic !== PAS_SUBSCRIPTION_TOPIC)
      throw refused('entry[0].resource.parameter(topic)', `must be ${PAS_SUBSCRIPTION_TOPIC}`);
    if (entries!.slice(1).some((e) => !isObject(e))) throw refused('entry', 'must hold objects');
    return type;
  }

  /**
   * Records a full PAS response Bundle when it answers a Claim Preauth sent, for a case of the
   * subscription's payer that is still waiting; false for anything else.
   */
  private async recordFullResource(payerId: string, resource: unknown): Promise<boolean> {
    if (!isObject(resource)) return false;
    const located = locateClaimResponse(resource);
    if ('errors' in located) return false;
    const request = located.resource.request;
    const uuid = isObject(request) && typeof request.reference === 'string' ? uuidOf(request.reference) : null;
    const caseId = uuid ? await findCaseOfClaim(this.dataSource.manager, uuid) : null;
    if (!caseId || !(await isPolling(this.dataSource.manager, caseId))) return false;
    const kase = await caseForPoll(this.dataSource.manager, caseId);
    if (!kase || kase.payerId !== payerId) return false;
    let answer;
    try {
      answer = await this.fhir.readAnswer(caseId, resource);
    } catch {
      return false;
    }
    // A response that is still pended (items adjusted) is kept by the next inquiry, not here.
    if (answer.kind === 'pended') return false;
    return this.inquiries.record(caseId, answer, resource, kase.version, null);
  }
}
