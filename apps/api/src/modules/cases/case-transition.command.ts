import {
  appealOutcome,
  applyTransition,
  assertTransition,
  computeStoredDue,
  describeDecision,
  describeOpenAppeal,
  selfPayReasonOf,
  isTerminalStatus,
  type CaseStatus,
  type TransitionInput,
} from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import { StaleVersionError } from '../../common/app-errors';
import { fieldError } from '../../common/validation';
import { findCaseDocument } from '../correspondence/case-document.query';
import type { RequestContext } from '../../common/request-context.decorator';
import { insertAuditEvent } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { recordCasePayerRules } from '../payer-rules/payer-rules.query';
import { SelfPayConversion } from '../self-pay/self-pay-conversion.entity';
import { applyCaseWorkEvent } from '../work/case-work-events';
import { CaseDecision, DecisionOutcome } from './case-decision.entity';
import { CaseEvent } from './case-event.entity';
import { loadCaseForUpdate, REQUIRE_EVIDENCE, snapshotOf } from './case-loader';
import { updateCaseAtVersion } from './case.repository';

const DECISIONS: readonly CaseStatus[] = ['approved', 'partially_approved', 'denied'];

const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

export interface CaseTransitionRequest {
  caseId: string;
  to: CaseStatus;
  input: TransitionInput;
  /** The version the actor saw; another change since then makes this one stale. */
  expectedVersion: number;
  actor: RequestContext<Pick<AuthUser, 'id' | 'roles'>>;
  timeZone: string;
  now: Date;
}

/**
 * The step's payer document, which must be filed on this case; an information request's letter
 * brings its own answer-by day (a client cannot set infoDueOn itself).
 */
async function withEvidence(
  manager: EntityManager,
  caseId: string,
  to: CaseStatus,
  input: TransitionInput,
): Promise<TransitionInput> {
  const { infoDueOn: _ignored, ...rest } = input;
  if (!rest.documentId) return rest;
  const document = await findCaseDocument(manager, caseId, rest.documentId);
  if (!document) throw fieldError('documentId', 'is not a payer document filed on this case');
  return to === 'more_info_requested' && document.kind === 'information_request' && document.dueOn
    ? { ...rest, infoDueOn: document.dueOn }
    : rest;
}

/**
 * One transition of a case, inside the caller's transaction: the domain's check, the versioned
 * UPDATE, the timeline event, the decision row and the audit row. POST /api/cases/:id/transitions
 * and the demo seed both write through here, so demo data is what the API would have written.
 */
export async function applyCaseTransition(manager: EntityManager, request: CaseTransitionRequest): Promise<void> {
  const { caseId: id, to, expectedVersion, actor, timeZone: tz, now } = request;
  // The row lock makes a concurrent transition wait, then see the new version and lose.
  const { loaded, rule } = await loadCaseForUpdate(manager, id);
  const { row } = loaded;
  if (row.version !== expectedVersion) throw StaleVersionError.ofCase(row.version);
  const input = await withEvidence(manager, id, to, request.input);
  const before = snapshotOf(loaded);
  assertTransition(before, to, actor.user.roles, input, {
    now,
    timeZone: tz,
    rules: rule,
    requireEvidence: REQUIRE_EVIDENCE,
  });
  const after = applyTransition(before, to, input, now);
  const eventAt = input.occurredAt ? new Date(input.occurredAt) : now;
  const due = computeStoredDue(after, rule, tz, now);
  const closing = isTerminalStatus(to);

  await updateCaseAtVersion(manager, id, expectedVersion, {
    status: after.status,
    appealLevel: after.appealLevel,
    peerToPeerDone: after.peerToPeerDone ?? false,
    authorizationNumber: after.authorizationNumber ?? null,
    validFrom: after.validFrom ?? null,
    validTo: after.validTo ?? null,
    approvedUnits: after.approvedUnits ?? null,
    denialCode: after.denialCode ?? null,
    denialText: to === 'denied' ? (input.denialText ?? null) : row.denialText,
    submittedAt: toDate(after.submittedAt),
    firstSubmittedAt: row.firstSubmittedAt ?? toDate(after.submittedAt),
    infoRequestedAt: toDate(after.infoRequestedAt),
    decidedAt: toDate(after.decidedAt),
    deniedAt: toDate(after.deniedAt),
    appealedAt: toDate(after.appealedAt),
    externalReviewAt: toDate(after.externalReviewAt),
    infoDueOn: after.infoDueOn ?? null,
    closedAt: closing ? eventAt : null,
    closeReason: closing ? (input.reason ?? input.note ?? null) : null,
    nextDueAt: due.at,
    nextDueKind: due.kind,
  });

  // The payer's rule versions the request went out under stay with the case: a later edit of a
  // rule changes what new cases need, never what this one was checked against.
  if (to === 'submitted') {
    await recordCasePayerRules(
      manager,
      id,
      before.payerRules.map((r) => r.id),
    );
  }

  const outcome = appealOutcome(before.status, to);
  const { note, ...details } = input;
  const inserted = await manager.getRepository(CaseEvent).insert({
    caseId: id,
    type: 'transition',
    fromStatus: before.status,
    toStatus: to,
    actorId: actor.user.id,
    note: note ?? null,
    data: {
      ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null)),
      ...(outcome ? { outcome } : {}),
    },
    occurredAt: eventAt,
  });
  const eventId = String((inserted.identifiers[0] as { id: string | number }).id);

  const decision = DECISIONS.includes(to) ? describeDecision(before, rule, eventAt, tz) : null;
  if (decision) {
    await manager.getRepository(CaseDecision).insert({
      caseId: row.id,
      eventId,
      payerId: row.payerId,
      providerId: row.providerId,
      cptCodes: loaded.lines.map((l) => l.cptCode),
      stage: decision.stage,
      urgency: before.urgency,
      requestedAt: decision.requestedAt,
      decidedAt: eventAt,
      dueAt: decision.dueAt,
      outcome: to as DecisionOutcome,
      denialCode: to === 'denied' ? (after.denialCode ?? null) : null,
    });
  }

  if (to === 'self_pay') {
    const openAppeal = describeOpenAppeal(before, { at: eventAt, timeZone: tz, rules: rule });
    await manager.getRepository(SelfPayConversion).insert({
      eventId,
      caseId: row.id,
      payerId: row.payerId,
      fromStatus: before.status,
      reason: selfPayReasonOf(before.status, openAppeal),
      amountCents: input.estimateCents ?? 0,
      currency: input.estimateCurrency ?? 'USD',
      description: input.estimateDescription?.trim() ?? '',
      convertedAt: eventAt,
    });
  }

  await insertAuditEvent(
    manager,
    {
      action: 'update',
      objectType: 'case',
      objectId: id,
      caseId: id,
      patientId: row.patientId,
      detail: { transition: `${before.status}->${to}` },
    },
    actor,
  );

  await applyCaseWorkEvent(manager, {
    caseId: id,
    ownerId: row.ownerId,
    actorId: actor.user.id,
    event: { type: 'transition', to },
    at: eventAt,
  });
}
