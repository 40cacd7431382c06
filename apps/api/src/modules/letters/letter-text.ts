import {
  findCarcCode,
  findCpt,
  isDiagnosisCompatible,
  hasCompatibilityRule,
  MEDICAL_NECESSITY_CRITERION_LABELS,
  PLAN_TYPE_LABELS,
  type MedicalNecessityCriterion,
  type PlanType,
} from '@preauth/domain';

// Pure text builders: every sentence comes from a field of LetterFacts, so a test can check that
// the letter says each thing it claims to, and a physician edits plain text before signing.

export interface LetterPhoto {
  bodySite: string;
  lesionCount: number;
  /** Calendar date in the clinic's time zone. */
  takenOn: string;
}

export interface LetterFacts {
  /** The letter's date, YYYY-MM-DD in the clinic's time zone. */
  date: string;
  caseNumber: string;
  payerReference: string | null;
  patient: { name: string; dateOfBirth: string; memberId: string | null };
  payer: { name: string; planType: PlanType };
  physician: { name: string; npi: string };
  diagnoses: string[];
  diagnosisDescriptions?: Readonly<Record<string, string>>;
  procedures: { cpt: string; units: number; bodySite: string; lesionCount: number }[];
  findings: {
    criteria: MedicalNecessityCriterion[];
    symptoms: string | null;
    symptomDurationWeeks: number | null;
    inflammation: boolean;
    infection: boolean;
    functionalImpairment: string | null;
  };
  failedTreatments: { therapy: string; startDate: string; endDate: string | null; outcome: string }[];
  photos: LetterPhoto[];
  clinicalNoteCount: number;
}

