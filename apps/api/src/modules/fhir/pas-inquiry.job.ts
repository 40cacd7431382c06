import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOutageNotice, nextInquiryAt, retryInquiryAt, TransitionError } from '@preauth/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { insertAuditEvent } from '../audit/audit.service';
import { JobsService } from '../jobs/jobs.service';
import { systemActor } from '../jobs/system-actor';
import { insertNotifications } from '../work/notifications.repository';
import type { ClaimResponseDecision } from './claim-response';
import { findPasEndpoint, insertExchange } from './fhir-exchange.repository';
import { FhirService } from './fhir.service';
import { SecretsService } from '../secrets/secrets.service';
import { callPayer, PayerUnavailableError } from './pas-client';
import { buildInquiryBundle } from './pas-inquiry-bundle';
import {
  caseForPoll,
  bringPollsForward,
  claimPoll,
  duePolls,
  lastSentBundle,
  reschedulePoll,
  startPolling,
  stopPolling,
  type InquiryRow,
} from './pas-inquiry.repository';

export const PAS_INQUIRY_SWEEP_JOB = 'pas-inquiry-sweep';
export const PAS_INQUIRE_JOB = 'pas-inquire';
/** How long a taken inquiry waits before a later sweep takes it again, should its run die. */
const LEASE_MINUTES = 15;

const actor = systemActor(PAS_INQUIRE_JOB);

/** The key of one inquiry: the case and its due moment, the same on every instance. */
const inquiryKey = (caseId: string, dueAt: Date) => `${caseId}@${dueAt.toISOString()}`;

/**
 * Polls a payer's Claim/$inquire about requests it pended, on the back-off schedule of
 * libs/domain, until it decides, the case leaves the status it waited in, or the payer's clock
 * runs out. Each inquiry is a job keyed by case and due moment, sent when it is scheduled (to
 * start then) and again by a sweep every minute, so instances make one run of it; the run takes
 * the moment from the row before asking. A decision goes through the same reading and state
 * machine as a synchronous answer, as the system actor. While the payer cannot be reached the
 * inquiry is tried again, and the case owner is told once (no PHI in the notification).
 */
