import {
  assertMayCorrect,
  assertMayReverse,
  assertMayUndo,
  computeEffectiveHistory,
  computeStoredDue,
  describeDecision,
  isCorrectionError,
  isTerminalStatus,
  replayTransitions,
  type CaseStatus,
  type CorrectionError,
  type EffectiveTransition,
  type EventChanges,
  type RecordedEvent,
} from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import {
  ConflictError,
  NotFoundError,
  RuleRefusedError,
  RuleViolatedError,
  StaleVersionError,
  type AppError,
} from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { insertAuditEvent } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseDecision, DecisionOutcome } from './case-decision.entity';
import { CaseEvent } from './case-event.entity';
import { readCaseHistory } from './case-history.query';
import { loadCaseForUpdate, snapshotOf, type CaseView } from './case-loader';
import { updateCaseAtVersion } from './case.repository';

const DECISIONS: readonly CaseStatus[] = ['approved', 'partially_approved', 'denied'];

export type CorrectionKind = 'undo' | 'reversal' | 'correction';

export interface CaseCorrectionRequest {
  caseId: string;
  eventId: string;
  kind: CorrectionKind;
  reason?: string | null;
  changes?: EventChanges;
  expectedVersion: number;
  actor: RequestContext<Pick<AuthUser, 'id' | 'roles'>>;
  timeZone: string;
  now: Date;
}

function toAppError(error: CorrectionError): AppError {
  switch (error.code) {
    case 'conflict':
      return new ConflictError(error.message, 'not_correctable');
    case 'forbidden':
      return new RuleRefusedError(error.message, 'not_yours_to_correct');
    case 'rule':
      return new RuleViolatedError(error.message, 'correction_refused', {
        reasons: error.fields.length > 0 ? error.fields.map((f) => f.reason) : [error.message],
        ...(error.fields.length > 0 ? { errors: error.fields } : {}),
      });
  }
}

function checkRequest(request: CaseCorrectionRequest, events: RecordedEvent[], view: CaseView) {
  const check = {
    events,
    eventId: request.eventId,
    actor: request.actor.user,
    now: request.now,
    timeZone: request.timeZone,
    reason: request.reason,
  };
  switch (request.kind) {
    case 'undo':
      return { transition: assertMayUndo(check), changes: {} };
    case 'reversal':
      return { transition: assertMayReverse(check), changes: {} };
    case 'correction':
      return assertMayCorrect({ ...check, changes: request.changes ?? {}, snapshot: snapshotOf(view.loaded) });
  }
}

/**
 * Undo, reversal or correction of a recorded step, inside the caller's transaction: the rules of
 * libs/domain, a new event pointing at the step (which itself stays as it was), the case's facts
 * and decisions rebuilt from the effective history, and the audit row.
 */
export async function applyCaseCorrection(manager: EntityManager, request: CaseCorrectionRequest): Promise<void> {
  const { caseId, eventId, kind, actor, now } = request;
  const view = await loadCaseForUpdate(manager, caseId);
  const { row } = view.loaded;
  if (row.version !== request.expectedVersion) throw StaleVersionError.ofCase(row.version);
  const events = await readCaseHistory(manager, caseId);
  if (!events.some((e) => e.id === eventId)) throw new NotFoundError('No such event on this case.');

  let checked: { transition: EffectiveTransition; changes: EventChanges };
  try {
    checked = checkRequest(request, events, view);
  } catch (error) {
    throw isCorrectionError(error) ? toAppError(error) : error;
  }
  const { transition, changes } = checked;
  // The performed procedures used the approval (or completed the case): taking the step back
  // would leave units used on a case with no approval to count them against.
  if (kind !== 'correction' && row.unitsUsed > 0) {
    throw new RuleViolatedError(
      'Procedures performed are recorded against this approval, so its steps can no longer be taken back.',
      'procedures_recorded',
    );
  }
  const reason = request.reason?.trim() || null;

  const record: Omit<RecordedEvent, 'id' | 'createdAt'> = {
    type: kind === 'correction' ? 'correction' : 'reversal',
    fromStatus: kind === 'correction' ? null : transition.to,
    toStatus: kind === 'correction' ? null : transition.from,
    actorId: actor.user.id,
    note: reason,
    data:
      kind === 'correction'
        ? { changes, previous: previousValues(transition, changes) }
        : { undo: kind === 'undo', step: `${transition.from}->${transition.to}` },
    occurredAt: now.toISOString(),
    correctsEventId: eventId,
  };
  const eventRepo = manager.getRepository(CaseEvent);
  const saved = await eventRepo.save(
    eventRepo.create({
      caseId,
      type: record.type as CaseEvent['type'],
      fromStatus: record.fromStatus,
      toStatus: record.toStatus,
      actorId: record.actorId,
      note: record.note,
      data: record.data,
      occurredAt: now,
      correctsEventId: eventId,
    }),
  );
  const newId = String(saved.id);

  const history = computeEffectiveHistory([...events, { ...record, id: newId, createdAt: now.toISOString() }]);
  await rewriteCaseFacts(manager, view, history.transitions, request);

  await insertAuditEvent(
    manager,
    {
      action: 'update',
      objectType: 'case',
      objectId: caseId,
      caseId,
      patientId: row.patientId,
      // Ids and field names only: the reason and the corrected text may hold PHI.
      detail: {
        [kind]: eventId,
        event: newId,
        step: `${transition.from}->${transition.to}`,
        ...(kind === 'correction' ? { fields: Object.keys(changes) } : {}),
      },
    },
    actor,
  );
}

