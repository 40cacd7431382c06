import {
  addDaysToDate,
  toLocalDate,
  type CaseStatus,
  type FailedTreatment,
  type MedicalNecessityCriterion,
  type PlanType,
  type ProcedureLine,
  type TransitionInput,
  type Urgency,
} from '@preauth/domain';
import type { ClientBase } from 'pg';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import type { AuthUser } from '../../modules/auth/auth-user';
import { recordPerformedProcedure } from '../../modules/cases/case-procedure.command';
import { applyCaseTransition } from '../../modules/cases/case-transition.command';
import { addDemoEvidence, addDemoPhoto } from './demo-evidence';

const DAY = 86_400_000;

const PAYERS: { name: string; code: string; planType: PlanType }[] = [
  { name: 'Northern Pines Medicare Advantage', code: 'NPMA1', planType: 'medicare_advantage' },
  { name: 'Coastal Senior Advantage', code: 'CSA22', planType: 'medicare_advantage' },
  { name: 'MaineCare Managed Care', code: 'MECAID', planType: 'medicaid' },
  { name: 'Granite State Medicaid Plan', code: 'GSMP4', planType: 'medicaid' },
  { name: 'Atlantic Employers Health (ERISA)', code: 'AEH100', planType: 'commercial_erisa' },
  { name: 'Harborview Commercial PPO', code: 'HCP200', planType: 'commercial_erisa' },
  { name: 'Liberty Marketplace Silver', code: 'LMS300', planType: 'aca_marketplace' },
  { name: 'Evergreen Exchange Plan', code: 'EEP310', planType: 'aca_marketplace' },
  { name: 'Workers Trust Fund', code: 'WTF900', planType: 'other' },
];

// Fictional physicians; NPIs carry valid check digits.
const PROVIDERS = [
  {
    firstName: 'Dana',
    lastName: 'Whitfield',
    credentials: 'MD',
    npi: '1234567893',
    specialty: 'Dermatology',
    linkDemoPhysician: true,
  },
  {
    firstName: 'Samuel',
    lastName: 'Okafor',
    credentials: 'MD',
    npi: '1245319599',
    specialty: 'Dermatology',
    linkDemoPhysician: false,
  },
  {
    firstName: 'Priya',
    lastName: 'Raman',
    credentials: 'DO',
    npi: '1679576722',
    specialty: 'Dermatology',
    linkDemoPhysician: false,
  },
];

const FIRST = [
  'Margaret',
  'Elena',
  'Robert',
  'Aisha',
  'Thomas',
  'Lucia',
  'Henry',
  'Grace',
  'Daniel',
  'Noor',
  'Walter',
  'Ingrid',
  'Marcus',
  'Yuki',
  'Rosa',
  'Peter',
  'Amara',
  'George',
  'Helen',
  'Omar',
];
const LAST = [
  'Thibodeau',
  'Lindqvist',
  'Carver',
  'Haddad',
  'Pelletier',
  'Moreau',
  'Gallagher',
  'Nakamura',
  'Ferreira',
  'Ouellette',
  'Brennan',
  'Kowalski',
  'Stroud',
  'Abernathy',
  'Vasquez',
  'Delaney',
  'Achebe',
  'Sorensen',
  'Whitcomb',
  'Farouk',
];

interface Step {
  to: CaseStatus;
  daysAgo: number;
  input?: TransitionInput;
}

interface Scenario {
  payer: number;
  provider: number;
  urgency?: Urgency;
  createdDaysAgo: number;
  lines: ProcedureLine[];
  diagnoses: string[];
  criteria: MedicalNecessityCriterion[];
  symptoms?: string;
  durationWeeks?: number;
  inflammation?: boolean;
  functionalImpairment?: string;
  treatments?: FailedTreatment[];
  steps: Step[];
  // Procedures performed against the approval the steps end in, as the desk records them.
  performed?: { daysAgo: number; units: number }[];
  // A photo and a physician note (default); a few documented cases lack them on purpose.
  evidence?: boolean;
  patient?: { first: string; last: string; dob: string; sex: 'female' | 'male' };
}

