import { isValidCptFormat, normalizeCpt } from './codes';
import { isIsoDate } from './local-date';
import {
  documentedCriteria,
  isMedicalNecessityCriterion,
  MEDICAL_NECESSITY_CRITERION_LABELS,
  type MedicalNecessityCriterion,
} from './medical-necessity';
import { isPlanType, type PlanType } from './plan-types';
import type { ReadinessField, ReadinessItem } from './readiness';
import type { CaseSnapshot } from './snapshot';

// Whether a payer wants a request before the procedure; 'unknown' until someone has checked.
export const PRIOR_AUTH_REQUIREMENTS = ['required', 'not_required', 'unknown'] as const;
export type PriorAuthRequirement = (typeof PRIOR_AUTH_REQUIREMENTS)[number];

export const PRIOR_AUTH_LABELS: Record<PriorAuthRequirement, string> = {
  required: 'Required',
  not_required: 'Not required',
  unknown: 'Unknown',
};

// Documents a payer's policy asks for that the case itself can show, so the checklist can check them.
export const PAYER_RULE_DOCUMENTS = [
  'clinical_notes',
  'treatment_history',
  'lesion_site_and_count',
  'symptom_duration',
] as const;
export type PayerRuleDocument = (typeof PAYER_RULE_DOCUMENTS)[number];

export const PAYER_RULE_DOCUMENT_LABELS: Record<PayerRuleDocument, string> = {
  clinical_notes: "Physician's clinical notes",
  treatment_history: 'History of failed less costly treatments',
  lesion_site_and_count: 'Body site and lesion count of each lesion treated',
  symptom_duration: 'How long the symptoms have lasted',
};

export function isPayerRuleDocument(value: unknown): value is PayerRuleDocument {
  return typeof value === 'string' && (PAYER_RULE_DOCUMENTS as readonly string[]).includes(value);
}

/** What a rule says, as a manager writes it (one payer, optional plan type, one CPT code). */
export interface PayerRuleContent {
  priorAuth: PriorAuthRequirement;
  // The payer accepts removal when at least one of these is documented; empty = no criteria of its own.
  criteria: MedicalNecessityCriterion[];
  minSymptomWeeks: number | null;
  minFailedTreatments: number | null;
  photosRequired: boolean;
  documents: PayerRuleDocument[];
  policyName: string | null;
  policyUrl: string | null;
  policyVersion: string | null;
  // YYYY-MM-DD: the day someone last read the payer's policy.
  policyCheckedOn: string | null;
  portalUrl: string | null;
  fax: string | null;
  phone: string | null;
  electronicEndpoint: string | null;
  appealAddress: string | null;
  notes: string | null;
}

export interface PayerRuleKey {
  payerId: string;
  // null: the rule holds for every plan type of the payer.
  planType: PlanType | null;
  cptCode: string;
}

/** One stored version of a rule. Versions are never changed: an edit adds the next one. */
export interface PayerRule extends PayerRuleKey, PayerRuleContent {
  id: string;
  version: number;
}

export interface PayerRuleProblem {
  field: string;
  reason: string;
}

const TEXT_LIMITS: Partial<Record<keyof PayerRuleContent, number>> = {
  policyName: 200,
  policyUrl: 500,
  policyVersion: 60,
  portalUrl: 500,
  fax: 40,
  phone: 40,
  electronicEndpoint: 500,
  appealAddress: 1000,
  notes: 2000,
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Every problem of a rule's key and content, named by field, so the API, the form and the CSV
 * import refuse the same things with the same words.
 */
export function checkPayerRule(rule: Omit<PayerRuleKey, 'payerId'> & PayerRuleContent): PayerRuleProblem[] {
  const problems: PayerRuleProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (!isValidCptFormat(normalizeCpt(rule.cptCode ?? '')))
    add('cptCode', 'must be a CPT code (5 digits, or 4 and a letter)');
  if (rule.planType !== null && !isPlanType(rule.planType)) add('planType', 'is not a plan type');
  if (!(PRIOR_AUTH_REQUIREMENTS as readonly string[]).includes(rule.priorAuth)) {
    add('priorAuth', `must be one of ${PRIOR_AUTH_REQUIREMENTS.join(', ')}`);
  }
  const badCriterion = rule.criteria.find((c) => !isMedicalNecessityCriterion(c));
  if (badCriterion !== undefined) add('criteria', `"${String(badCriterion)}" is not a medical-necessity criterion`);
  const badDocument = rule.documents.find((d) => !isPayerRuleDocument(d));
  if (badDocument !== undefined) add('documents', `"${String(badDocument)}" is not a document the checklist knows`);
  for (const field of ['minSymptomWeeks', 'minFailedTreatments'] as const) {
    const value = rule[field];
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 520)) {
      add(field, 'must be a whole number from 1 to 520, or empty');
    }
  }
  if (rule.policyCheckedOn !== null && !isIsoDate(rule.policyCheckedOn))
    add('policyCheckedOn', 'must be a YYYY-MM-DD date');
  for (const field of ['policyUrl', 'portalUrl', 'electronicEndpoint'] as const) {
    const value = rule[field];
    if (value !== null && !isHttpUrl(value)) add(field, 'must be an http(s) URL');
  }
  for (const [field, limit] of Object.entries(TEXT_LIMITS) as [keyof PayerRuleContent, number][]) {
    const value = rule[field];
    if (typeof value === 'string' && value.length > limit) add(field, `must be at most ${limit} characters`);
  }
  if ((rule.criteria.length > 0 || rule.photosRequired || rule.documents.length > 0) && !rule.policyName?.trim()) {
    add('policyName', "is needed when the rule adds criteria or documents: the checklist cites the payer's policy");
  }
  return problems;
}

