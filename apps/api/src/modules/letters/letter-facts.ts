import {
  citePayerRule,
  computeAppealFilingDeadline,
  hasAppealLevelsLeft,
  icd10Descriptions,
  payerCriteriaMet,
  toLocalDate,
} from '@preauth/domain';
import { providerDisplayName } from '../providers/providers.service';
import { CaseDossier, dossierSnapshot } from './case-dossier';
import type { AppealFacts } from './appeal-letter-text';
import type { LetterClinic, LetterFacts } from './letter-text';

export function toLetterFacts(d: CaseDossier, clinic: LetterClinic | null, timeZone: string, now: Date): LetterFacts {
  const { row, lines, treatments } = d.loaded;
  return {
    date: toLocalDate(now, timeZone),
    caseNumber: row.caseNumber,
    payerReference: row.payerReference,
    patient: {
      name: `${d.patient.firstName} ${d.patient.lastName}`,
      dateOfBirth: d.patient.dateOfBirth,
      memberId: d.patient.memberId,
    },
    payer: { name: d.payer.name, planType: d.payer.planType },
    physician: { name: providerDisplayName(d.provider), npi: d.provider.npi },
    clinic,
    diagnoses: row.diagnoses,
    diagnosisDescriptions: icd10Descriptions(d.loaded.icd10),
    procedures: lines.map((l) => ({
      cpt: l.cptCode,
      units: l.units,
      bodySite: l.bodySite,
      lesionCount: l.lesionCount,
    })),
    findings: {
      criteria: row.necessityCriteria,
      symptoms: row.symptoms,
      symptomDurationWeeks: row.symptomDurationWeeks,
      inflammation: row.inflammation,
      infection: row.infection,
      functionalImpairment: row.functionalImpairment,
    },
    failedTreatments: treatments.map((t) => ({
      therapy: t.therapy,
      startDate: t.startDate,
      endDate: t.endDate,
      outcome: t.outcome,
    })),
    photos: d.photos.map((p) => ({
      bodySite: p.bodySite,
      lesionCount: p.lesionCount,
      takenOn: toLocalDate(p.takenAt, timeZone),
    })),
    clinicalNoteCount: d.notes.filter((n) => n.kind === 'clinical_note').length,
    payerPolicies: d.loaded.payerRules
      .filter((rule) => rule.criteria.length > 0)
      .map((rule) => ({
        policy: citePayerRule(rule),
        cptCode: rule.cptCode,
        met: payerCriteriaMet(dossierSnapshot(d), rule),
      })),
  };
}

/**
 * The facts of an appeal, or the reason none can be written yet. An appeal answers a denial: it
 * needs a recorded denial code and date, and a level left to file.
 */
export function toAppealFacts(
  d: CaseDossier,
  clinic: LetterClinic | null,
  timeZone: string,
  now: Date,
  denialDescription: string | null,
): AppealFacts | { refused: string } {
  const { row } = d.loaded;
  const snapshot = dossierSnapshot(d);
  if (!row.denialCode || !row.deniedAt)
    return { refused: 'No denial is recorded on this case; an appeal letter answers a denial.' };
  let level: number;
  if (row.status === 'appealed') {
    level = row.appealLevel;
  } else if (row.status === 'denied' || row.status === 'peer_to_peer' || row.status === 'partially_approved') {
    if (!hasAppealLevelsLeft(snapshot, d.rule)) {
      return {
        refused: `All ${d.rule.maxInternalAppealLevels} internal appeal levels are used; request external review instead.`,
      };
    }
    level = row.appealLevel + 1;
  } else {
    return { refused: `A case in state "${row.status}" has no denial to appeal.` };
  }
  const clock = computeAppealFilingDeadline(snapshot, d.rule, { now, timeZone });
  return {
    ...toLetterFacts(d, clinic, timeZone, now),
    denialCode: row.denialCode,
    denialDescription,
    denialText: row.denialText,
    deniedOn: toLocalDate(row.deniedAt, timeZone),
    appealLevel: level,
    filingDeadline: clock ? { dueDate: clock.dueDate, basis: clock.basis } : null,
    submittedOn: row.submittedAt ? toLocalDate(row.submittedAt, timeZone) : null,
    authorizationNumber: row.authorizationNumber,
  };
}
