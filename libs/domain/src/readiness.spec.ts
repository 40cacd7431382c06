import { computeReadiness, READINESS_RULES, type ReadinessRule } from './readiness';
import type { CaseSnapshot, ProcedureLine } from './snapshot';
import { buildSnapshot } from './testing/case-fixtures';

const line = (cpt: string, units = 1, lesionCount = 1): ProcedureLine => ({
  cpt,
  units,
  lesionCount,
  bodySite: 'Posterior scalp line',
});

function listFailingIds(snapshot: CaseSnapshot, requireEvidence?: boolean): string[] {
  return computeReadiness(snapshot, { requireEvidence })
    .items.filter((item) => !item.passed)
    .map((item) => item.id);
}

function getReason(snapshot: CaseSnapshot, id: string): string | undefined {
  return computeReadiness(snapshot).items.find((item) => item.id === id)?.reason;
}

describe('computeReadiness', () => {
  it('passes the documented example case with every item present', () => {
    const result = computeReadiness(buildSnapshot());
    expect(result.ready).toBe(true);
    expect(result.items.map((item) => item.id)).toEqual([
      'medical_necessity',
      'diagnosis_present',
      'procedure_present',
      'cpt_format',
      'icd10_format',
      'icd10_release',
      'cosmetic_risk',
      'units_lesions',
      'diagnosis_compatible',
      'treatment_dates',
      'photos',
      'physician_note',
    ]);
    expect(result.items.every((item) => item.passed && item.reason === undefined)).toBe(true);
  });

  it('gives each item a label and the form field that fixes it', () => {
    const fields = Object.fromEntries(computeReadiness(buildSnapshot()).items.map((item) => [item.id, item.field]));
    expect(fields).toEqual({
      medical_necessity: 'findings',
      diagnosis_present: 'diagnoses',
      procedure_present: 'procedureLines',
      cpt_format: 'procedureLines',
      icd10_format: 'diagnoses',
      icd10_release: 'diagnoses',
      cosmetic_risk: 'cosmeticOverride',
      units_lesions: 'procedureLines',
      diagnosis_compatible: 'diagnoses',
      treatment_dates: 'failedTreatments',
      photos: 'photos',
      physician_note: 'notes',
    });
    for (const item of computeReadiness(buildSnapshot()).items) expect(item.label.trim()).not.toBe('');
  });

  it.each<[string, Partial<CaseSnapshot>, string[]]>([
    // medical necessity
    ['no criterion', { findings: { criteria: [] } }, ['medical_necessity']],
    ['unknown criterion only', { findings: { criteria: ['looks bad' as never] } }, ['medical_necessity']],
    ['inflammation checkbox counts', { findings: { criteria: [], inflammation: true } }, []],
    ['infection checkbox counts', { findings: { criteria: [], infection: true } }, []],
    ['suspected malignancy alone counts', { findings: { criteria: ['suspected_malignancy'] } }, []],
    // presence
    ['no diagnosis', { diagnoses: [] }, ['diagnosis_present']],
    ['no procedure', { procedureLines: [] }, ['procedure_present']],
    // format
    ['four-digit CPT', { procedureLines: [line('1711')] }, ['cpt_format']],
    ['CPT with letters', { procedureLines: [line('17A10')] }, ['cpt_format']],
    ['Category III style CPT is well-formed', { procedureLines: [line('0479T')] }, []],
    ['add-on written with a plus', { procedureLines: [line('11102'), line('+11103', 2, 2)] }, []],
    ['diagnosis without a letter', { diagnoses: ['720'] }, ['icd10_format']],
    ['diagnosis too long', { diagnoses: ['L72.01234'] }, ['icd10_format']],
    ['lower-case diagnosis without dot is normalized', { diagnoses: ['l720'] }, []],
    // cosmetic risk
    ['dermabrasion without justification', { procedureLines: [line('15780')] }, ['cosmetic_risk']],
    [
      'chemical peel with blank justification',
      { procedureLines: [line('15788')], cosmeticOverride: { justification: '  ' } },
      ['cosmetic_risk'],
    ],
    [
      'dermabrasion with justification',
      { procedureLines: [line('15780')], cosmeticOverride: { justification: 'Milia en plaque resistant to 17110' } },
      [],
    ],
    [
      'acne cryotherapy without justification',
      { procedureLines: [line('17340')], diagnoses: ['L70.0'] },
      ['cosmetic_risk'],
    ],
    // units and lesions
    ['17110 with 14 lesions', { procedureLines: [line('17110', 1, 14)] }, []],
    ['17110 with 15 lesions', { procedureLines: [line('17110', 1, 15)] }, ['units_lesions']],
    ['17110 with no lesion', { procedureLines: [line('17110', 1, 0)] }, ['units_lesions']],
    ['17111 with 15 lesions', { procedureLines: [line('17111', 1, 15)] }, []],
    ['17111 with 14 lesions', { procedureLines: [line('17111', 1, 14)] }, ['units_lesions']],
    ['17110 billed per lesion', { procedureLines: [line('17110', 12, 12)] }, ['units_lesions']],
    ['17111 with 2 units', { procedureLines: [line('17111', 2, 30)] }, ['units_lesions']],
    ['zero units', { procedureLines: [line('10040', 0, 3)] }, ['units_lesions']],
    ['fractional units', { procedureLines: [line('10040', 1.5, 3)] }, ['units_lesions']],
    ['negative lesion count', { procedureLines: [line('10040', 1, -1)] }, ['units_lesions']],
    ['11103 without a primary biopsy', { procedureLines: [line('11103', 2, 2)] }, ['units_lesions']],
    ['11103 with 11102', { procedureLines: [line('11102'), line('11103', 2, 2)] }, []],
    ['11103 with 11104', { procedureLines: [line('11104'), line('11103')] }, []],
    ['11105 with 11104', { procedureLines: [line('11104'), line('11105')] }, []],
    ['11105 with 11102 only', { procedureLines: [line('11102'), line('11105')] }, ['units_lesions']],
    ['11107 with 11106', { procedureLines: [line('11106'), line('11107')] }, []],
    ['11107 with 11104 only', { procedureLines: [line('11104'), line('11107')] }, ['units_lesions']],
    ['two primary biopsy codes', { procedureLines: [line('11102'), line('11104')] }, ['units_lesions']],
    ['primary biopsy with 2 units', { procedureLines: [line('11102', 2, 2)] }, ['units_lesions']],
    ['unknown well-formed CPT is not judged', { procedureLines: [line('99999', 3, 0)] }, []],
    // compatibility
    ['L72.0 with 10040', { procedureLines: [line('10040')] }, []],
    ['L70.0 with 10040', { diagnoses: ['L70.0'], procedureLines: [line('10040')] }, []],
    ['L70.0 with 17110', { diagnoses: ['L70.0'], procedureLines: [line('17110', 1, 5)] }, ['diagnosis_compatible']],
    ['L70.0 with 67840', { diagnoses: ['L70.0'], procedureLines: [line('67840')] }, ['diagnosis_compatible']],
    [
      'pruritus alone with destruction',
      { diagnoses: ['L29.9'], procedureLines: [line('17110', 1, 5)] },
      ['diagnosis_compatible'],
    ],
    ['pruritus with a biopsy', { diagnoses: ['L29.9'], procedureLines: [line('11104')] }, []],
    [
      'one supporting diagnosis among several is enough',
      { diagnoses: ['L29.9', 'L72.8'], procedureLines: [line('17111', 1, 20)] },
      [],
    ],
    ['uncertain neoplasm with eyelid excision', { diagnoses: ['D48.5'], procedureLines: [line('67840')] }, []],
    // failed treatments
    [
      'treatment without end date',
      { failedTreatments: [{ therapy: 'Tretinoin', startDate: '2026-01-01', endDate: null, outcome: 'Irritation' }] },
      [],
    ],
    ['no failed treatment at all', { failedTreatments: [] }, []],
    [
      'treatment with malformed start',
      { failedTreatments: [{ therapy: 'Tretinoin', startDate: '01/02/2026', outcome: '' }] },
      ['treatment_dates'],
    ],
    [
      'treatment ending before it starts',
      { failedTreatments: [{ therapy: 'Tretinoin', startDate: '2026-03-01', endDate: '2026-02-01', outcome: '' }] },
      ['treatment_dates'],
    ],
    [
      'treatment with impossible end date',
      { failedTreatments: [{ therapy: 'Tretinoin', startDate: '2026-01-01', endDate: '2026-02-30', outcome: '' }] },
      ['treatment_dates'],
    ],
    // evidence
    ['no photo', { photoCount: 0 }, ['photos']],
    ['no physician note', { physicianNoteCount: 0 }, ['physician_note']],
  ])('%s', (_name, overrides, expected) => {
    const snapshot = buildSnapshot(overrides);
    expect(listFailingIds(snapshot)).toEqual(expected);
    expect(computeReadiness(snapshot).ready).toBe(expected.length === 0);
  });

  it('gives a reason for every failing item and none for passing ones', () => {
    const result = computeReadiness(
      buildSnapshot({
        findings: { criteria: [] },
        diagnoses: [],
        procedureLines: [],
        photoCount: 0,
        physicianNoteCount: 0,
      }),
    );
    expect(result.ready).toBe(false);
    for (const item of result.items) {
      if (item.passed) expect(item.reason).toBeUndefined();
      else expect(item.reason).toMatch(/\.$/);
    }
    // Empty lists fail the presence items only, not the format or compatibility items as well.
    expect(result.items.filter((item) => !item.passed).map((item) => item.id)).toEqual([
      'medical_necessity',
      'diagnosis_present',
      'procedure_present',
      'photos',
      'physician_note',
    ]);
  });

  it('names the offending codes in the reasons', () => {
    expect(getReason(buildSnapshot({ procedureLines: [line('17110', 1, 20)] }), 'units_lesions')).toBe(
      '17110 covers 1 to 14 lesions, but the line has 20.',
    );
    expect(getReason(buildSnapshot({ procedureLines: [line('17110', 3, 3)] }), 'units_lesions')).toBe(
      '17110 is reported with exactly 1 unit per session, not 3: the lesion count, not the units, says how many lesions were treated.',
    );
    expect(getReason(buildSnapshot({ procedureLines: [line('11105')] }), 'units_lesions')).toBe(
      'Add-on code +11105 needs its primary code on the request (11104, 11106).',
    );
    expect(getReason(buildSnapshot({ procedureLines: [line('15781')] }), 'cosmetic_risk')).toBe(
      '15781 (Dermabrasion of part of the face) is usually treated as cosmetic: remove it or record why it is medically necessary.',
    );
    expect(
      getReason(buildSnapshot({ diagnoses: ['L70.0'], procedureLines: [line('17110', 1, 3)] }), 'diagnosis_compatible'),
    ).toBe('No diagnosis on the request supports 17110 (have L70.0); payers deny this as CO-11.');
  });

  it.each([
    [true, ['photos', 'physician_note']],
    [undefined, ['photos', 'physician_note']],
    [false, []],
  ] as const)('requireEvidence %s asks for %j', (requireEvidence, expected) => {
    const snapshot = buildSnapshot({ photoCount: 0, physicianNoteCount: 0 });
    const result = computeReadiness(snapshot, { requireEvidence });
    expect(result.items.filter((item) => !item.passed).map((item) => item.id)).toEqual(expected);
    expect(result.items.some((item) => item.id === 'photos')).toBe(requireEvidence !== false);
    expect(result.ready).toBe(expected.length === 0);
  });

  describe('icd10_release', () => {
    const fy2026 = (covers = true) =>
      ({
        release: 'FY2026',
        serviceDate: covers ? '2026-03-01' : '2027-11-01',
        coversServiceDate: covers,
        codes: {
          'L72.0': { kind: 'billable', description: 'Epidermal cyst' },
          'L72.1': {
            kind: 'category',
            children: [
              { code: 'L72.11', description: 'Pilar cyst' },
              { code: 'L72.12', description: 'Trichodermal cyst' },
            ],
            childCount: 2,
          },
          'Z99.99': { kind: 'unknown' },
        },
      }) as const;
    const item = (snapshot: CaseSnapshot) => computeReadiness(snapshot).items.find((i) => i.id === 'icd10_release');

    it('passes billable codes and names the release in effect', () => {
      expect(item(buildSnapshot({ diagnoses: ['L72.0'], icd10: fy2026() }))).toMatchObject({
        passed: true,
        label: 'Diagnoses are billable codes of ICD-10-CM FY2026, in effect on 2026-03-01',
      });
    });

    it('refuses a category and a code the release does not hold', () => {
      expect(item(buildSnapshot({ diagnoses: ['L72.0', 'L72.1', 'Z99.99'], icd10: fy2026() }))).toMatchObject({
        passed: false,
        reason:
          'L72.1 is a category; pick one of L72.11 Pilar cyst, L72.12 Trichodermal cyst. Z99.99 is not an ICD-10-CM code (release FY2026).',
      });
    });

    it('says when the newest release stands in for the date of service', () => {
      expect(item(buildSnapshot({ diagnoses: ['L72.0'], icd10: fy2026(false) }))?.label).toBe(
        'Diagnoses are billable codes of ICD-10-CM FY2026, the newest loaded: no loaded release covers 2027-11-01',
      );
    });

    it('refuses diagnoses when no release is loaded', () => {
      expect(item(buildSnapshot({ diagnoses: ['L72.0'], icd10: null }))?.passed).toBe(false);
    });
  });

  it('accepts an extended rule list', () => {
    const symptomDuration: ReadinessRule = {
      id: 'symptom_duration',
      label: 'Symptom duration recorded',
      field: 'findings',
      check: (snapshot) =>
        snapshot.findings.symptomDurationWeeks ? [] : ['Record how long the symptoms have lasted.'],
    };
    const rules = [...READINESS_RULES, symptomDuration];
    expect(computeReadiness(buildSnapshot(), {}, rules).ready).toBe(true);
    const result = computeReadiness(buildSnapshot({ findings: { criteria: ['pain'] } }), {}, rules);
    expect(result.ready).toBe(false);
    expect(result.items.at(-1)).toEqual({
      id: 'symptom_duration',
      label: 'Symptom duration recorded',
      passed: false,
      field: 'findings',
      reason: 'Record how long the symptoms have lasted.',
    });
  });
});
