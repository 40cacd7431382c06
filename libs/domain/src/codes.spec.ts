import {
  CPT_CATALOG,
  DIAGNOSIS_COMPATIBILITY,
  findCpt,
  hasCompatibilityRule,
  classifyIcd10,
  describeIcd10Problem,
  describeIcd10Release,
  icd10Descriptions,
  icd10Problems,
  isCosmeticRiskCpt,
  isDiagnosisCompatible,
  isValidCptFormat,
  isValidIcd10Format,
  normalizeCpt,
  normalizeIcd10,
} from './codes';
import {
  CARC_DENIAL_CODES,
  describeCarcCode,
  findCarcCode,
  isValidCarcCode,
  NO_CARC_DESCRIPTION,
  normalizeCarcCode,
} from './denial-codes';

const MEDICAL_CPT = [
  '10040',
  '17110',
  '17111',
  '11102',
  '11103',
  '11104',
  '11105',
  '11106',
  '11107',
  '67840',
  '67850',
  '92285',
];
const COSMETIC_CPT = ['15780', '15781', '15782', '15783', '15786', '15787', '15788', '15789', '17340', '17360'];

describe('CPT_CATALOG', () => {
  it('holds every code of DOMAIN.md exactly once', () => {
    const codes = CPT_CATALOG.map((entry) => entry.code);
    expect([...codes].sort()).toEqual([...MEDICAL_CPT, ...COSMETIC_CPT].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(MEDICAL_CPT)('%s is a medical code with a description', (code) => {
    const entry = findCpt(code);
    expect(entry?.cosmeticRisk).toBe(false);
    expect(entry?.description.length).toBeGreaterThan(10);
    expect(isValidCptFormat(code)).toBe(true);
  });

  it.each(COSMETIC_CPT)('%s is flagged cosmetic-risk and marked unverified', (code) => {
    const entry = findCpt(code);
    expect(entry?.cosmeticRisk).toBe(true);
    expect(entry?.note).toMatch(/unverified/i);
    expect(isCosmeticRiskCpt(code)).toBe(true);
  });

  it.each([
    ['17110', { min: 1, max: 14 }],
    ['17111', { min: 15 }],
  ])('%s carries its lesion range', (code, range) => {
    expect(findCpt(code)?.lesionCount).toEqual(range);
    expect(findCpt(code)?.exactUnits).toBe(1);
  });

  it.each([
    ['11103', ['11102', '11104', '11106']],
    ['11105', ['11104', '11106']],
    ['11107', ['11106']],
    ['15787', ['15786']],
  ])('add-on %s goes with %j', (code, bases) => {
    expect(findCpt(code)?.addOnTo).toEqual(bases);
  });

  it('knows nothing of codes outside the catalog', () => {
    expect(findCpt('99213')).toBeUndefined();
    expect(isCosmeticRiskCpt('99213')).toBe(false);
  });
});

describe('classifyIcd10', () => {
  const l72 = [
    { code: 'L72.0', description: 'Epidermal cyst' },
    { code: 'L72.11', description: 'Pilar cyst' },
    { code: 'L72.12', description: 'Trichodermal cyst' },
  ];

  it('a listed code is billable', () => {
    expect(classifyIcd10('L72.0', l72[0], [])).toEqual({ kind: 'billable', description: 'Epidermal cyst' });
  });

  it('a code that listed codes extend is a category, naming them', () => {
    expect(classifyIcd10('L72.1', undefined, l72)).toEqual({ kind: 'category', children: l72.slice(1), childCount: 2 });
  });

  it('a code nothing extends is unknown', () => {
    expect(classifyIcd10('Z99.99', undefined, [])).toEqual({ kind: 'unknown' });
  });
});

describe('describeIcd10Problem', () => {
  it('names a category and its billable codes', () => {
    const lookup = classifyIcd10('L72.1', undefined, [
      { code: 'L72.11', description: 'Pilar cyst' },
      { code: 'L72.12', description: 'Trichodermal cyst' },
    ]);
    expect(describeIcd10Problem('L72.1', lookup, 'FY2026')).toBe(
      'L72.1 is a category; pick one of L72.11 Pilar cyst, L72.12 Trichodermal cyst.',
    );
  });

  it('says how many more when a category has many', () => {
    const children = Array.from({ length: 8 }, (_, i) => ({ code: `S72.00${i}`, description: `Fracture ${i}` }));
    expect(describeIcd10Problem('S72', { kind: 'category', children, childCount: 900 }, 'FY2026')).toMatch(
      /, and 892 more\.$/,
    );
  });

  it('refuses a code the release does not hold', () => {
    expect(describeIcd10Problem('Z99.99', { kind: 'unknown' }, 'FY2026')).toBe(
      'Z99.99 is not an ICD-10-CM code (release FY2026).',
    );
  });

  it('passes a billable code', () => {
    expect(describeIcd10Problem('L72.0', { kind: 'billable', description: 'Epidermal cyst' }, 'FY2026')).toBeNull();
  });
});

describe('icd10Problems and the release', () => {
  const check = {
    release: 'FY2026',
    serviceDate: '2027-11-01',
    coversServiceDate: false,
    codes: { 'L72.0': { kind: 'billable', description: 'Epidermal cyst' } } as const,
  };

  it('normalises the codes before looking them up and skips malformed ones', () => {
    expect(icd10Problems(['l720', 'Z99.99', 'MILIA'], check)).toEqual([
      'Z99.99 is not an ICD-10-CM code (release FY2026).',
    ]);
  });

  it('says when the newest release stands in for one that covers the date', () => {
    expect(describeIcd10Release(check)).toBe(
      'ICD-10-CM FY2026, the newest loaded: no loaded release covers 2027-11-01',
    );
    expect(describeIcd10Release({ ...check, coversServiceDate: true })).toBe(
      'ICD-10-CM FY2026, in effect on 2027-11-01',
    );
  });

  it('gives the descriptions of billable codes only', () => {
    expect(icd10Descriptions(check)).toEqual({ 'L72.0': 'Epidermal cyst' });
    expect(icd10Descriptions(null)).toEqual({});
  });
});

describe('isValidCptFormat', () => {
  it.each([
    ['17110', true],
    ['0479T', true],
    ['0001F', true],
    ['1711', false],
    ['171100', false],
    ['17A10', false],
    ['T0479', false],
    ['0479t', false],
    ['+11103', false],
    [' 17110', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (code, valid) => {
    expect(isValidCptFormat(code)).toBe(valid);
  });

  it.each([
    ['+11103', '11103'],
    [' 17110 ', '17110'],
    ['0479t', '0479T'],
  ])('normalizeCpt(%j) = %s', (code, normalized) => {
    expect(normalizeCpt(code)).toBe(normalized);
  });
});

describe('isValidIcd10Format', () => {
  it.each([
    ['L72.0', true],
    ['L72', true],
    ['L72.11', true],
    ['C4A.0', true],
    ['S52.521A', true],
    ['D3A.010', true],
    ['L72.', false],
    ['L72.01234', false],
    ['l72.0', false],
    ['L720', false],
    ['72.0', false],
    ['LL2.0', false],
    ['L7', false],
    ['', false],
    [null, false],
  ])('%j → %s', (code, valid) => {
    expect(isValidIcd10Format(code)).toBe(valid);
  });

  it.each([
    ['l72.0', 'L72.0'],
    ['L720', 'L72.0'],
    [' l 72 0 ', 'L72.0'],
    ['s52521a', 'S52.521A'],
    ['L72', 'L72'],
    ['l72.', 'L72'],
  ])('normalizeIcd10(%j) = %s', (code, normalized) => {
    expect(normalizeIcd10(code)).toBe(normalized);
  });
});

describe('isDiagnosisCompatible', () => {
  it.each([
    // milia / follicular cysts with the procedures that treat them
    ['10040', 'L72.0', true],
    ['17110', 'L72.0', true],
    ['17111', 'L72.8', true],
    ['67840', 'L72.9', true],
    ['67850', 'L72.3', true],
    ['11102', 'L72.0', true],
    // acne
    ['10040', 'L70.0', true],
    ['17110', 'L70.0', false],
    ['67850', 'L70.0', false],
    // seborrheic keratosis and benign neoplasm
    ['17110', 'L82.1', true],
    ['17111', 'D23.9', true],
    ['10040', 'L82.1', false],
    // uncertain behaviour goes to biopsy or excision, not destruction
    ['67840', 'D48.5', true],
    ['17110', 'D48.5', false],
    ['11104', 'D48.5', true],
    // a symptom code alone supports only a diagnostic procedure
    ['17110', 'L29.9', false],
    ['11106', 'L29.9', true],
    ['92285', 'L29.9', true],
    // normalisation and odd input
    ['+11103', 'l720', true],
    ['17110', 'L72', true],
    ['17110', 'L7', false],
    ['11102', 'not a code', false],
    // procedures without a table entry are never "compatible"
    ['15780', 'L72.0', false],
    ['99213', 'L72.0', false],
  ])('%s with %s → %s', (cpt, icd, compatible) => {
    expect(isDiagnosisCompatible(cpt, icd)).toBe(compatible);
  });

  it('has a compatibility entry for every medical catalog code and none for cosmetic ones', () => {
    expect(MEDICAL_CPT.every(hasCompatibilityRule)).toBe(true);
    expect(COSMETIC_CPT.some(hasCompatibilityRule)).toBe(false);
    expect(hasCompatibilityRule('+11103')).toBe(true);
    expect(hasCompatibilityRule('toString')).toBe(false);
  });

  it.each(['11102', '11103', '11104', '11105', '11106', '11107'])('biopsy %s accepts any diagnosis', (cpt) => {
    expect(DIAGNOSIS_COMPATIBILITY[cpt]).toBe('any');
  });
});

describe('CARC denial codes', () => {
  it('describes the codes prior-authorization denials use, each once and never as the bare code', () => {
    const codes = CARC_DENIAL_CODES.map((entry) => entry.code);
    // Issue 24's list; the six of DOMAIN.md come first for the picker.
    expect(codes.slice(0, 6)).toEqual(['CO-50', 'CO-197', 'CO-15', 'CO-198', 'CO-11', 'CO-16']);
    expect([...codes].sort()).toEqual(
      [4, 11, 15, 16, 50, 96, 97, 109, 167, 170, 171, 183, 184, 185, 197, 198, 204, 242, 251, 252]
        .map((reason) => `CO-${reason}`)
        .sort(),
    );
    for (const entry of CARC_DENIAL_CODES) {
      expect(isValidCarcCode(entry.code)).toBe(true);
      expect(entry.description.length).toBeGreaterThan(5);
      expect(entry.description).not.toContain(entry.code);
    }
    expect(findCarcCode('CO-50')?.description).toMatch(/medically necessary/i);
  });

  it.each([
    ['CO-96', 'Non-covered charge'],
    ['pr-204', "Not covered under the patient's current benefit plan"],
    ['OA-197', 'Precertification / authorization absent'],
    ['CO-45', NO_CARC_DESCRIPTION],
  ])('describeCarcCode(%j) = %j', (code, description) => {
    expect(describeCarcCode(code)).toBe(description);
  });

  it.each([
    ['CO-50', true],
    ['PR-96', true],
    ['OA-23', true],
    ['PI-197', true],
    ['CR-A1', true],
    ['CO-B7', true],
    ['CO-1', true],
    ['CO-1234', false],
    ['CO50', false],
    ['CO-', false],
    ['XX-50', false],
    ['co-50', false],
    ['50', false],
    ['', false],
    [null, false],
  ])('isValidCarcCode(%j) = %s', (code, valid) => {
    expect(isValidCarcCode(code)).toBe(valid);
  });

  it.each([
    [' co-50 ', 'CO-50'],
    ['pr - 96', 'PR-96'],
  ])('normalizeCarcCode(%j) = %s', (code, normalized) => {
    expect(normalizeCarcCode(code)).toBe(normalized);
  });

  it('finds a code whatever its case', () => {
    expect(findCarcCode(' co-197')?.code).toBe('CO-197');
    expect(findCarcCode('PR-96')).toBeUndefined();
  });
});