@Injectable()
export class PasInquiryJob implements OnModuleInit {
  private readonly logger = new Logger('PasInquiry');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly fhir: FhirService,
    private readonly secrets: SecretsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: PAS_INQUIRY_SWEEP_JOB,
      everyMinutes: 1,
      retryLimit: 0,
      handler: ({ dueAt }) => this.sweep(new Date(dueAt)),
    });
    this.jobs.define({
      name: PAS_INQUIRE_JOB,
      // A failed run leaves its moment leased; the sweep takes it again, so pg-boss need not.
      retryLimit: 0,
      handler: ({ data }) => this.inquire(String(data.caseId), new Date(String(data.dueAt))),
    });
  }

  /**
   * After a pended answer, inside the transaction that records it: polling starts. Returns the
   * first due moment, to schedule once that transaction commits.
   */
  async start(manager: EntityManager, caseId: string, d: ClaimResponseDecision, now: Date): Promise<Date> {
    const first = nextInquiryAt(now, 0, null, this.config.pasInquiry.backoffMinutes) ?? now;
    await startPolling(manager, caseId, now, d.pendingReference, first);
    return first;
  }

  /** Schedules the run for the row's due moment; after commit, so the run finds the row. */
  async schedule(caseId: string, dueAt: Date): Promise<void> {
    await this.jobs.send(PAS_INQUIRE_JOB, inquiryKey(caseId, dueAt), { caseId, dueAt: dueAt.toISOString() }, dueAt);
  }

  async sweep(moment: Date): Promise<void> {
    for (const { caseId, dueAt } of await duePolls(this.dataSource.manager, moment)) await this.schedule(caseId, dueAt);
  }

  /** One inquiry about the case, for the moment it was due; a moment already taken does nothing. */
  async inquire(caseId: string, dueAt: Date): Promise<void> {
    const poll = await claimPoll(this.dataSource.manager, caseId, dueAt, LEASE_MINUTES);
    if (!poll) return;
    const manager = this.dataSource.manager;
    const kase = await caseForPoll(manager, caseId);
    if (!kase || kase.status !== poll.waiting_status) return stopPolling(manager, caseId, 'case_moved_on');
    const endpoint = await findPasEndpoint(manager, kase.payerId, (key) =>
      this.secrets.decryptPasKey(kase.payerId, key),
    );
    if (!endpoint) return stopPolling(manager, caseId, 'no_endpoint');
    const sent = await lastSentBundle(manager, caseId);
    const now = new Date();
    const bundle = sent ? buildInquiryBundle(sent, now) : null;
    if (!bundle) return stopPolling(manager, caseId, 'no_request');
    const audit = (httpStatus: number | null) =>
      insertAuditEvent(
        manager,
        {
          action: 'export',
          objectType: 'fhir_inquiry',
          objectId: caseId,
          caseId,
          patientId: kase.patientId,
          outcome: httpStatus !== null && httpStatus < 300 ? 'success' : 'failure',
          detail: { operation: '$inquire', attempt: poll.attempt + 1, httpStatus },
        },
        actor,
      );
    const outbound = (summary: Record<string, unknown>) => ({
      caseId,
      direction: 'outbound' as const,
      kind: 'inquire',
      resourceId: null,
      summary: { endpoint: endpoint.baseUrl, sentAt: now, ...summary },
      body: bundle,
      actorId: actor.user.id,
    });

    let result;
    try {
      result = await callPayer(endpoint, '$inquire', bundle);
    } catch (error) {
      if (!(error instanceof PayerUnavailableError)) throw error;
      await this.outage(poll, kase.ownerId, outbound({ httpStatus: error.status, error: error.message }), now);
      await audit(error.status);
      return;
    }
    await audit(result.status);
    const sentSummary = { httpStatus: result.status, elapsedMs: result.elapsedMs };
    let answer: ClaimResponseDecision;
    try {
      answer = await this.fhir.readAnswer(caseId, result.body);
    } catch {
      // Unreadable, or no response found yet: kept for review, and asked again on the schedule.
      await insertExchange(manager, outbound({ ...sentSummary, unreadable: true }));
      await insertExchange(manager, { ...outbound({}), direction: 'inbound', kind: 'unreadable', body: result.body });
      return this.next(poll, kase.deadline);
    }
    if (answer.kind === 'pended') {
      // Still pended: the exchange is kept; the timeline already says the request is pended.
      await insertExchange(manager, outbound(sentSummary));
      await insertExchange(manager, {
        ...outbound({}),
        direction: 'inbound',
        kind: 'pended',
        resourceId: answer.claimResponseId,
        summary: { pendingReference: answer.pendingReference, actions: answer.actions },
        body: result.body,
      });
      return this.next(poll, kase.deadline);
    }
    const recorded = await this.record(caseId, answer, result.body, kase.version, outbound(sentSummary));
    if (!recorded) return this.next(poll, kase.deadline);
  }

  /**
   * Records a payer's answer about a polled case (from an inquiry, or a subscription's
   * notification) as the system actor, and stops polling; false when the case changed meanwhile
   * (stale version) or cannot take the step now, so that it is asked about again.
   */
  async record(
    caseId: string,
    answer: ClaimResponseDecision,
    body: unknown,
    version: number,
    sent: Parameters<typeof insertExchange>[1] | null,
  ): Promise<boolean> {
    try {
      await this.dataSource.transaction(async (tx) => {
        if (sent) await insertExchange(tx, sent);
        await this.fhir.recordAnswer(tx, caseId, answer, body, version, actor);
        await stopPolling(tx, caseId, answer.kind === 'error' ? 'payer_error' : 'answered');
      });
      this.logger.log({ caseId, kind: answer.kind }, 'payer answered a pended request');
      return true;
    } catch (error) {
      if (!(error instanceof AppError || error instanceof TransitionError)) throw error;
      if (sent)
        await insertExchange(this.dataSource.manager, {
          ...sent,
          summary: { ...sent.summary, notRecorded: error.message },
        });
      return false;
    }
  }

  /** Asks now about every polled case of the payer (a notification said something changed). */
  async bringForward(payerId: string): Promise<number> {
    const due = await bringPollsForward(this.dataSource.manager, payerId);
    for (const { caseId, dueAt } of due) await this.schedule(caseId, dueAt);
    return due.length;
  }

  private async next(poll: InquiryRow, deadline: Date | null): Promise<void> {
    const attempt = poll.attempt + 1;
    const at = nextInquiryAt(poll.pended_at, attempt, deadline, this.config.pasInquiry.backoffMinutes);
    if (!at) return stopPolling(this.dataSource.manager, poll.case_id, 'deadline');
    // A schedule that fell behind (the app was down) catches up once, not once per missed moment.
    const due = at.getTime() < Date.now() ? new Date() : at;
    await reschedulePoll(this.dataSource.manager, poll.case_id, { attempt, failures: 0, nextDueAt: due });
    await this.schedule(poll.case_id, due);
  }

  private async outage(
    poll: InquiryRow,
    ownerId: string | null,
    attempt: Parameters<typeof insertExchange>[1],
    now: Date,
  ): Promise<void> {
    const failures = poll.failures + 1;
    const due = retryInquiryAt(now, failures, this.config.pasInquiry.retryMinutes);
    await this.dataSource.transaction(async (tx) => {
      await insertExchange(tx, { ...attempt, kind: 'failed' });
      await reschedulePoll(tx, poll.case_id, { attempt: poll.attempt, failures, nextDueAt: due });
      if (isOutageNotice(failures) && ownerId)
        await insertNotifications(tx, [
          {
            userId: ownerId,
            kind: 'payer_unreachable',
            caseId: poll.case_id,
            dedupeKey: `payer_unreachable:${poll.case_id}:${poll.pended_at.toISOString()}:${poll.attempt}`,
          },
        ]);
    });
    this.logger.warn({ caseId: poll.case_id, failures }, 'payer unreachable for an inquiry; will retry');
    await this.schedule(poll.case_id, due);
  }
}