const MILIA: ProcedureLine[] = [{ cpt: '17110', units: 1, bodySite: 'Periorbital, both cheeks', lesionCount: 9 }];
const MANY: ProcedureLine[] = [{ cpt: '17111', units: 1, bodySite: 'Forehead and temples', lesionCount: 22 }];
const EYELID: ProcedureLine[] = [{ cpt: '67850', units: 1, bodySite: 'Left lower lid margin', lesionCount: 3 }];
const EXTRACTION: ProcedureLine[] = [{ cpt: '10040', units: 1, bodySite: 'Nose and cheeks', lesionCount: 12 }];
const RETINOL: FailedTreatment[] = [
  {
    therapy: 'Topical retinol 0.5% nightly',
    startDate: '2026-02-02',
    endDate: '2026-05-04',
    outcome: 'Little improvement; irritation',
  },
];
const approve = (validDays = 90): TransitionInput => ({
  authorizationNumber: '',
  validFrom: '',
  validTo: String(validDays),
});
const deny = (code = 'CO-50', text = 'Not medically necessary: considered cosmetic'): TransitionInput => ({
  denialCode: code,
  denialText: text,
});

function scenarios(): Scenario[] {
  const ready = {
    diagnoses: ['L72.0'],
    criteria: ['itching', 'irritation'] as MedicalNecessityCriterion[],
    symptoms: 'Pruritic papules, bleed when scratched',
    durationWeeks: 26,
    treatments: RETINOL,
  };
  const list: Scenario[] = [
    // The case from DOMAIN.md: milia en plaque behind both ears, Maine, denied as cosmetic and appealed.
    {
      patient: { first: 'Evelyn', last: 'Thibodeau', dob: '1968-09-14', sex: 'female' },
      payer: 5,
      provider: 0,
      createdDaysAgo: 40,
      lines: [
        { cpt: '11104', units: 1, bodySite: 'Right postauricular', lesionCount: 1 },
        {
          cpt: '17111',
          units: 1,
          bodySite: 'Behind both ears and posterior scalp line (2-inch swath)',
          lesionCount: 60,
        },
      ],
      diagnoses: ['L72.0', 'L29.9'],
      criteria: ['itching', 'burning', 'suspected_malignancy'],
      symptoms:
        'Milia en plaque behind both ears and along the posterior scalp line; intensely itchy, burns when scratched',
      durationWeeks: 40,
      inflammation: true,
      treatments: [
        {
          therapy: 'Topical retinol (OTC) nightly',
          startDate: '2025-11-01',
          endDate: '2026-06-30',
          outcome: 'Little result after 8 months',
        },
        {
          therapy: 'Tretinoin 0.05% cream nightly (prescription)',
          startDate: '2026-07-01',
          endDate: '2026-10-01',
          outcome: 'No reduction in lesion count; stopped for burning and peeling',
        },
      ],
      steps: [
        { to: 'submitted', daysAgo: 38 },
        { to: 'denied', daysAgo: 30, input: deny('CO-50', 'Removal of benign lesions is cosmetic') },
        {
          to: 'appealed',
          daysAgo: 12,
          input: {
            appealLevel: 1,
            letterAttached: true,
            note: 'Letter of medical necessity with photos and biopsy plan',
          },
        },
      ],
    },
  ];
  const shapes: Omit<Scenario, 'payer' | 'provider'>[] = [
    // documented (some not ready yet)
    { createdDaysAgo: 2, lines: MILIA, ...ready, steps: [] },
    {
      createdDaysAgo: 1,
      lines: EYELID,
      diagnoses: ['L72.0'],
      criteria: ['vision_obstruction'],
      functionalImpairment: 'Lesions at the lid margin rub the cornea',
      durationWeeks: 12,
      steps: [],
    },
    { createdDaysAgo: 3, lines: MANY, diagnoses: ['L72.0'], criteria: [], steps: [], evidence: false },
    { createdDaysAgo: 0, lines: EXTRACTION, diagnoses: [], criteria: ['irritation'], steps: [], evidence: false },
    { createdDaysAgo: 5, lines: MILIA, ...ready, steps: [], evidence: false },
    {
      createdDaysAgo: 4,
      lines: [{ cpt: '15780', units: 1, bodySite: 'Full face', lesionCount: 40 }],
      diagnoses: ['L72.0'],
      criteria: ['irritation'],
      steps: [],
    },
    // submitted: two past the payer's deadline
    { createdDaysAgo: 25, lines: MILIA, ...ready, steps: [{ to: 'submitted', daysAgo: 20 }] },
    {
      createdDaysAgo: 12,
      lines: EYELID,
      ...ready,
      criteria: ['vision_obstruction'],
      steps: [{ to: 'submitted', daysAgo: 10 }],
    },
    { createdDaysAgo: 6, lines: MANY, ...ready, steps: [{ to: 'submitted', daysAgo: 4 }] },
    { createdDaysAgo: 3, lines: MILIA, ...ready, urgency: 'expedited', steps: [{ to: 'submitted', daysAgo: 1 }] },
    { createdDaysAgo: 9, lines: EXTRACTION, ...ready, diagnoses: ['L70.0'], steps: [{ to: 'submitted', daysAgo: 2 }] },
    { createdDaysAgo: 15, lines: MILIA, ...ready, steps: [{ to: 'submitted', daysAgo: 6 }] },
    // more information requested
    {
      createdDaysAgo: 30,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 25 },
        { to: 'more_info_requested', daysAgo: 20, input: { note: 'Payer asks for dated photos with lesion count' } },
      ],
    },
    {
      createdDaysAgo: 14,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 10 },
        { to: 'more_info_requested', daysAgo: 3, input: { note: 'Payer asks for the dates of the retinol trial' } },
      ],
    },
    {
      createdDaysAgo: 50,
      lines: EYELID,
      ...ready,
      criteria: ['vision_obstruction'],
      steps: [
        { to: 'submitted', daysAgo: 48 },
        { to: 'more_info_requested', daysAgo: 40, input: { note: 'Ophthalmology note requested' } },
        { to: 'submitted', daysAgo: 30 },
        { to: 'more_info_requested', daysAgo: 25, input: { note: 'External photos (92285) requested' } },
      ],
    },
    // approved (one expiring soon)
    {
      createdDaysAgo: 40,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 35 },
        { to: 'approved', daysAgo: 30, input: approve(90) },
      ],
    },
    {
      createdDaysAgo: 95,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 90 },
        { to: 'approved', daysAgo: 85, input: approve(90) },
      ],
    },
    {
      createdDaysAgo: 20,
      lines: EYELID,
      ...ready,
      criteria: ['vision_obstruction'],
      steps: [
        { to: 'submitted', daysAgo: 18 },
        { to: 'approved', daysAgo: 16, input: approve(60) },
      ],
    },
    {
      createdDaysAgo: 10,
      lines: EXTRACTION,
      ...ready,
      diagnoses: ['L70.0'],
      steps: [
        { to: 'submitted', daysAgo: 9 },
        { to: 'approved', daysAgo: 7, input: approve(120) },
      ],
    },
    {
      createdDaysAgo: 70,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 65 },
        { to: 'denied', daysAgo: 58, input: deny() },
        { to: 'peer_to_peer', daysAgo: 55, input: { note: 'Call with medical director booked' } },
        { to: 'approved', daysAgo: 52, input: approve(90) },
      ],
    },
    // partially approved
    {
      createdDaysAgo: 30,
      lines: [...MILIA, { cpt: '67850', units: 1, bodySite: 'Right upper lid margin', lesionCount: 2 }],
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 28 },
        { to: 'partially_approved', daysAgo: 20, input: { ...approve(90), approvedUnits: 1 } },
      ],
    },
    {
      createdDaysAgo: 22,
      lines: [...MANY, ...EYELID],
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 21 },
        { to: 'partially_approved', daysAgo: 15, input: { ...approve(60), approvedUnits: 1 } },
      ],
    },
    // denied: one with the appeal window nearly closed (Medicare Advantage: 60 days)
    {
      createdDaysAgo: 60,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 58 },
        { to: 'denied', daysAgo: 52, input: deny() },
      ],
    },
    {
      createdDaysAgo: 20,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 18 },
        { to: 'denied', daysAgo: 5, input: deny('CO-16', 'Missing photographs') },
      ],
    },
    {
      createdDaysAgo: 15,
      lines: EXTRACTION,
      ...ready,
      diagnoses: ['L70.0'],
      steps: [
        { to: 'submitted', daysAgo: 14 },
        { to: 'denied', daysAgo: 3, input: deny('CO-11', 'Diagnosis inconsistent with procedure') },
      ],
    },
    {
      createdDaysAgo: 45,
      lines: EYELID,
      ...ready,
      criteria: ['vision_obstruction'],
      steps: [
        { to: 'submitted', daysAgo: 44 },
        { to: 'denied', daysAgo: 40, input: deny() },
      ],
    },
    {
      createdDaysAgo: 100,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 98 },
        { to: 'denied', daysAgo: 90, input: deny() },
        { to: 'appealed', daysAgo: 80, input: { appealLevel: 1, letterAttached: true } },
        { to: 'denied', daysAgo: 60, input: deny('CO-50', 'Appeal upheld') },
      ],
    },
    {
      createdDaysAgo: 8,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 7 },
        { to: 'denied', daysAgo: 1, input: deny('CO-197', 'Authorization absent') },
      ],
    },
    // peer-to-peer
    {
      createdDaysAgo: 16,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 15 },
        { to: 'denied', daysAgo: 6, input: deny() },
        { to: 'peer_to_peer', daysAgo: 2, input: { note: 'Dr. Whitfield to call Thursday' } },
      ],
    },
    {
      createdDaysAgo: 12,
      lines: EYELID,
      ...ready,
      criteria: ['vision_obstruction'],
      steps: [
        { to: 'submitted', daysAgo: 11 },
        { to: 'denied', daysAgo: 5, input: deny() },
        { to: 'peer_to_peer', daysAgo: 1 },
      ],
    },
    // appealed (level 1 and 2, one past the payer's deadline)
    {
      createdDaysAgo: 90,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 88 },
        { to: 'denied', daysAgo: 80, input: deny() },
        { to: 'appealed', daysAgo: 45, input: { appealLevel: 1, letterAttached: true } },
      ],
    },
    {
      createdDaysAgo: 120,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 118 },
        { to: 'denied', daysAgo: 110, input: deny() },
        { to: 'appealed', daysAgo: 100, input: { appealLevel: 1, letterAttached: true } },
        { to: 'denied', daysAgo: 75, input: deny('CO-50', 'Level 1 upheld') },
        { to: 'appealed', daysAgo: 10, input: { appealLevel: 2, newDocumentation: true, letterAttached: true } },
      ],
    },
    {
      createdDaysAgo: 25,
      lines: EXTRACTION,
      ...ready,
      diagnoses: ['L70.0'],
      urgency: 'expedited',
      steps: [
        { to: 'submitted', daysAgo: 24 },
        { to: 'denied', daysAgo: 22, input: deny() },
        { to: 'appealed', daysAgo: 2, input: { appealLevel: 1, letterAttached: true } },
      ],
    },
    // external review after the last internal level
    {
      createdDaysAgo: 200,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 198 },
        { to: 'denied', daysAgo: 190, input: deny() },
        { to: 'appealed', daysAgo: 180, input: { appealLevel: 1, letterAttached: true } },
        { to: 'denied', daysAgo: 150, input: deny() },
        { to: 'appealed', daysAgo: 140, input: { appealLevel: 2, letterAttached: true } },
        { to: 'denied', daysAgo: 110, input: deny() },
        { to: 'external_review', daysAgo: 30, input: { note: 'Filed with the independent review organization' } },
      ],
    },
    // completed: the approved unit performed
    {
      createdDaysAgo: 70,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 68 },
        { to: 'approved', daysAgo: 60, input: approve(90) },
      ],
      performed: [{ daysAgo: 21, units: 1 }],
    },
    // expired and withdrawn
    {
      createdDaysAgo: 150,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 148 },
        { to: 'approved', daysAgo: 140, input: approve(60) },
        { to: 'expired', daysAgo: 70 },
      ],
    },
    {
      createdDaysAgo: 130,
      lines: EXTRACTION,
      ...ready,
      diagnoses: ['L70.0'],
      steps: [
        { to: 'submitted', daysAgo: 128 },
        { to: 'approved', daysAgo: 125, input: approve(90) },
        { to: 'expired', daysAgo: 20 },
      ],
    },
    {
      createdDaysAgo: 18,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'withdrawn', daysAgo: 10, input: { reason: 'Patient chose self-pay with a signed financial waiver' } },
      ],
    },
    {
      createdDaysAgo: 35,
      lines: MANY,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 33 },
        { to: 'withdrawn', daysAgo: 20, input: { reason: 'Lesions resolved; procedure no longer needed' } },
      ],
    },
    // self-pay after a CO-50 denial the patient chose not to appeal (last, so the cases above keep their payers)
    {
      createdDaysAgo: 40,
      lines: MILIA,
      ...ready,
      steps: [
        { to: 'submitted', daysAgo: 38 },
        { to: 'denied', daysAgo: 30, input: deny() },
        {
          to: 'self_pay',
          daysAgo: 12,
          input: {
            reason: 'Patient declined to appeal and chose to pay; agreed with Dr. Okafor',
            appealsDeclined: true,
            estimateCents: 38_500,
            estimateCurrency: 'USD',
            estimateDescription: 'Destruction of milia behind both ears (17110)',
          },
        },
      ],
    },
  ];
  shapes.forEach((shape, i) => {
    // The deny→appeal→deny→external review story needs a plan with two internal levels.
    const needsTwoLevels = shape.steps.filter((s) => s.to === 'appealed').length >= 2;
    const payer = needsTwoLevels ? 4 + (i % 4) : i % PAYERS.length;
    list.push({
      ...shape,
      payer: shape.createdDaysAgo === 60 && shape.steps.some((s) => s.to === 'denied') ? 0 : payer,
      provider: i % PROVIDERS.length,
    });
  });
  return list;
}

