import { hasCompatibilityRule, isDiagnosisCompatible, PACKET_PURPOSE_TITLES } from '@preauth/domain';
import {
  clause,
  CLOSING,
  contactText,
  criteriaText,
  describeDiagnosis,
  describeProcedure,
  findingsProse,
  formatLetterDate,
  header,
  historyText,
  listInProse,
  photosProse,
  plural,
  requestedTreatment,
  sentence,
  treatmentsProse,
  type LetterFacts,
} from './letter-text';

export interface AppealFacts extends LetterFacts {
  denialCode: string;
  /** The code's description, built in or added by a manager; null when nobody described it. */
  denialDescription: string | null;
  denialText: string | null;
  /** Date of the denial notice (clinic calendar date). */
  deniedOn: string;
  appealLevel: number;
  /** Last day to file the appeal, and how it was derived ("180 calendar days"). */
  filingDeadline: { dueDate: string; basis: string } | null;
  submittedOn: string | null;
  authorizationNumber: string | null;
}

/** The case for medical necessity as numbered points: criteria, history and findings, treatment, photos. */
function necessityPoints(f: AppealFacts): string[] {
  const findings = findingsProse(f);
  return [criteriaText(f), `${historyText(f)}${findings ? ` ${findings}` : ''}`, treatmentsProse(f), photosProse(f)];
}

/**
 * The answers to the payer's stated reason, one numbered point each: first the point the reason
 * code asks about, then the medical-necessity case the reviewer needs to reverse the denial.
 */
export function answerDenial(f: AppealFacts): string[] {
  const points: string[] = [];
  switch (f.denialCode) {
    case 'CO-50':
    case 'CO-96':
    case 'CO-204':
      // "Not medically necessary" or "not covered": a cosmetic reading is answered by the
      // criteria the lesions meet, which lead.
      points.push(...necessityPoints(f));
      break;
    case 'CO-11':
    case 'CO-167':
      points.push(
        ...f.procedures.map((p) => {
          const compatible = f.diagnoses.filter((d) => isDiagnosisCompatible(p.cpt, d));
          return hasCompatibilityRule(p.cpt) && compatible.length
            ? `The diagnosis and the procedure agree: ${describeProcedure(p.cpt)} is the procedure for the documented ${listInProse(compatible.map((d) => describeDiagnosis(d, f.diagnosisDescriptions)))}, confirmed on examination (${plural(p.lesionCount, 'lesion')}, ${clause(p.bodySite)}).`
            : `${describeProcedure(p.cpt)} is requested for ${listInProse(f.diagnoses.map((d) => describeDiagnosis(d, f.diagnosisDescriptions))) || 'the documented diagnosis'}, confirmed on examination (${plural(p.lesionCount, 'lesion')}, ${clause(p.bodySite)}).`;
        }),
        ...necessityPoints(f),
      );
      break;
    case 'CO-197':
    case 'CO-15':
      points.push(
        `Pre-authorization was requested before any procedure${f.submittedOn ? `, on ${formatLetterDate(f.submittedOn)}` : ''}` +
          `${f.payerReference ? `, under your reference ${clause(f.payerReference)}` : ''}` +
          `${f.authorizationNumber ? `; the authorization number is ${clause(f.authorizationNumber)}` : ''}. No procedure has been performed without it.`,
        ...necessityPoints(f),
      );
      break;
    case 'CO-198':
      points.push(
        ...f.procedures.map(
          (p) =>
            `The units requested match the lesions documented: ${describeProcedure(p.cpt)}, ${plural(p.units, 'unit')} for ${plural(p.lesionCount, 'lesion')} at this site: ${clause(p.bodySite)}.`,
        ),
        ...necessityPoints(f),
      );
      break;
    case 'CO-16':
      points.push(
        `The information missing from the request is enclosed: the letter of medical necessity, ${plural(f.photos.length, 'dated photograph')} and ${plural(f.clinicalNoteCount, 'clinical note')}.`,
        ...necessityPoints(f),
      );
      break;
    default:
      points.push(...necessityPoints(f));
  }
  return points.map((p, i) => `${i + 1}. ${p}`);
}

export function composeAppealLetter(f: AppealFacts): string {
  const title = PACKET_PURPOSE_TITLES[f.appealLevel >= 2 ? 'appeal_level_2' : 'appeal_level_1'];
  return [
    ...header(f, title, [
      `Denial notice dated: ${formatLetterDate(f.deniedOn)}`,
      f.filingDeadline
        ? `Appeal filing deadline: ${formatLetterDate(f.filingDeadline.dueDate)} (${f.filingDeadline.basis} after the denial notice)`
        : 'Appeal filing deadline: not computable (no denial date recorded)',
    ]),
    `I am writing to appeal your denial, dated ${formatLetterDate(f.deniedOn)}, of pre-authorization for my patient, ${f.patient.name}, and to ask you to reverse it.` +
      (f.appealLevel >= 2 ? ' This is a second-level appeal: the first level upheld the denial.' : ''),
    '',
    'Your reason for the denial',
    `Your notice gives reason code ${f.denialCode}${f.denialDescription ? `: ${sentence(f.denialDescription)}` : '.'}` +
      (f.denialText?.trim() ? ` It adds: "${clause(f.denialText)}."` : ''),
    '',
    'Response, point by point',
    ...answerDenial(f),
    '',
    ...requestedTreatment(f),
    '',
    `For these reasons I ask you to reverse the denial and authorize the treatment requested. ${contactText(f)}`,
    '',
    ...CLOSING,
  ].join('\n');
}