export interface AppealFacts extends LetterFacts {
  denialCode: string;
  denialText: string | null;
  /** Date of the denial notice (clinic calendar date). */
  deniedOn: string;
  appealLevel: number;
  /** Last day to file the appeal, and how it was derived ("180 calendar days"). */
  filingDeadline: { dueDate: string; basis: string } | null;
  submittedOn: string | null;
  authorizationNumber: string | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-03-01 → March 1, 2026 (the form payers' reviewers read). */
export function formatLetterDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** descriptions: the case's codes as the ICD-10-CM release for its date of service names them. */
export function describeDiagnosis(code: string, descriptions: Readonly<Record<string, string>> = {}): string {
  const description = descriptions[code];
  return description ? `${code} (${description})` : code;
}

export function describeProcedure(cpt: string): string {
  const entry = findCpt(cpt);
  return entry ? `CPT ${cpt} (${entry.description})` : `CPT ${cpt}`;
}

function header(f: LetterFacts, subject: string): string[] {
  return [
    formatLetterDate(f.date),
    '',
    f.payer.name,
    'Utilization Management / Prior Authorization',
    '',
    `RE: ${subject}`,
    `Patient: ${f.patient.name}`,
    `Date of birth: ${formatLetterDate(f.patient.dateOfBirth)}`,
    `Member ID: ${f.patient.memberId ?? 'not on file'}`,
    `Payer: ${f.payer.name} (${PLAN_TYPE_LABELS[f.payer.planType]})`,
    `Ordering physician: ${f.physician.name}, NPI ${f.physician.npi}`,
    `Clinic reference: ${f.caseNumber}${f.payerReference ? `; payer reference: ${f.payerReference}` : ''}`,
    '',
  ];
}

function codeSections(f: LetterFacts): string[] {
  return [
    'Diagnosis',
    ...(f.diagnoses.length
      ? f.diagnoses.map((d) => `- ICD-10-CM ${describeDiagnosis(d, f.diagnosisDescriptions)}`)
      : ['- No diagnosis code is recorded.']),
    '',
    'Requested procedure',
    ...(f.procedures.length
      ? f.procedures.map(
          (p) =>
            `- ${describeProcedure(p.cpt)}: ${plural(p.units, 'unit')}, ${p.bodySite}, ${plural(p.lesionCount, 'lesion')}`,
        )
      : ['- No procedure code is recorded.']),
    '',
  ];
}

export function findingSentences(f: LetterFacts): string[] {
  const lines: string[] = [];
  if (f.findings.criteria.length) {
    lines.push('The lesions meet these criteria for medically necessary removal:');
    lines.push(...f.findings.criteria.map((c) => `- ${MEDICAL_NECESSITY_CRITERION_LABELS[c] ?? c}`));
  } else {
    lines.push('No medical-necessity criterion is documented yet.');
  }
  lines.push(`Symptoms: ${f.findings.symptoms?.trim() || 'none documented'}.`.replace(/\.\.$/, '.'));
  lines.push(
    `Duration of symptoms: ${f.findings.symptomDurationWeeks != null ? plural(f.findings.symptomDurationWeeks, 'week') : 'not documented'}.`,
  );
  lines.push(
    f.findings.inflammation
      ? 'Inflammation: physical evidence of inflammation (erythema, edema, purulence or oozing) is present.'
      : 'Inflammation: no physical evidence of inflammation is documented.',
  );
  if (f.findings.infection) lines.push('Infection: the lesions show signs of infection.');
  lines.push(
    `Functional impairment: ${f.findings.functionalImpairment?.trim() || 'none documented'}.`.replace(/\.\.$/, '.'),
  );
  return lines;
}

export function treatmentSentences(f: LetterFacts): string[] {
  if (!f.failedTreatments.length) {
    return ['No less costly treatment has been tried before this request; none is documented in the chart.'];
  }
  return [
    'The following less costly treatments were tried and failed:',
    ...f.failedTreatments.map(
      (t) =>
        `- ${t.therapy}, from ${formatLetterDate(t.startDate)} ${t.endDate ? `to ${formatLetterDate(t.endDate)}` : '(ongoing)'}: ${t.outcome}`,
    ),
  ];
}

export function photoSentences(f: LetterFacts): string[] {
  if (!f.photos.length) return ['No photographs attached.'];
  const sites = [...new Set(f.photos.map((p) => p.bodySite))];
  const dates = [...new Set(f.photos.map((p) => p.takenOn))].sort();
  return [
    `${plural(f.photos.length, 'dated clinical photograph')} ${f.photos.length === 1 ? 'is' : 'are'} attached, of ${sites.join('; ')}, taken ${
      dates.length === 1
        ? `on ${formatLetterDate(dates[0])}`
        : `between ${formatLetterDate(dates[0])} and ${formatLetterDate(dates[dates.length - 1])}`
    }:`,
    ...f.photos.map(
      (p, i) =>
        `- Photo ${i + 1}: ${p.bodySite}, ${plural(p.lesionCount, 'lesion')}, taken ${formatLetterDate(p.takenOn)}`,
    ),
  ];
}

// A draft ends at the closing: the signature block is added when a physician signs, in the
// signer's own name and NPI, so the letter can never carry one physician's name over another's
// signature.
const CLOSING = ['Sincerely,'];

export interface SignatureFacts {
  signer: { name: string; npi: string };
  /** The case's ordering physician, named when someone else signs. */
  orderingPhysician: { name: string; npi: string };
  /** The signing time as the clinic reads it: date, time and zone. */
  signedAtLocal: string;
}

/** The lines appended to the letter's text at signing; the SHA-256 covers them too. */
export function composeSignatureBlock(f: SignatureFacts): string[] {
  const sameDoctor = f.signer.npi === f.orderingPhysician.npi;
  return [
    '',
    f.signer.name,
    `NPI ${f.signer.npi}`,
    ...(sameDoctor
      ? []
      : [
          `Ordering physician: ${f.orderingPhysician.name}, NPI ${f.orderingPhysician.npi}; signed by ${f.signer.name}, NPI ${f.signer.npi}`,
        ]),
    '',
    `Electronically signed by ${f.signer.name}, NPI ${f.signer.npi}, on ${f.signedAtLocal}`,
  ];
}

/** "December 6, 2026, 4:16:36 AM EST": a signing time in the clinic's zone, zone named. */
export function formatSignedAt(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

export function composeMedicalNecessityLetter(f: LetterFacts): string {
  return [
    ...header(f, 'Letter of medical necessity, request for pre-authorization'),
    'To whom it may concern:',
    '',
    `I am writing on behalf of my patient, ${f.patient.name}, to request pre-authorization of the procedure below. ` +
      'The removal is medically necessary, not cosmetic, for the reasons documented here.',
    '',
    ...codeSections(f),
    'Medical necessity',
    ...findingSentences(f),
    '',
    'Failed less costly treatments',
    ...treatmentSentences(f),
    '',
    'Clinical photographs',
    ...photoSentences(f),
    '',
    'Please contact my office with any question about this request.',
    '',
    ...CLOSING,
  ].join('\n');
}

/** The answers an appeal gives to a denial reason, one point per paragraph. */
export function answerDenial(f: AppealFacts): string[] {
  const points: string[] = [];
  const code = f.denialCode;
  // Inside a numbered point the bullet lists read as prose: "Intense itching; Burning."
  const prose = (lines: string[]) =>
    lines
      .map((l) => (l.startsWith('- ') ? `${l.slice(2)};` : l))
      .join(' ')
      .replace(/;(?= [A-Z][a-z]+:| No | The |$)/g, '.')
      .replace(/:;/g, ':');
  const necessity = [
    `The procedure is medically necessary, not cosmetic. ${prose(findingSentences(f))}`,
    prose(treatmentSentences(f)),
    prose(photoSentences(f)),
  ];
  switch (code) {
    case 'CO-50':
      points.push(
        `The codes requested are medical, not cosmetic: the diagnosis ${f.diagnoses.map((d) => describeDiagnosis(d, f.diagnosisDescriptions)).join(', ') || '(none recorded)'} ` +
          `is treated with ${f.procedures.map((p) => describeProcedure(p.cpt)).join(', ') || '(no procedure recorded)'}.`,
        ...necessity,
      );
      break;
    case 'CO-11':
      points.push(
        ...f.procedures.map((p) => {
          const compatible = f.diagnoses.filter((d) => isDiagnosisCompatible(p.cpt, d));
          return hasCompatibilityRule(p.cpt) && compatible.length
            ? `${describeProcedure(p.cpt)} is supported by the diagnosis ${compatible.map((d) => describeDiagnosis(d, f.diagnosisDescriptions)).join(', ')}, a diagnosis consistent with this procedure.`
            : `${describeProcedure(p.cpt)} is requested for the diagnosis ${f.diagnoses.map((d) => describeDiagnosis(d, f.diagnosisDescriptions)).join(', ')}.`;
        }),
        ...necessity,
      );
      break;
    case 'CO-197':
    case 'CO-15':
      points.push(
        `Pre-authorization was requested before the procedure${f.submittedOn ? `, on ${formatLetterDate(f.submittedOn)}` : ''}` +
          `${f.payerReference ? ` under your reference ${f.payerReference}` : ''}` +
          `${f.authorizationNumber ? `; the authorization number is ${f.authorizationNumber}` : ''}.`,
        ...necessity,
      );
      break;
    case 'CO-198':
      points.push(
        ...f.procedures.map(
          (p) =>
            `${describeProcedure(p.cpt)}: ${plural(p.units, 'unit')} requested for ${plural(p.lesionCount, 'documented lesion')} at ${p.bodySite}.`,
        ),
        ...necessity,
      );
      break;
    case 'CO-16':
      points.push(
        `The missing information is enclosed: the letter of medical necessity, ${plural(f.photos.length, 'dated photograph')} and ${plural(f.clinicalNoteCount, 'clinical note')}.`,
        ...necessity,
      );
      break;
    default:
      points.push(...necessity);
  }
  return points.map((p, i) => `${i + 1}. ${p}`);
}

export function composeAppealLetter(f: AppealFacts): string {
  const carc = findCarcCode(f.denialCode);
  const reason = carc ? `${f.denialCode} (${carc.description})` : f.denialCode;
  return [
    ...header(f, `Level ${f.appealLevel} internal appeal of a denied pre-authorization`),
    `Denial notice dated: ${formatLetterDate(f.deniedOn)}`,
    f.filingDeadline
      ? `Appeal filing deadline: ${formatLetterDate(f.filingDeadline.dueDate)} (${f.filingDeadline.basis} after the denial notice)`
      : 'Appeal filing deadline: not computable (no denial date recorded)',
    '',
    'To whom it may concern:',
    '',
    `I am writing to request a level ${f.appealLevel} appeal of your denial of pre-authorization for my patient, ${f.patient.name}.`,
    '',
    'Denial reason',
    `You denied the request with reason code ${reason}${f.denialText ? `: "${f.denialText}"` : '.'}`,
    '',
    ...codeSections(f),
    'Response to the denial, point by point',
    ...answerDenial(f),
    '',
    'For these reasons I ask you to overturn the denial and authorize the procedure.',
    '',
    ...CLOSING,
  ].join('\n');
}
