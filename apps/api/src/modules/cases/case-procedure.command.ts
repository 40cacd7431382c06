import {
  areAllUnitsUsed,
  checkPerformedProcedure,
  checkScheduleProcedure,
  CLOCK_SKEW_MS,
  PROCEDURE_ROLES,
  PROCEDURE_STATUSES,
  ROLE_LABELS,
  STATUS_LABELS,
  type ProcedureReason,
} from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import { ConflictError, RuleRefusedError, RuleViolatedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { insertAuditEvent } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseEvent } from './case-event.entity';
import { loadCaseForUpdate, snapshotOf, type CaseView } from './case-loader';
import { insertPerformedProcedure } from './case-procedures.query';
import { applyCaseTransition } from './case-transition.command';
import { updateCaseAtVersion } from './case.repository';

export const COMPLETED_NOTE = 'Every approved unit is used.';

interface ProcedureRequest {
  caseId: string;
  actor: RequestContext<Pick<AuthUser, 'id' | 'roles'>>;
  timeZone: string;
  now: Date;
}

export interface ScheduleProcedureRequest extends ProcedureRequest {
  scheduledOn: string;
}

export interface PerformedProcedureRequest extends ProcedureRequest {
  performedOn: string;
  units: number;
  note?: string | null;
}

// The role and the state come before the request's own rules: who may, and whether the case
// has an approval to use at all (409: the case as it stands, like a transition it lacks).
async function lockApprovedCase(manager: EntityManager, request: ProcedureRequest): Promise<CaseView> {
  const { roles } = request.actor.user;
  if (!PROCEDURE_ROLES.some((role) => roles.includes(role))) {
    const who = PROCEDURE_ROLES.map((role) => ROLE_LABELS[role].toLowerCase()).join(' or ');
    throw new RuleRefusedError(`Only ${who} may schedule or record a procedure.`, 'procedure_forbidden');
  }
  const view = await loadCaseForUpdate(manager, request.caseId);
  const { status } = view.loaded.row;
  if (!PROCEDURE_STATUSES.includes(status)) {
    throw new ConflictError(
      `A procedure is scheduled or recorded on an approved case; this one is "${STATUS_LABELS[status]}".`,
      'case_not_approved',
    );
  }
  return view;
}

function refuse(reasons: readonly ProcedureReason[]): never {
  throw new RuleViolatedError(reasons.map((r) => r.reason).join(' '), 'procedure_rule', { errors: reasons });
}

async function writeEvent(
  manager: EntityManager,
  view: CaseView,
  request: ProcedureRequest,
  event: {
    type: 'procedure_scheduled' | 'procedure_performed';
    note: string | null;
    data: Record<string, string | number | null>;
  },
): Promise<string> {
  const { row } = view.loaded;
  const repo = manager.getRepository(CaseEvent);
  const saved = await repo.save(
    repo.create({
      caseId: row.id,
      type: event.type,
      actorId: request.actor.user.id,
      note: event.note,
      data: event.data,
      occurredAt: request.now,
    }),
  );
  await insertAuditEvent(
    manager,
    {
      action: event.type === 'procedure_performed' ? 'create' : 'update',
      objectType: event.type === 'procedure_performed' ? 'procedure' : 'case',
      objectId: row.id,
      caseId: row.id,
      patientId: row.patientId,
      // Dates and counts only: a note may hold PHI.
      detail: { event: event.type, ...event.data },
    },
    request.actor,
  );
  return String(saved.id);
}

/** Books the approved procedure for a day, inside the caller's transaction, with its event and audit row. */
export async function scheduleProcedure(manager: EntityManager, request: ScheduleProcedureRequest): Promise<void> {
  const view = await lockApprovedCase(manager, request);
  const { row } = view.loaded;
  const reasons = checkScheduleProcedure(snapshotOf(view.loaded), request.scheduledOn, {
    now: request.now,
    timeZone: request.timeZone,
    skewMs: CLOCK_SKEW_MS,
  });
  if (reasons.length) refuse(reasons);
  await updateCaseAtVersion(manager, row.id, row.version, { procedureScheduledOn: request.scheduledOn });
  await writeEvent(manager, view, request, {
    type: 'procedure_scheduled',
    note: null,
    data: { scheduledOn: request.scheduledOn, previous: row.procedureScheduledOn },
  });
}

/**
 * Records a performed procedure and the units it used, inside the caller's transaction (the
 * case row locked, so two at once cannot both use the last unit); the one that uses the last
 * approved unit completes the case through the transitions table.
 */
export async function recordPerformedProcedure(
  manager: EntityManager,
  request: PerformedProcedureRequest,
): Promise<{ completed: boolean }> {
  const view = await lockApprovedCase(manager, request);
  const { row } = view.loaded;
  const snapshot = snapshotOf(view.loaded);
  const reasons = checkPerformedProcedure(
    snapshot,
    { performedOn: request.performedOn, units: request.units },
    { now: request.now, timeZone: request.timeZone, skewMs: CLOCK_SKEW_MS },
  );
  if (reasons.length) refuse(reasons);
  const unitsUsed = row.unitsUsed + request.units;
  await updateCaseAtVersion(manager, row.id, row.version, { unitsUsed });
  const eventId = await writeEvent(manager, view, request, {
    type: 'procedure_performed',
    note: request.note?.trim() || null,
    data: { performedOn: request.performedOn, units: request.units, unitsUsed },
  });
  await insertPerformedProcedure(manager, {
    caseId: row.id,
    performedOn: request.performedOn,
    units: request.units,
    eventId,
    recordedBy: request.actor.user.id,
  });
  if (!areAllUnitsUsed({ ...snapshot, unitsUsed })) return { completed: false };
  await applyCaseTransition(manager, {
    caseId: row.id,
    to: 'completed',
    input: { note: COMPLETED_NOTE },
    expectedVersion: row.version + 1,
    actor: request.actor,
    timeZone: request.timeZone,
    now: request.now,
  });
  return { completed: true };
}
