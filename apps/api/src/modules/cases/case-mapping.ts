import {
  CLOCK_LABELS,
  CLOCK_OWNERS,
  clockText,
  formatClock,
  toLocalDate,
  type CaseSnapshot,
  type Clock,
  type ClockKind,
  type PlanType,
} from '@preauth/domain';
import type { ClockDto } from './dto/case-output.dto';
import type { CaseFailedTreatment } from './case-failed-treatment.entity';
import type { CaseProcedureLine } from './case-procedure-line.entity';
import type { PreauthCase } from './preauth-case.entity';

// Case rules that services and the demo seed still import from here; they live in the domain.
export { computeStoredDue, describeDecision, editableFields } from '@preauth/domain';

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
    unitsUsed: c.unitsUsed,
    denialCode: c.denialCode,
    submittedAt: iso(c.submittedAt),
    infoRequestedAt: iso(c.infoRequestedAt),
    decidedAt: iso(c.decidedAt),
    deniedAt: iso(c.deniedAt),
    appealedAt: iso(c.appealedAt),
    externalReviewAt: iso(c.externalReviewAt),
    infoDueOn: c.infoDueOn,
  };
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
