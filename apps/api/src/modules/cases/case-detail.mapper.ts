import {
  availableTransitions,
  computeDeadlines,
  computeEffectiveHistory,
  computeReadiness,
  editableFields,
  eventAffordances,
  PROCEDURE_ROLES,
  PROCEDURE_STATUSES,
  approvedUnitsOf,
  remainingUnitsOf,
  type RecordedEvent,
  type Role,
} from '@preauth/domain';
import { providerDisplayName } from '../providers/providers.service';
import { REQUIRE_EVIDENCE, snapshotOf, type CaseEventRow, type CaseView } from './case-loader';
import { toClockDto } from './case-mapping';
import type { CaseDetailDto, CaseEventDto } from './dto/case-output.dto';

/** The case page: the case with its clocks, checklist, the actions the user's roles allow, and timeline. */
export function toCaseDetail(
  { loaded, patient, payer, provider, rule, events, ownerName, tags, performed }: CaseView,
  viewer: { id: string; roles: readonly Role[] },
  timeZone: string,
  denialDescription: string | null = null,
): CaseDetailDto {
  const { row } = loaded;
  const { roles } = viewer;
  const now = new Date();
  const recorded = events.map(toRecordedEvent);
  const history = computeEffectiveHistory(recorded);
  const snapshot = snapshotOf(loaded);
  const tz = timeZone;
  const clocks = computeDeadlines(snapshot, rule, { now, timeZone: tz });
  const actions = availableTransitions(snapshot, roles, {
    now,
    timeZone: tz,
    rules: rule,
    requireEvidence: REQUIRE_EVIDENCE,
  });
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    urgency: row.urgency,
    patient: {
      id: patient.id,
      name: `${patient.firstName} ${patient.lastName}`,
      mrn: patient.mrn,
      dateOfBirth: patient.dateOfBirth,
      memberId: patient.memberId,
    },
    payer: { id: payer.id, name: payer.name, planType: payer.planType },
    provider: { id: provider.id, name: providerDisplayName(provider), npi: provider.npi },
    cptCodes: loaded.lines.map((l) => l.cptCode),
    owner: row.ownerId ? { id: row.ownerId, name: ownerName ?? '' } : null,
    tags,
    authorizationNumber: row.authorizationNumber,
    appealLevel: row.appealLevel,
    procedureScheduledOn: row.procedureScheduledOn,
    unitsUsed: row.unitsUsed,
    currentClock: clocks.current ? toClockDto(clocks.current, now) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    procedureLines: loaded.lines.map((l) => ({
      cpt: l.cptCode,
      units: l.units,
      bodySite: l.bodySite,
      lesionCount: l.lesionCount,
    })),
    diagnoses: row.diagnoses,
    plannedServiceDate: row.plannedServiceDate,
    findings: snapshot.findings,
    failedTreatments: snapshot.failedTreatments,
    cosmeticOverrideJustification: row.cosmeticOverrideJustification,
    payerReference: row.payerReference,
    approvedUnits: row.approvedUnits,
    validFrom: row.validFrom,
    validTo: row.validTo,
    procedure: row.validTo
      ? {
          scheduledOn: row.procedureScheduledOn,
          approvedUnits: approvedUnitsOf(snapshot),
          unitsUsed: row.unitsUsed,
          unitsRemaining: remainingUnitsOf(snapshot),
          performed,
          canRecord: PROCEDURE_STATUSES.includes(row.status) && PROCEDURE_ROLES.some((r) => roles.includes(r)),
        }
      : null,
    denialCode: row.denialCode,
    denialText: row.denialText,
    denialDescription,
    peerToPeerDone: row.peerToPeerDone,
    previousCaseId: row.previousCaseId,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    infoRequestedAt: row.infoRequestedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    deniedAt: row.deniedAt?.toISOString() ?? null,
    appealedAt: row.appealedAt?.toISOString() ?? null,
    externalReviewAt: row.externalReviewAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    clocks: clocks.clocks.map((c) => toClockDto(c, now)),
    readiness: computeReadiness(snapshot, { requireEvidence: REQUIRE_EVIDENCE }),
    actions: actions.map((a) => ({
      to: a.transition.to,
      action: a.transition.action,
      label: a.transition.label,
      allowedForRole: a.allowedForRole,
      blockedBy: a.blockedBy,
      enabled: a.enabled,
    })),
    editableFields: editableFields(row.status, roles),
    events: events.map(
      (e, i): CaseEventDto => ({
        id: e.id,
        type: e.type,
        fromStatus: (e.fromStatus as CaseEventDto['fromStatus']) ?? null,
        toStatus: (e.toStatus as CaseEventDto['toStatus']) ?? null,
        actorName: e.actorName ?? null,
        note: e.note ?? null,
        data: e.data ?? {},
        occurredAt: e.occurredAt.toISOString(),
        createdAt: e.createdAt.toISOString(),
        correctsEventId: e.correctsEventId ?? null,
        effective: !history.reversedBy.has(e.id),
        ...eventAffordances(history, recorded[i], viewer, now),
        // Units used against the approval pin its steps (the correction command refuses them).
        ...(row.unitsUsed > 0 ? { undoUntil: null, mayReverse: false } : {}),
      }),
    ),
  };
}

function toRecordedEvent(e: CaseEventRow): RecordedEvent {
  return {
    id: e.id,
    type: e.type,
    fromStatus: (e.fromStatus as RecordedEvent['fromStatus']) ?? null,
    toStatus: (e.toStatus as RecordedEvent['toStatus']) ?? null,
    actorId: e.actorId ?? null,
    note: e.note ?? null,
    data: e.data ?? {},
    occurredAt: e.occurredAt.toISOString(),
    createdAt: e.createdAt.toISOString(),
    correctsEventId: e.correctsEventId ?? null,
  };
}
