import type { CaseStatus } from '../case-status';
import { DEFAULT_DEADLINE_RULES } from '../deadlines';
import { approvedUnitsOf } from '../procedures';
import type { CaseSnapshot, TransitionInput } from '../snapshot';
import type { TransitionContext } from '../transitions';

export const TIME_ZONE = 'America/New_York';
export const NOW = new Date('2026-06-15T16:00:00.000Z');

// The example patient of DOMAIN.md: milia en plaque behind both ears, itchy and burning,
// topical retinol tried first. Ready to submit as it stands.
export function buildSnapshot(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: 'documented',
    urgency: 'standard',
    planType: 'commercial_erisa',
    procedureLines: [
      { cpt: '17110', units: 1, bodySite: 'Behind both ears, posterior scalp line', lesionCount: 12 },
      { cpt: '67850', units: 1, bodySite: 'Left lower lid margin', lesionCount: 1 },
    ],
    diagnoses: ['L72.0'],
    findings: {
      criteria: ['itching', 'burning'],
      symptoms: 'Very itchy, burns when scratched',
      symptomDurationWeeks: 16,
    },
    failedTreatments: [
      { therapy: 'Topical retinol', startDate: '2026-01-05', endDate: '2026-03-30', outcome: 'Little improvement' },
    ],
    cosmeticOverride: null,
    photoCount: 3,
    physicianNoteCount: 1,
    appealLevel: 0,
    ...overrides,
  };
}

export function buildContext(overrides: Partial<TransitionContext> = {}): TransitionContext {
  return { now: NOW, timeZone: TIME_ZONE, rules: DEFAULT_DEADLINE_RULES.commercial_erisa, ...overrides };
}

const ONE_DAY_AGO = new Date(NOW.getTime() - 86_400_000).toISOString();

// A case sitting in `from` whose snapshot-level guards all pass for the edge to `to`.
export function buildSnapshotReadyFor(from: CaseStatus, to: CaseStatus): CaseSnapshot {
  const snapshot = buildSnapshot({ status: from, submittedAt: ONE_DAY_AGO });
  switch (from) {
    case 'approved':
    case 'partially_approved':
      return {
        ...snapshot,
        authorizationNumber: 'AUTH-778812',
        validFrom: '2026-01-01',
        validTo: '2026-05-31',
        decidedAt: ONE_DAY_AGO,
        unitsUsed: to === 'completed' ? approvedUnitsOf(snapshot) : 0,
      };
    case 'denied':
    case 'peer_to_peer':
      return {
        ...snapshot,
        deniedAt: ONE_DAY_AGO,
        decidedAt: ONE_DAY_AGO,
        appealLevel: to === 'external_review' ? 2 : 0,
        denialCode: 'CO-50',
      };
    case 'more_info_requested':
      return { ...snapshot, infoRequestedAt: ONE_DAY_AGO };
    case 'appealed':
      return { ...snapshot, deniedAt: ONE_DAY_AGO, appealedAt: ONE_DAY_AGO, appealLevel: 1 };
    case 'external_review':
      return { ...snapshot, deniedAt: ONE_DAY_AGO, externalReviewAt: ONE_DAY_AGO, appealLevel: 2 };
    case 'documented':
      // Self-pay without a request is for a case whose criteria are not met.
      return to === 'self_pay' ? { ...snapshot, findings: { criteria: [] } } : snapshot;
    case 'submitted':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      return snapshot;
  }
}

// Satisfies every input guard of every edge (the snapshot fixture requests 2 units).
export function buildCompleteInput(snapshot: CaseSnapshot): TransitionInput {
  return {
    note: 'Payer asked for the dermatology progress note and photos.',
    reason: 'Patient chose self-pay.',
    denialCode: 'CO-50',
    denialText: 'Not medically necessary',
    authorizationNumber: 'AUTH-990011',
    validFrom: '2026-06-15',
    validTo: '2026-09-15',
    approvedUnits: 1,
    appealLevel: snapshot.appealLevel < 2 ? ((snapshot.appealLevel + 1) as 1 | 2) : null,
    letterAttached: true,
    newDocumentation: false,
    estimateCents: 45_000,
    estimateCurrency: 'USD',
    estimateDescription: 'Destruction of 12 milia behind both ears (17110)',
    appealsDeclined: true,
  };
}
