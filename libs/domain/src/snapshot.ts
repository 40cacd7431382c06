import type { CaseStatus, Urgency } from './case-status';
import type { Icd10ReleaseCheck } from './codes';
import type { MedicalNecessityCriterion } from './medical-necessity';
import type { PayerRule } from './payer-rules';
import type { PlanType } from './plan-types';

export interface ProcedureLine {
  cpt: string;
  units: number;
  bodySite: string;
  lesionCount: number;
}

export interface FailedTreatment {
  therapy: string;
  startDate: string;
  endDate?: string | null;
  outcome: string;
}

export interface MedicalFindings {
  criteria: MedicalNecessityCriterion[];
  symptoms?: string | null;
  symptomDurationWeeks?: number | null;
  inflammation?: boolean;
  infection?: boolean;
  functionalImpairment?: string | null;
}

// Calendar dates (validFrom, validTo, startDate, endDate) are YYYY-MM-DD with no zone; the
// *At fields are ISO instants. Every rule in this library reads a case through this shape.
export interface CaseSnapshot {
  status: CaseStatus;
  urgency: Urgency;
  planType: PlanType;
  procedureLines: ProcedureLine[];
  diagnoses: string[];
  // The diagnoses looked up in the ICD-10-CM release for the date of service; undefined when
  // the caller did not look them up, null when no release is loaded at all.
  icd10?: Icd10ReleaseCheck | null;
  findings: MedicalFindings;
  // The payer's rules for the request's CPT codes: the versions recorded at submission, else the
  // current ones. Undefined when the caller did not look them up.
  payerRules?: PayerRule[];
  failedTreatments: FailedTreatment[];
  cosmeticOverride?: { justification: string } | null;
  photoCount: number;
  physicianNoteCount: number;
  // Highest internal appeal level filed so far.
  appealLevel: 0 | 1 | 2;
  peerToPeerDone?: boolean;
  authorizationNumber?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  approvedUnits?: number | null;
  // Units of the approval used by the procedures performed so far.
  unitsUsed?: number;
  denialCode?: string | null;
  // Set on every entry into the status, so after a resubmission or an upheld appeal they hold
  // the latest event: the clocks count from the latest submission / denial notice.
  submittedAt?: string | null;
  infoRequestedAt?: string | null;
  decidedAt?: string | null;
  deniedAt?: string | null;
  appealedAt?: string | null;
  externalReviewAt?: string | null;
  // The answer-by day an information request's own letter names (YYYY-MM-DD): when earlier than
  // the rule's, it is the clock.
  infoDueOn?: string | null;
}

export interface TransitionInput {
  note?: string | null;
  denialCode?: string | null;
  denialText?: string | null;
  // The payer's own reason for a denial when it gave no CARC: an electronic (Da Vinci PAS)
  // answer carries X12 review decision reasons, or none at all, and is recorded as it came.
  payerReason?: string | null;
  authorizationNumber?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  approvedUnits?: number | null;
  appealLevel?: 1 | 2 | null;
  letterAttached?: boolean;
  newDocumentation?: boolean;
  reason?: string | null;
  // When the event really happened if it is recorded later (the date on the payer's letter,
  // the day the appeal was faxed); windows and clocks count from it. Defaults to now.
  occurredAt?: string | null;
  // The payer document filed on the case that is this step's evidence (its letter or fax).
  documentId?: string | null;
  // Set by the server from that document, never by a client: see CaseSnapshot.infoDueOn.
  infoDueOn?: string | null;
  // Self-pay: what the patient will pay, in cents of the currency, and what it covers.
  estimateCents?: number | null;
  estimateCurrency?: string | null;
  estimateDescription?: string | null;
  // Self-pay after a denial the payer could still reconsider: the patient's decision not to appeal.
  appealsDeclined?: boolean;
}