function previousValues(transition: EffectiveTransition, changes: EventChanges): EventChanges {
  const previous: EventChanges = {};
  for (const field of Object.keys(changes) as (keyof EventChanges)[]) {
    previous[field] = field === 'occurredAt' ? transition.occurredAt : (transition.input[field] ?? null);
  }
  return previous;
}

/**
 * The case row and its decision rows as the effective history has them: the same facts a
 * transition writes, replayed from the first step with the corrected values.
 */
async function rewriteCaseFacts(
  manager: EntityManager,
  view: CaseView,
  transitions: EffectiveTransition[],
  request: CaseCorrectionRequest,
): Promise<void> {
  const { loaded, rule } = view;
  const { row } = loaded;
  const { timeZone: tz, now } = request;
  const { final, steps } = replayTransitions(snapshotOf(loaded), transitions);
  const last = steps[steps.length - 1];
  const lastDenial = [...steps].reverse().find((s) => s.transition.to === 'denied');
  const firstSubmission = steps.find((s) => s.transition.to === 'submitted');
  const closing = isTerminalStatus(final.status);
  const due = computeStoredDue(final, rule, tz, now);
  const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

  await updateCaseAtVersion(manager, row.id, request.expectedVersion, {
    status: final.status,
    appealLevel: final.appealLevel,
    peerToPeerDone: final.peerToPeerDone ?? false,
    authorizationNumber: final.authorizationNumber ?? null,
    validFrom: final.validFrom ?? null,
    validTo: final.validTo ?? null,
    approvedUnits: final.approvedUnits ?? null,
    denialCode: final.denialCode ?? null,
    denialText: lastDenial?.transition.input.denialText ?? null,
    submittedAt: toDate(final.submittedAt),
    firstSubmittedAt: toDate(firstSubmission?.transition.occurredAt),
    infoRequestedAt: toDate(final.infoRequestedAt),
    decidedAt: toDate(final.decidedAt),
    deniedAt: toDate(final.deniedAt),
    appealedAt: toDate(final.appealedAt),
    externalReviewAt: toDate(final.externalReviewAt),
    infoDueOn: final.infoDueOn ?? null,
    closedAt: closing && last ? new Date(last.transition.occurredAt) : null,
    closeReason: closing && last ? (last.transition.input.reason ?? last.transition.note ?? null) : null,
    nextDueAt: due.at,
    nextDueKind: due.kind,
  });

  // The physician and codes a decision was recorded with stay as they were recorded.
  const decisions = manager.getRepository(CaseDecision);
  const previous = new Map((await decisions.findBy({ caseId: row.id })).map((d) => [d.eventId, d]));
  await decisions.delete({ caseId: row.id });
  const rebuilt = steps
    .filter((s) => DECISIONS.includes(s.transition.to))
    .flatMap((s) => {
      const at = new Date(s.transition.occurredAt);
      const decision = describeDecision(s.before, rule, at, tz);
      if (!decision) return [];
      const kept = previous.get(s.transition.eventId);
      return [
        decisions.create({
          caseId: row.id,
          eventId: s.transition.eventId,
          payerId: kept?.payerId ?? row.payerId,
          providerId: kept?.providerId ?? row.providerId,
          cptCodes: kept?.cptCodes ?? loaded.lines.map((l) => l.cptCode),
          stage: decision.stage,
          urgency: kept?.urgency ?? s.before.urgency,
          requestedAt: decision.requestedAt,
          decidedAt: at,
          dueAt: decision.dueAt,
          outcome: s.transition.to as DecisionOutcome,
          denialCode: s.transition.to === 'denied' ? (s.after.denialCode ?? null) : null,
        }),
      ];
    });
  if (rebuilt.length > 0) await decisions.save(rebuilt);
}
