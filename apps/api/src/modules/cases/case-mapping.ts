import {
  CLOCK_LABELS,
  CLOCK_OWNERS,
  clockText,
  computeDeadlines,
  formatClock,
  toLocalDate,
  type CaseSnapshot,
  type CaseStatus,
  type Clock,
  type ClockKind,
  type DeadlineRule,
  type PlanType,
  type Role,
} from '@preauth/domain';
import { CLINICAL_FINDING_WRITERS } from '../auth/field-rules';
import type { ClockDto } from './dto/case-output.dto';
import type { CaseFailedTreatment } from './case-failed-treatment.entity';
import type { CaseProcedureLine } from './case-procedure-line.entity';
import type { PreauthCase } from './preauth-case.entity';

export interface EvidenceCounts {
  photoCount: number;
  physicianNoteCount: number;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toSnapshot(
  c: PreauthCase,
  lines: CaseProcedureLine[],
  treatments: CaseFailedTreatment[],
  planType: PlanType,
  evidence: EvidenceCounts,
): CaseSnapshot {
  return {
    status: c.status,
    urgency: c.urgency,
    planType,
    procedureLines: lines.map((l) => ({
      cpt: l.cptCode,
      units: l.units,
      bodySite: l.bodySite,
      lesionCount: l.lesionCount,
    })),
    diagnoses: c.diagnoses,
    findings: {
      criteria: c.necessityCriteria,
      symptoms: c.symptoms,
      symptomDurationWeeks: c.symptomDurationWeeks,
      inflammation: c.inflammation,
      infection: c.infection,
      functionalImpairment: c.functionalImpairment,
    },
    failedTreatments: treatments.map((t) => ({
      therapy: t.therapy,
      startDate: t.startDate,
      endDate: t.endDate,
      outcome: t.outcome,
    })),
    cosmeticOverride: c.cosmeticOverrideJustification ? { justification: c.cosmeticOverrideJustification } : null,
    photoCount: evidence.photoCount,
    physicianNoteCount: evidence.physicianNoteCount,
    appealLevel: Math.min(2, Math.max(0, c.appealLevel)) as 0 | 1 | 2,
    peerToPeerDone: c.peerToPeerDone,
    authorizationNumber: c.authorizationNumber,
    validFrom: c.validFrom,
    validTo: c.validTo,
    approvedUnits: c.approvedUnits,
    denialCode: c.denialCode,
    submittedAt: iso(c.submittedAt),
    infoRequestedAt: iso(c.infoRequestedAt),
    decidedAt: iso(c.decidedAt),
    deniedAt: iso(c.deniedAt),
    appealedAt: iso(c.appealedAt),
    externalReviewAt: iso(c.externalReviewAt),
  };
}

// The peer-to-peer window is optional and short; letting it drive "overdue" would flag denied
// cases whose appeal window is still wide open.
const INFORMATIONAL_CLOCKS: readonly ClockKind[] = ['peer_to_peer_request'];

/** The deadline stored on the row, for SQL filters and sorting: the earliest binding clock. */
export function computeStoredDue(
  snapshot: CaseSnapshot,
  rule: DeadlineRule,
  timeZone: string,
  now: Date,
): { at: Date | null; kind: ClockKind | null } {
  const binding = computeDeadlines(snapshot, rule, { now, timeZone }).clocks.filter(
    (c) => !INFORMATIONAL_CLOCKS.includes(c.kind),
  );
  if (!binding.length) return { at: null, kind: null };
  const first = binding.reduce((a, b) => (Date.parse(a.dueAt) <= Date.parse(b.dueAt) ? a : b));
  return { at: new Date(first.dueAt), kind: first.kind };
}

export function toClockDto(clock: Clock, now: Date): ClockDto {
  return {
    kind: clock.kind,
    label: clock.label,
    dueAt: clock.dueAt,
    dueDate: clock.dueDate,
    owner: clock.owner,
    overdue: Date.parse(clock.dueAt) < now.getTime(),
    text: formatClock(clock, now),
  };
}

/**
 * A clock rebuilt from the stored next_due_at/next_due_kind, for list rows: the same DTO as
 * toClockDto gives for that clock, built straight from the row (a list maps up to 100 of them).
 */
export function storedClockDto(
  kind: ClockKind | null,
  dueAt: Date | null,
  timeZone: string,
  now: Date,
): ClockDto | null {
  if (!kind || !dueAt) return null;
  const msRemaining = dueAt.getTime() - now.getTime();
  return {
    kind,
    label: CLOCK_LABELS[kind],
    dueAt: dueAt.toISOString(),
    dueDate: toLocalDate(dueAt, timeZone),
    owner: CLOCK_OWNERS[kind],
    overdue: msRemaining < 0,
    text: clockText(kind, msRemaining),
  };
}

export const CLINICAL_FIELDS = ['findings', 'failedTreatments', 'cosmeticOverrideJustification'] as const;
const DOCUMENTATION_FIELDS = [
  'urgency',
  'payerId',
  'providerId',
  'procedureLines',
  'diagnoses',
  ...CLINICAL_FIELDS,
  'payerReference',
] as const;

/**
 * What PATCH may change: the request is editable until the payer has it; after that only the
 * payer's tracking number. A denied request is never edited: its correction is a new case.
 */
export function editableFields(status: CaseStatus, roles: readonly Role[]): string[] {
  const clinical = roles.some((role) => CLINICAL_FINDING_WRITERS.includes(role));
  let fields: readonly string[];
  switch (status) {
    case 'documented':
    case 'more_info_requested':
      fields = DOCUMENTATION_FIELDS;
      break;
    case 'submitted':
    case 'approved':
    case 'partially_approved':
    case 'peer_to_peer':
    case 'appealed':
    case 'external_review':
      fields = ['payerReference'];
      break;
    case 'denied':
    case 'expired':
    case 'withdrawn':
      fields = [];
      break;
  }
  return fields.filter((f) => clinical || !(CLINICAL_FIELDS as readonly string[]).includes(f));
}

export type DecisionStageName = 'initial' | 'peer_to_peer' | 'appeal_1' | 'appeal_2' | 'external_review';

/**
 * The payer decision a transition out of `before` records: its stage, when it was requested and
 * the legal deadline the payer was held to (null where none applies, e.g. peer-to-peer).
 */
export function describeDecision(
  before: CaseSnapshot,
  rule: DeadlineRule,
  decidedAt: Date,
  timeZone: string,
): { stage: DecisionStageName; requestedAt: Date; dueAt: Date | null } | null {
  let stage: DecisionStageName;
  let requestedAt: string | null | undefined;
  let clock: ClockKind | null;
  switch (before.status) {
    case 'submitted':
    case 'more_info_requested':
      [stage, requestedAt, clock] = ['initial', before.submittedAt, 'payer_decision'];
      break;
    case 'peer_to_peer':
      [stage, requestedAt, clock] = ['peer_to_peer', before.deniedAt, null];
      break;
    case 'appealed':
      [stage, requestedAt, clock] = [
        before.appealLevel >= 2 ? 'appeal_2' : 'appeal_1',
        before.appealedAt,
        'appeal_decision',
      ];
      break;
    case 'external_review':
      [stage, requestedAt, clock] = ['external_review', before.externalReviewAt, 'external_review_decision'];
      break;
    case 'documented':
    case 'approved':
    case 'partially_approved':
    case 'denied':
    case 'expired':
    case 'withdrawn':
      return null;
  }
  const due = clock
    ? computeDeadlines(before, rule, { now: decidedAt, timeZone }).clocks.find((c) => c.kind === clock)
    : undefined;
  return {
    stage,
    requestedAt: requestedAt ? new Date(requestedAt) : decidedAt,
    dueAt: due ? new Date(due.dueAt) : null,
  };
}
