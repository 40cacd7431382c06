import {
  checkPayerRule,
  describePriorAuth,
  payerCriteriaMet,
  payerRuleReadinessItems,
  selectPayerRule,
  type PayerRule,
  type PayerRuleContent,
} from './payer-rules';
import { computeReadiness } from './readiness';
import { assertTransition } from './transitions';
import { buildContext, buildSnapshot } from './testing/case-fixtures';

const EMPTY: PayerRuleContent = {
  priorAuth: 'unknown',
  criteria: [],
  minSymptomWeeks: null,
  minFailedTreatments: null,
  photosRequired: false,
  documents: [],
  policyName: null,
  policyUrl: null,
  policyVersion: null,
  policyCheckedOn: null,
  portalUrl: null,
  fax: null,
  phone: null,
  electronicEndpoint: null,
  appealAddress: null,
  notes: null,
};

function rule(overrides: Partial<PayerRule> = {}): PayerRule {
  return {
    ...EMPTY,
    id: 'r1',
    version: 1,
    payerId: 'p1',
    planType: null,
    cptCode: '17110',
    priorAuth: 'required',
    policyName: 'Aetna CPB 0633',
    ...overrides,
  };
}

describe('checkPayerRule', () => {
  it('accepts a complete rule', () => {
    expect(
      checkPayerRule({
        ...rule({ criteria: ['itching'], minSymptomWeeks: 12, documents: ['clinical_notes'] }),
        policyUrl: 'https://example.org/cpb/0633.html',
        policyCheckedOn: '2026-11-30',
      }),
    ).toEqual([]);
  });

  it('names every bad field', () => {
    const problems = checkPayerRule({
      ...EMPTY,
      planType: 'gold' as never,
      cptCode: '1711',
      priorAuth: 'maybe' as never,
      criteria: ['itching', 'vanity' as never],
      documents: ['xray' as never],
      minSymptomWeeks: 0,
      minFailedTreatments: 1.5,
      policyCheckedOn: '2026-13-01',
      portalUrl: 'javascript:alert(1)',
      fax: 'x'.repeat(41),
    });
    expect(problems.map((p) => p.field)).toEqual([
      'cptCode',
      'planType',
      'priorAuth',
      'criteria',
      'documents',
      'minSymptomWeeks',
      'minFailedTreatments',
      'policyCheckedOn',
      'portalUrl',
      'fax',
      'policyName',
    ]);
  });
});

describe('selectPayerRule', () => {
  const rules = [
    rule({ id: 'any-1', version: 1 }),
    rule({ id: 'any-2', version: 2 }),
    rule({ id: 'ma-1', version: 1, planType: 'medicare_advantage' }),
    rule({ id: 'other-payer', payerId: 'p2', version: 9 }),
  ];

  it('prefers the plan type rule, then the payer-wide one, latest version first', () => {
    expect(selectPayerRule(rules, { payerId: 'p1', planType: 'medicare_advantage', cptCode: '17110' })?.id).toBe(
      'ma-1',
    );
    expect(selectPayerRule(rules, { payerId: 'p1', planType: 'medicaid', cptCode: '17110' })?.id).toBe('any-2');
    expect(selectPayerRule(rules, { payerId: 'p1', planType: 'medicaid', cptCode: '10040' })).toBeUndefined();
  });
});

describe('payer rules in the readiness checklist', () => {
  it('adds nothing for a code the request does not carry', () => {
    expect(
      payerRuleReadinessItems(buildSnapshot({ payerRules: [rule({ cptCode: '10040', criteria: ['pain'] })] })),
    ).toEqual([]);
  });

  it("makes an otherwise ready case not ready until the payer's own criterion is documented, citing the policy", () => {
    const payerRules = [rule({ criteria: ['recurrent_trauma', 'bleeding'] })];
    const before = computeReadiness(buildSnapshot({ payerRules }));
    expect(before.ready).toBe(false);
    const item = before.items.find((i) => i.id === 'payer_rule:17110:criteria');
    expect(item?.label).toMatch(/^Aetna CPB 0633: at least one of the payer's criteria is documented/);
    expect(item?.reason).toMatch(/^Aetna CPB 0633: document at least one of recurrent trauma/);
    expect(() =>
      assertTransition(buildSnapshot({ payerRules }), 'submitted', ['front_desk'], {}, buildContext()),
    ).toThrow();

    const documented = buildSnapshot({ payerRules, findings: { criteria: ['itching', 'bleeding'] } });
    expect(computeReadiness(documented).ready).toBe(true);
    expect(payerCriteriaMet(documented, payerRules[0])).toEqual(['bleeding']);
  });

  it('checks the minimums, photos and documents', () => {
    const payerRules = [
      rule({
        minSymptomWeeks: 20,
        minFailedTreatments: 2,
        photosRequired: true,
        documents: ['clinical_notes', 'treatment_history', 'lesion_site_and_count', 'symptom_duration'],
      }),
    ];
    const failing = payerRuleReadinessItems(
      buildSnapshot({
        payerRules,
        photoCount: 0,
        physicianNoteCount: 0,
        failedTreatments: [],
        findings: { criteria: ['itching'], symptomDurationWeeks: null },
      }),
    ).filter((i) => !i.passed);
    expect(failing.map((i) => [i.id, i.field])).toEqual([
      ['payer_rule:17110:symptom_weeks', 'findings'],
      ['payer_rule:17110:failed_treatments', 'failedTreatments'],
      ['payer_rule:17110:photos', 'photos'],
      ['payer_rule:17110:document:clinical_notes', 'notes'],
      ['payer_rule:17110:document:treatment_history', 'failedTreatments'],
      ['payer_rule:17110:document:symptom_duration', 'findings'],
    ]);
    expect(failing[0].reason).toBe(
      'Aetna CPB 0633: the symptoms must have lasted at least 20 weeks (the case records none).',
    );
    const passing = payerRuleReadinessItems(
      buildSnapshot({
        payerRules: [
          rule({ minSymptomWeeks: 16, minFailedTreatments: 1, photosRequired: true, documents: ['symptom_duration'] }),
        ],
      }),
    );
    expect(passing.every((i) => i.passed)).toBe(true);
  });
});

describe('describePriorAuth', () => {
  it('says required, not required with a chart note, or unknown', () => {
    expect(describePriorAuth('Aetna', '10040', rule({ policyCheckedOn: '2026-11-30' }), '2026-12-06').text).toBe(
      'Prior authorization required by Aetna for 10040 (policy Aetna CPB 0633, checked 2026-11-30).',
    );
    const notRequired = describePriorAuth('Aetna', '10040', rule({ priorAuth: 'not_required' }), '2026-12-06');
    expect(notRequired).toEqual({
      requirement: 'not_required',
      text: 'Prior authorization not required by Aetna for 10040 (policy Aetna CPB 0633, not yet checked): no case needed.',
      chartNote:
        '2026-12-06: Aetna does not require prior authorization for CPT 10040 (policy Aetna CPB 0633, not yet checked); no request filed.',
    });
    expect(describePriorAuth('Aetna', '10040', null, '2026-12-06')).toEqual({
      requirement: 'unknown',
      text: 'Unknown whether Aetna requires prior authorization for 10040: no rule is written for it yet; ask the payer.',
    });
  });
});
