import {
  findCpt,
  MEDICAL_NECESSITY_CRITERION_LABELS,
  PLAN_TYPE_LABELS,
  type MedicalNecessityCriterion,
  type PlanType,
} from '@preauth/domain';

// Pure text builders: every sentence comes from a field of LetterFacts, so a test can check that
// the letter says each thing it claims to, and a physician edits plain text before signing. Each
// paragraph argues from the case: what the patient has had and for how long, what the
// examination found, which coverage criteria that meets, what cheaper treatment failed, and
// what the photographs show. Free text from the chart is set off by a colon and closed with
// `sentence()`, so a field that ends with its own period never doubles it.

export interface LetterPhoto {
  bodySite: string;
  lesionCount: number;
  /** Calendar date in the clinic's time zone. */
  takenOn: string;
}

/** The practice as the letter names it for questions, from the clinic profile. */
export interface LetterClinic {
  name: string;
  phone: string;
  fax: string;
}

export interface LetterFacts {
  /** The letter's date, YYYY-MM-DD in the clinic's time zone. */
  date: string;
  caseNumber: string;
  payerReference: string | null;
  patient: { name: string; dateOfBirth: string; memberId: string | null };
  payer: { name: string; planType: PlanType };
  physician: { name: string; npi: string };
  /** Null until an admin saves the clinic profile. */
  clinic: LetterClinic | null;
  diagnoses: string[];
  /** ICD-10-CM descriptions from the release in effect for the case, by code. */
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
  /** The payer's own policies for the request's codes and which of their criteria the case meets. */
  payerPolicies?: { policy: string; cptCode: string; met: MedicalNecessityCriterion[] }[];
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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Chart text as a clause: trimmed, without the punctuation it may end with. */
export function clause(text: string): string {
  return text.trim().replace(/[\s.;:,]+$/, '');
}

/** Chart text as a sentence: one final period, whatever the text ended with. */
export function sentence(text: string): string {
  const c = clause(text);
  return c ? `${c}.` : '';
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** "a, b and c" */
export function listInProse(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function describeDiagnosis(code: string, descriptions: Readonly<Record<string, string>> = {}): string {
  const description = descriptions[code];
  return description ? `${code} (${description})` : code;
}

export function describeProcedure(cpt: string): string {
  const entry = findCpt(cpt);
  return entry ? `CPT ${cpt} (${entry.description})` : `CPT ${cpt}`;
}

/** 40 weeks → "40 weeks (about 9 months)". */
export function describeWeeks(weeks: number): string {
  const months = Math.round((weeks * 7) / 30.44);
  return weeks >= 8 ? `${plural(weeks, 'week')} (about ${plural(months, 'month')})` : plural(weeks, 'week');
}

function spanBetween(start: string, end: string): string | null {
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(days) || days < 1) return null;
  return days < 56 ? plural(Math.round(days / 7) || 1, 'week') : plural(Math.round(days / 30.44), 'month');
}

export function header(f: LetterFacts, subject: string, extra: string[] = []): string[] {
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
    `Plan type: ${PLAN_TYPE_LABELS[f.payer.planType]}`,
    `Ordering physician: ${f.physician.name}, NPI ${f.physician.npi}`,
    `Clinic reference: ${f.caseNumber}${f.payerReference ? `; payer reference: ${clause(f.payerReference)}` : ''}`,
    ...extra,
    '',
    'Dear Medical Director:',
    '',
  ];
}

export function requestedTreatment(f: LetterFacts): string[] {
  return [
    'Diagnosis and requested treatment',
    ...(f.diagnoses.length
      ? f.diagnoses.map((d) => `- ICD-10-CM ${describeDiagnosis(d, f.diagnosisDescriptions)}`)
      : ['- No diagnosis code is recorded yet.']),
    ...(f.procedures.length
      ? f.procedures.map(
          (p) =>
            `- ${describeProcedure(p.cpt)}: ${plural(p.units, 'unit')}, ${clause(p.bodySite)}, ${plural(p.lesionCount, 'lesion')}`,
        )
      : ['- No procedure code is recorded yet.']),
  ];
}

/** How long the patient has had which symptoms. */
export function historyText(f: LetterFacts): string {
  const symptoms = f.findings.symptoms ? lowerFirst(clause(f.findings.symptoms)) : '';
  const weeks = f.findings.symptomDurationWeeks;
  if (symptoms && weeks != null) {
    return `For ${describeWeeks(weeks)} the patient has had the following symptoms: ${symptoms}.`;
  }
  if (symptoms) return `The patient has the following symptoms: ${symptoms}. Their duration is not documented yet.`;
  if (weeks != null) return `The lesions have been symptomatic for ${describeWeeks(weeks)}.`;
  return 'The symptoms and their duration are not documented yet.';
}

/** What the examination found: the lesions by site, inflammation, infection, function. */
export function findingsText(f: LetterFacts): string[] {
  const total = f.procedures.reduce((sum, p) => sum + p.lesionCount, 0);
  const lines: string[] = [];
  if (f.procedures.length === 1) {
    const p = f.procedures[0];
    lines.push(`Examination documents ${plural(p.lesionCount, 'lesion')} at this site: ${clause(p.bodySite)}.`);
  } else if (f.procedures.length > 1) {
    lines.push(`Examination documents ${plural(total, 'lesion')}:`);
    lines.push(...f.procedures.map((p) => `- ${clause(p.bodySite)}: ${plural(p.lesionCount, 'lesion')}`));
  }
  const signs = signsText(f);
  if (signs.length) lines.push(signs.join(' '));
  return lines;
}

function signsText(f: LetterFacts): string[] {
  const signs: string[] = [];
  if (f.findings.inflammation) {
    signs.push('There is physical evidence of inflammation (erythema, edema, purulence or oozing).');
  }
  if (f.findings.infection) signs.push('The lesions show signs of infection.');
  if (f.findings.functionalImpairment?.trim()) {
    signs.push(`Effect on daily function: ${sentence(f.findings.functionalImpairment)}`);
  }
  return signs;
}

/** The examination in one paragraph, for a numbered point of an appeal. */
export function findingsProse(f: LetterFacts): string {
  const total = f.procedures.reduce((sum, p) => sum + p.lesionCount, 0);
  const sites = f.procedures.map((p) => `${lowerFirst(clause(p.bodySite))}, ${p.lesionCount}`);
  const exam =
    f.procedures.length === 1
      ? `Examination documents ${plural(total, 'lesion')} at one site: ${lowerFirst(clause(f.procedures[0].bodySite))}.`
      : `Examination documents ${plural(total, 'lesion')}, by site: ${sites.join('; ')}.`;
  return [...(f.procedures.length ? [exam] : []), ...signsText(f)].join(' ');
}

/** Why the removal is not cosmetic: the coverage criteria the lesions meet. */
export function criteriaText(f: LetterFacts): string {
  const criteria = f.findings.criteria.map((c) => lowerFirst(MEDICAL_NECESSITY_CRITERION_LABELS[c] ?? c));
  if (!criteria.length) {
    return 'No medical-necessity criterion is documented yet; without one, payers treat the removal of benign lesions as cosmetic.';
  }
  return (
    'The removal is medically necessary, not cosmetic. Payer policies on benign skin lesions (for example ' +
    'Aetna CPB 0633 and Anthem ANC.00007) cover removal when the lesions cause symptoms or their diagnosis is ' +
    `uncertain, and these lesions meet ${f.findings.criteria.length === 1 ? 'this criterion' : `${f.findings.criteria.length} of those criteria`}: ` +
    `${listInProse(criteria)}.${payerPolicyText(f)}`
  );
}

/** The payer's own criteria the case meets, quoted policy by policy. */
function payerPolicyText(f: LetterFacts): string {
  return (f.payerPolicies ?? [])
    .filter((p) => p.met.length > 0)
    .map(
      (p) =>
        ` Under ${p.policy}, which ${f.payer.name} applies to CPT ${p.cptCode}, the case meets ${p.met.length === 1 ? 'this criterion' : `${p.met.length} of its criteria`}: ` +
        `${listInProse(p.met.map((c) => lowerFirst(MEDICAL_NECESSITY_CRITERION_LABELS[c])))}.`,
    )
    .join('');
}

function treatmentSpan(t: LetterFacts['failedTreatments'][number]): string {
  if (!t.endDate) return `since ${formatLetterDate(t.startDate)} (ongoing)`;
  const span = spanBetween(t.startDate, t.endDate);
  return `from ${formatLetterDate(t.startDate)} to ${formatLetterDate(t.endDate)}${span ? ` (${span})` : ''}`;
}

/** The cheaper treatments tried, with their dates and outcomes. */
export function treatmentsText(f: LetterFacts): string[] {
  if (!f.failedTreatments.length) {
    return ['No less costly treatment is documented yet; most payers ask for one before removal.'];
  }
  return [
    `Less costly treatment was tried first and failed${f.failedTreatments.length > 1 ? ' each time' : ''}:`,
    ...f.failedTreatments.map((t) => `- ${clause(t.therapy)}, ${treatmentSpan(t)}: ${sentence(lowerFirst(t.outcome))}`),
    `With ${f.failedTreatments.length > 1 ? 'these treatments' : 'this treatment'} exhausted, removal is the remaining option.`,
  ];
}

/** The same treatments as one paragraph, for a numbered point of an appeal. */
export function treatmentsProse(f: LetterFacts): string {
  if (!f.failedTreatments.length) return treatmentsText(f)[0];
  const tried = f.failedTreatments.map(
    (t) => `${clause(t.therapy)}, ${treatmentSpan(t)}: ${sentence(lowerFirst(t.outcome))}`,
  );
  return `Less costly treatment was tried first and failed. ${tried.join(' ')} ${treatmentsText(f).at(-1)}`;
}

/** The enclosed photographs, each with its site, lesion count and date. */
export function photosText(f: LetterFacts): string[] {
  if (!f.photos.length) return ['No photographs are enclosed yet.'];
  return [
    `${plural(f.photos.length, 'dated clinical photograph')} ${f.photos.length === 1 ? 'is' : 'are'} enclosed:`,
    ...f.photos.map(
      (p, i) =>
        `- Photo ${i + 1}: ${clause(p.bodySite)}, ${plural(p.lesionCount, 'lesion')}, taken ${formatLetterDate(p.takenOn)}`,
    ),
  ];
}

export function photosProse(f: LetterFacts): string {
  if (!f.photos.length) return photosText(f)[0];
  const shown = f.photos.map(
    (p) =>
      `${lowerFirst(clause(p.bodySite))}, ${plural(p.lesionCount, 'lesion')}, taken ${formatLetterDate(p.takenOn)}`,
  );
  return f.photos.length === 1
    ? `The enclosed dated photograph shows the lesions as examined: ${shown[0]}.`
    : `The ${f.photos.length} enclosed dated photographs show the lesions as examined: ${shown.map((s, i) => `photo ${i + 1}, ${s}`).join('; ')}.`;
}

/** Where the reviewer calls or faxes: the clinic's own numbers, never "my office". */
export function contactText(f: LetterFacts): string {
  return f.clinic
    ? `If you need anything further, please call ${f.clinic.name} at ${f.clinic.phone} or fax ${f.clinic.fax}, quoting reference ${f.caseNumber}.`
    : `If you need anything further, please contact the office of ${f.physician.name}, quoting reference ${f.caseNumber}.`;
}

// A draft ends at the closing: the signature block is added when a physician signs, in the
// signer's own name and NPI, so the letter can never carry one physician's name over another's
// signature.
export const CLOSING = ['Sincerely,'];

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

/** The letter of medical necessity that goes with the first request (and an answer to questions). */
export function composeMedicalNecessityLetter(f: LetterFacts): string {
  const diagnoses = f.diagnoses.map((d) => {
    const description = f.diagnosisDescriptions?.[d];
    return description ? `${lowerFirst(description)} (ICD-10-CM ${d})` : `ICD-10-CM ${d}`;
  });
  return [
    ...header(f, 'Letter of medical necessity: request for pre-authorization'),
    `I am requesting pre-authorization to treat my patient, ${f.patient.name}, for ${
      diagnoses.length ? listInProse(diagnoses) : 'the condition described below'
    }. The treatment requested and the reasons it is medically necessary follow.`,
    '',
    ...requestedTreatment(f),
    '',
    'History',
    historyText(f),
    '',
    'Findings',
    ...(findingsText(f).length ? findingsText(f) : ['The examination findings are not documented yet.']),
    '',
    'Why this is not cosmetic',
    criteriaText(f),
    '',
    'Treatment tried first',
    ...treatmentsText(f),
    '',
    'Photographs',
    ...photosText(f),
    '',
    `For these reasons I ask you to authorize the treatment requested. ${contactText(f)}`,
    '',
    ...CLOSING,
  ].join('\n');
}
