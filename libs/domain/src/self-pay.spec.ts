import { DEFAULT_DEADLINE_RULES } from './deadlines';
import {
  buildWaiverText,
  describeOpenAppeal,
  formatCents,
  isNotMedicallyNecessaryDenial,
  parseAmountToCents,
  selfPayReasonOf,
} from './self-pay';
import type { TransitionInput } from './snapshot';
import { buildContext, buildSnapshot, NOW, TIME_ZONE } from './testing/case-fixtures';
import { assertTransition, availableTransitions, isTransitionError, type TransitionError } from './transitions';

const ESTIMATE: TransitionInput = {
  reason: 'Criteria not met; patient chose to pay after the physician explained the policy.',
  estimateCents: 45_000,
  estimateCurrency: 'USD',
  estimateDescription: 'Destruction of 12 milia (17110)',
};
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const ctx = { at: NOW, timeZone: TIME_ZONE, rules: DEFAULT_DEADLINE_RULES.commercial_erisa };

function refusal(run: () => unknown): TransitionError {
  try {
    run();
  } catch (error) {
    if (isTransitionError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('self-pay without a request', () => {
  const notMet = buildSnapshot({ findings: { criteria: [] } });

  it('is allowed when the checklist fails, with the decision and the estimate', () => {
    expect(assertTransition(notMet, 'self_pay', ['front_desk'], ESTIMATE, buildContext()).action).toBe(
      'decline_to_request',
    );
  });

  it('is refused for a case ready to submit', () => {
    const error = refusal(() => assertTransition(buildSnapshot(), 'self_pay', ['manager'], ESTIMATE, buildContext()));
    expect(error.code).toBe('guard_failed');
    expect(error.reasons).toEqual([
      'The readiness checklist passes: submit the request to the payer rather than converting it to self-pay.',
    ]);
  });

  it('greys the button out on a ready case only', () => {
    const button = (snapshot = notMet) =>
      availableTransitions(snapshot, ['physician'], buildContext()).find((e) => e.transition.to === 'self_pay');
    expect(button()?.enabled).toBe(true);
    expect(button(buildSnapshot())?.enabled).toBe(false);
  });

  it('names each missing field of the decision and estimate', () => {
    const error = refusal(() =>
      assertTransition(notMet, 'self_pay', ['manager'], { estimateCents: 0, estimateCurrency: 'EUR' }, buildContext()),
    );
    expect(error.fields.map((f) => f.field)).toEqual([
      'reason',
      'estimateCents',
      'estimateCurrency',
      'estimateDescription',
    ]);
    expect(error.reasons).toContain('Estimates are in US dollars (USD).');
  });
});

describe('self-pay after a denial', () => {
  const denied = (overrides = {}) =>
    buildSnapshot({
      status: 'denied',
      denialCode: 'CO-50',
      deniedAt: daysAgo(10),
      decidedAt: daysAgo(10),
      ...overrides,
    });

  it('needs a CO-50 denial', () => {
    const error = refusal(() =>
      assertTransition(denied({ denialCode: 'CO-197' }), 'self_pay', ['manager'], ESTIMATE, buildContext()),
    );
    expect(error.reasons[0]).toMatch(/CO-50 \(not medically necessary\) denial; this denial is CO-197/);
  });

  it('while appeals are open, needs the patient to decline them', () => {
    const error = refusal(() => assertTransition(denied(), 'self_pay', ['manager'], ESTIMATE, buildContext()));
    expect(error.reasons).toEqual([
      'The denial is not final yet. An internal appeal (level 1) can still be filed until 2026-12-02. Record that the patient declines to appeal, or appeal.',
    ]);
    expect(
      assertTransition(denied(), 'self_pay', ['manager'], { ...ESTIMATE, appealsDeclined: true }, buildContext()).to,
    ).toBe('self_pay');
  });

  it('is final once both internal levels and the external review are used', () => {
    const exhausted = denied({ appealLevel: 2, externalReviewAt: daysAgo(5) });
    expect(describeOpenAppeal(exhausted, ctx)).toBeNull();
    expect(assertTransition(exhausted, 'self_pay', ['front_desk'], ESTIMATE, buildContext()).to).toBe('self_pay');
  });

  it('counts an external review not yet requested as still open', () => {
    expect(describeOpenAppeal(denied({ appealLevel: 2 }), ctx)).toMatch(/external review can still be requested/);
  });

  it('is final once the appeal window has closed', () => {
    expect(describeOpenAppeal(denied({ deniedAt: '2025-06-01T12:00:00Z' }), ctx)).toBeNull();
  });
});

describe('self-pay helpers', () => {
  it.each([
    ['CO-50', true],
    ['pr-50', true],
    ['CO-150', false],
    ['CO-197', false],
    [null, false],
  ])('%s is a not-medically-necessary denial: %s', (code, expected) => {
    expect(isNotMedicallyNecessaryDenial(code)).toBe(expected);
  });

  it.each([
    ['450', 45_000],
    ['$1,234.5', 123_450],
    ['0.07', 7],
    ['12.345', null],
    ['-5', null],
    ['abc', null],
  ])('parses %s as %s cents', (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it('formats cents as dollars', () => {
    expect(formatCents(123_450)).toBe('$1,234.50');
  });

  it('names the reason for the reports', () => {
    expect(selfPayReasonOf('documented', null)).toBe('criteria_not_met');
    expect(selfPayReasonOf('denied', 'An internal appeal …')).toBe('appeal_declined');
    expect(selfPayReasonOf('denied', null)).toBe('appeals_exhausted');
  });
});

describe('buildWaiverText', () => {
  const facts = {
    practiceName: 'Harbor Dermatology',
    patientName: 'Ann Example',
    payerName: 'Acme Health',
    reason: 'appeal_declined' as const,
    amountCents: 45_000,
    currency: 'USD' as const,
    description: 'Destruction of 12 milia (17110)',
  };

  it("names the clinic, the payer's reason, the estimate and the ABN", () => {
    const text = buildWaiverText(facts);
    expect(text.title).toBe('Harbor Dermatology: financial responsibility waiver');
    const all = text.paragraphs.join('\n');
    expect(all).toContain('Acme Health');
    expect(all).toContain('chosen not to appeal');
    expect(all).toContain('Estimated cost to me: $450.00 (USD).');
    expect(all).toContain('agree to pay Harbor Dermatology');
    expect(all).toContain('not an Advance Beneficiary Notice of Noncoverage (ABN)');
    expect(all).toContain('form CMS-R-131');
  });

  it('reads without a clinic profile', () => {
    const text = buildWaiverText({ ...facts, practiceName: null, reason: 'criteria_not_met' });
    expect(text.title).toBe('Clinic: financial responsibility waiver');
    expect(text.paragraphs.join(' ')).toContain('agree to pay the clinic');
  });
});