export interface DemoClinicOptions {
  now: Date;
  timeZone: string;
  actorIds: { frontDesk: string | null; physician: string | null };
  /** Who records the demo cases' transitions: the demo front desk, as it would through the API. */
  actor: RequestContext<Pick<AuthUser, 'id' | 'roles'>>;
  physicianUserId: string | null;
  uploadDir: string | null;
}

/** The demo clinic: payers of each plan type, physicians, patients, ~40 cases in every state. */
export async function seedDemoClinic(
  client: ClientBase,
  manager: EntityManager,
  options: DemoClinicOptions,
): Promise<number> {
  const payerIds: string[] = [];
  for (const p of PAYERS) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO payers (name, payer_code, plan_type, phone, fax, portal_url) VALUES ($1, $2, $3, '(800) 555-0100', $4, 'https://portal.example.org') RETURNING id`,
      [p.name, p.code, p.planType, `(800) 555-${String(110 + payerIds.length).padStart(4, '0')}`],
    );
    payerIds.push(rows[0].id);
  }
  const providerIds: string[] = [];
  for (const p of PROVIDERS) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO providers (first_name, last_name, credentials, npi, specialty, user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        p.firstName,
        p.lastName,
        p.credentials,
        p.npi,
        p.specialty,
        p.linkDemoPhysician ? options.physicianUserId : null,
      ],
    );
    providerIds.push(rows[0].id);
  }

  const list = scenarios();
  for (const [i, s] of list.entries()) {
    const person = s.patient ?? {
      first: FIRST[i % FIRST.length],
      last: LAST[(i * 7) % LAST.length],
      dob: `19${40 + ((i * 13) % 55)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`,
      sex: i % 3 === 0 ? ('male' as const) : ('female' as const),
    };
    const { rows: patientRows } = await client.query<{ id: string }>(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, member_id, phone) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        `MRN-${String(100200 + i * 17)}`,
        person.first,
        person.last,
        person.dob,
        person.sex,
        `W${String(880000000 + i * 7919)}`,
        `(207) 555-${String(1000 + i).slice(-4)}`,
      ],
    );
    await insertCase(
      client,
      manager,
      s,
      { patientId: patientRows[0].id, payerId: payerIds[s.payer], providerId: providerIds[s.provider] },
      options,
    );
  }
  return list.length;
}

async function insertCase(
  client: ClientBase,
  manager: EntityManager,
  s: Scenario,
  ids: { patientId: string; payerId: string; providerId: string },
  options: DemoClinicOptions,
): Promise<void> {
  const { now, timeZone, actorIds } = options;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY - 3 * 3_600_000);
  const createdAt = at(s.createdDaysAgo);
  // The case as POST /api/cases leaves it; every later state comes from the transition code.
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO cases (case_number, patient_id, payer_id, provider_id, status, urgency, diagnoses, necessity_criteria, symptoms,
        symptom_duration_weeks, inflammation, infection, functional_impairment, created_by, owner_id, created_at, updated_at)
     VALUES ('PA-' || lpad(nextval('case_number_seq')::text, 6, '0'), $1, $2, $3, 'documented', $4, $5, $6, $7, $8, $9, false, $10, $11, $11, $12, $12)
     RETURNING id`,
    [
      ids.patientId,
      ids.payerId,
      ids.providerId,
      s.urgency ?? 'standard',
      s.diagnoses,
      s.criteria,
      s.symptoms ?? null,
      s.durationWeeks ?? null,
      s.inflammation ?? false,
      s.functionalImpairment ?? null,
      actorIds.frontDesk,
      createdAt,
    ],
  );
  const caseId = rows[0].id;
  for (const [position, line] of s.lines.entries()) {
    await client.query(
      `INSERT INTO case_procedure_lines (case_id, position, cpt_code, units, body_site, lesion_count) VALUES ($1, $2, $3, $4, $5, $6)`,
      [caseId, position, line.cpt, line.units, line.bodySite, line.lesionCount],
    );
  }
  for (const [position, t] of (s.treatments ?? []).entries()) {
    await client.query(
      `INSERT INTO case_failed_treatments (case_id, position, therapy, start_date, end_date, outcome) VALUES ($1, $2, $3, $4, $5, $6)`,
      [caseId, position, t.therapy, t.startDate, t.endDate ?? null, t.outcome],
    );
  }
  await client.query(
    `INSERT INTO case_events (case_id, type, from_status, to_status, actor_id, note, data, occurred_at, created_at) VALUES ($1, 'created', NULL, 'documented', $2, NULL, '{}', $3, $3)`,
    [caseId, actorIds.frontDesk, createdAt],
  );
  if (s.evidence !== false) {
    const first = s.lines[0];
    const seed = caseId.charCodeAt(0) + caseId.charCodeAt(1);
    const examinedAt = new Date(createdAt.getTime() + 3_600_000);
    const exam = s.lines
      .map(
        (l) =>
          `${l.lesionCount} firm white 1–3 mm ${l.lesionCount === 1 ? 'papule' : 'papules'}, ${l.bodySite.toLowerCase()}`,
      )
      .join('; ');
    await addDemoEvidence(
      client,
      caseId,
      seed,
      examinedAt,
      first.bodySite,
      first.lesionCount,
      `Exam: ${exam}. ${s.symptoms ? `${s.symptoms.replace(/\.$/, '')}.` : 'Symptomatic lesions.'}` +
        (s.treatments?.length ? ` Failed: ${s.treatments.map((t) => t.therapy).join('; ')}.` : '') +
        ' Removal is medically necessary, not cosmetic.',
      { uploadDir: options.uploadDir, physicianId: actorIds.physician },
    );
    // Each further treated site photographed too, as a physician documents a multi-site request.
    for (const [i, line] of s.lines.slice(1).entries()) {
      // A minute apart, so the photos keep the order of the lines.
      const takenAt = new Date(examinedAt.getTime() + (i + 1) * 60_000);
      await addDemoPhoto(client, caseId, seed + i + 1, takenAt, line.bodySite, line.lesionCount, {
        uploadDir: options.uploadDir,
        physicianId: actorIds.physician,
      });
    }
  }
  // Each step as the front desk would record it today, dated when it happened: the same check,
  // UPDATE, event, decision and audit rows as POST /api/cases/:id/transitions.
  for (const [i, step] of s.steps.entries()) {
    const when = at(step.daysAgo);
    const input: TransitionInput = { ...step.input, occurredAt: when.toISOString() };
    if (input.validTo !== undefined && input.authorizationNumber === '') {
      // approve(n): a window of n days from the decision date, with a payer-style number.
      const start = toLocalDate(when, timeZone);
      input.authorizationNumber = `AUTH-${start.replace(/-/g, '')}-${String(i + 1).padStart(2, '0')}${ids.payerId.slice(0, 4).toUpperCase()}`;
      input.validFrom = start;
      input.validTo = addDaysToDate(start, Number(input.validTo));
    }
    await applyCaseTransition(manager, {
      caseId,
      to: step.to,
      input,
      expectedVersion: 1 + i,
      actor: options.actor,
      timeZone,
      now,
    });
  }
  for (const entry of s.performed ?? []) {
    const when = at(entry.daysAgo);
    await recordPerformedProcedure(manager, {
      caseId,
      performedOn: toLocalDate(when, timeZone),
      units: entry.units,
      actor: options.actor,
      timeZone,
      now: when,
    });
  }
  // The transition code stamps updated_at with the transaction's clock; a demo case was last
  // touched when its last step happened.
  const lastDaysAgo = s.performed?.length ? s.performed[s.performed.length - 1].daysAgo : s.steps.at(-1)?.daysAgo;
  if (lastDaysAgo !== undefined)
    await client.query(`UPDATE cases SET updated_at = $2 WHERE id = $1`, [caseId, at(lastDaysAgo)]);
}