/**
 * The rule for a payer, plan type and CPT code: the latest version of the rule written for that
 * plan type, else of the payer's rule for every plan type.
 */
export function selectPayerRule(
  rules: readonly PayerRule[],
  key: { payerId: string; planType: PlanType; cptCode: string },
): PayerRule | undefined {
  const cpt = normalizeCpt(key.cptCode);
  const latest = (planType: PlanType | null) =>
    rules
      .filter((r) => r.payerId === key.payerId && r.planType === planType && normalizeCpt(r.cptCode) === cpt)
      .reduce<PayerRule | undefined>((best, r) => (!best || r.version > best.version ? r : best), undefined);
  return latest(key.planType) ?? latest(null);
}

/** How the checklist and the letter cite a rule: "Aetna CPB 0633" or "the payer's rule for 10040". */
export function citePayerRule(rule: Pick<PayerRule, 'policyName' | 'cptCode'>): string {
  return rule.policyName?.trim() || `the payer's rule for ${rule.cptCode}`;
}

const criterionText = (c: MedicalNecessityCriterion) => MEDICAL_NECESSITY_CRITERION_LABELS[c].toLowerCase();

/** The payer's criteria this case documents, in the policy's order: what a letter can quote. */
export function payerCriteriaMet(snapshot: CaseSnapshot, rule: PayerRule): MedicalNecessityCriterion[] {
  const found = documentedCriteria(snapshot.findings);
  return rule.criteria.filter((c) => found.has(c));
}

// The form section that supplies each document, for the checklist's "fix" link.
const DOCUMENT_FIELDS: Record<PayerRuleDocument, ReadinessField> = {
  clinical_notes: 'notes',
  treatment_history: 'failedTreatments',
  lesion_site_and_count: 'procedureLines',
  symptom_duration: 'findings',
};

function documentCheck(snapshot: CaseSnapshot, document: PayerRuleDocument): string | null {
  switch (document) {
    case 'clinical_notes':
      return snapshot.physicianNoteCount > 0 ? null : 'add a physician note documenting the findings.';
    case 'treatment_history':
      return snapshot.failedTreatments.length > 0 ? null : 'record the less costly treatments tried and their outcome.';
    case 'lesion_site_and_count':
      return snapshot.procedureLines.every((l) => l.bodySite.trim() && l.lesionCount > 0)
        ? null
        : 'give every procedure line its body site and lesion count.';
    case 'symptom_duration':
      return snapshot.findings.symptomDurationWeeks ? null : 'record how many weeks the symptoms have lasted.';
  }
}

function itemsOfRule(snapshot: CaseSnapshot, rule: PayerRule): ReadinessItem[] {
  const cite = citePayerRule(rule);
  const id = (what: string) => `payer_rule:${rule.cptCode}:${what}`;
  const item = (what: string, label: string, field: ReadinessItem['field'], reason: string | null): ReadinessItem => ({
    id: id(what),
    label: `${cite}: ${label} (${rule.cptCode})`,
    passed: reason === null,
    field,
    ...(reason === null ? {} : { reason: `${cite}: ${reason}` }),
  });
  const items: ReadinessItem[] = [];
  if (rule.criteria.length > 0) {
    const list = rule.criteria.map(criterionText).join('; ');
    items.push(
      item(
        'criteria',
        `at least one of the payer's criteria is documented (${list})`,
        'findings',
        payerCriteriaMet(snapshot, rule).length > 0
          ? null
          : `document at least one of ${list}; the payer treats removal without one as cosmetic.`,
      ),
    );
  }
  if (rule.minSymptomWeeks !== null) {
    const weeks = snapshot.findings.symptomDurationWeeks ?? 0;
    items.push(
      item(
        'symptom_weeks',
        `symptoms for at least ${rule.minSymptomWeeks} weeks`,
        'findings',
        weeks >= rule.minSymptomWeeks
          ? null
          : `the symptoms must have lasted at least ${rule.minSymptomWeeks} weeks (the case records ${weeks || 'none'}).`,
      ),
    );
  }
  if (rule.minFailedTreatments !== null) {
    const tried = snapshot.failedTreatments.length;
    items.push(
      item(
        'failed_treatments',
        `at least ${rule.minFailedTreatments} failed less costly treatment${rule.minFailedTreatments === 1 ? '' : 's'}`,
        'failedTreatments',
        tried >= rule.minFailedTreatments
          ? null
          : `record at least ${rule.minFailedTreatments} failed less costly treatment${rule.minFailedTreatments === 1 ? '' : 's'} (the case has ${tried}).`,
      ),
    );
  }
  if (rule.photosRequired) {
    items.push(
      item(
        'photos',
        'dated photos of the lesions',
        'photos',
        snapshot.photoCount > 0 ? null : 'attach dated photos showing the body site and the lesions.',
      ),
    );
  }
  for (const document of rule.documents) {
    items.push(
      item(
        `document:${document}`,
        PAYER_RULE_DOCUMENT_LABELS[document].toLowerCase(),
        DOCUMENT_FIELDS[document],
        documentCheck(snapshot, document),
      ),
    );
  }
  return items;
}

/**
 * The checklist items the payer's rules add for this case: one set per CPT code on the request
 * that has a rule, each citing the policy. Rules of codes not on the request add nothing.
 */
export function payerRuleReadinessItems(snapshot: CaseSnapshot): ReadinessItem[] {
  const rules = snapshot.payerRules ?? [];
  const codes = new Set(snapshot.procedureLines.map((l) => normalizeCpt(l.cpt)));
  return rules.filter((rule) => codes.has(normalizeCpt(rule.cptCode))).flatMap((rule) => itemsOfRule(snapshot, rule));
}

/** What the new-case form says about one payer and CPT code. */
export interface PriorAuthNotice {
  requirement: PriorAuthRequirement;
  text: string;
  // Only when no request is needed: the line the clinic pastes into the chart.
  chartNote?: string;
}

function policyClause(rule: Pick<PayerRule, 'policyName' | 'policyVersion' | 'policyCheckedOn'> | null): string {
  if (!rule?.policyName) return '';
  const version = rule.policyVersion ? ` ${rule.policyVersion}` : '';
  const checked = rule.policyCheckedOn ? `checked ${rule.policyCheckedOn}` : 'not yet checked';
  return ` (policy ${rule.policyName}${version}, ${checked})`;
}

/** "Prior authorization required by <payer> for 10040 (policy …, checked …)", "not required", or "unknown". */
export function describePriorAuth(
  payerName: string,
  cptCode: string,
  rule: Pick<PayerRule, 'priorAuth' | 'policyName' | 'policyVersion' | 'policyCheckedOn'> | null,
  today: string,
): PriorAuthNotice {
  const requirement = rule?.priorAuth ?? 'unknown';
  const policy = policyClause(rule);
  switch (requirement) {
    case 'required':
      return { requirement, text: `Prior authorization required by ${payerName} for ${cptCode}${policy}.` };
    case 'not_required':
      return {
        requirement,
        text: `Prior authorization not required by ${payerName} for ${cptCode}${policy}: no case needed.`,
        chartNote: `${today}: ${payerName} does not require prior authorization for CPT ${cptCode}${policy}; no request filed.`,
      };
    case 'unknown':
      return {
        requirement,
        text: rule
          ? `Unknown whether ${payerName} requires prior authorization for ${cptCode}${policy}: ask the payer.`
          : `Unknown whether ${payerName} requires prior authorization for ${cptCode}: no rule is written for it yet; ask the payer.`,
      };
  }
}
