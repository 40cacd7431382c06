import { CARC_DENIAL_CODES, findBuiltInCarcDescription } from '@preauth/domain';
import { answerDenial, composeAppealLetter, type AppealFacts } from './appeal-letter-text';
import { composeMedicalNecessityLetter, formatLetterDate, type LetterFacts } from './letter-text';

const facts: LetterFacts = {
  date: '2026-11-24',
  caseNumber: 'PA-000042',
  payerReference: null,
  patient: { name: 'Evelyn Thibodeau', dateOfBirth: '1968-09-14', memberId: null },
  payer: { name: 'Pine State Health', planType: 'medicare_advantage' },
  physician: { name: 'Dana Whitfield, MD', npi: '1234567893' },
  clinic: { name: 'Casco Bay Dermatology', phone: '(207) 555-0140', fax: '(207) 555-0141' },
  diagnoses: ['L72.0', 'Z99.9'],
  procedures: [{ cpt: '17110', units: 1, bodySite: 'Behind both ears', lesionCount: 9 }],
  findings: {
    criteria: [],
    symptoms: null,
    symptomDurationWeeks: null,
    inflammation: false,
    infection: true,
    functionalImpairment: null,
  },
  failedTreatments: [{ therapy: 'Tretinoin 0.025%', startDate: '2026-02-01', endDate: null, outcome: 'No change' }],
  photos: [{ bodySite: 'Left ear', lesionCount: 1, takenOn: '2026-11-02' }],
  clinicalNoteCount: 2,
};

const appeal: AppealFacts = {
  ...facts,
  denialCode: 'CO-11',
  denialDescription: findBuiltInCarcDescription('CO-11') ?? null,
  denialText: null,
  deniedOn: '2026-11-10',
  appealLevel: 2,
  filingDeadline: null,
  submittedOn: '2026-11-01',
  authorizationNumber: null,
};

// Every free-text field ends with the punctuation a person types, to catch a template adding its own.
const punctuated: LetterFacts = {
  ...facts,
  payerReference: 'REF-1.',
  diagnoses: ['L72.0'],
  procedures: [
    { cpt: '11104', units: 1, bodySite: 'Right postauricular.', lesionCount: 1 },
    { cpt: '17111', units: 2, bodySite: 'Behind both ears;', lesionCount: 60 },
  ],
  findings: {
    criteria: ['itching', 'burning', 'inflammation'],
    symptoms: 'Itchy, burns when scratched.',
    symptomDurationWeeks: 40,
    inflammation: true,
    infection: true,
    functionalImpairment: 'Glasses rub the lesions.',
  },
  failedTreatments: [
    { therapy: 'Retinol.', startDate: '2025-11-01', endDate: '2026-06-30', outcome: 'Unchanged.' },
    { therapy: 'Tretinoin;', startDate: '2026-07-01', endDate: null, outcome: 'Worse, stopped;' },
  ],
  photos: [
    { bodySite: 'Left ear.', lesionCount: 6, takenOn: '2026-11-02' },
    { bodySite: 'Scalp line', lesionCount: 11, takenOn: '2026-11-09' },
  ],
};

const bare: LetterFacts = {
  ...facts,
  clinic: null,
  diagnoses: [],
  procedures: [],
  findings: { ...facts.findings, infection: false },
  failedTreatments: [],
  photos: [],
};

const DOUBLED = /\.\.|[.;:,]\s*[.;:,]|\(\s*\(|\)\)|\s[.;:,]/;

describe('letter text', () => {
  it('formats calendar dates the way reviewers read them, leaving anything else alone', () => {
    expect(formatLetterDate('2026-03-01')).toBe('March 1, 2026');
    expect(formatLetterDate('soon')).toBe('soon');
  });

  describe.each([
    ['punctuated chart text', punctuated],
    ['an almost empty chart', bare],
    ['a short chart', facts],
  ])('with %s', (_label, f) => {
    const texts = [
      ['letter of medical necessity', composeMedicalNecessityLetter(f)],
      ...[...CARC_DENIAL_CODES.map((c) => c.code), 'PR-204', 'CO-999'].flatMap((denialCode) =>
        [1, 2].map((appealLevel) => [
          `appeal of ${denialCode} at level ${appealLevel}`,
          composeAppealLetter({
            ...appeal,
            ...f,
            denialCode,
            denialDescription: findBuiltInCarcDescription(denialCode) ?? null,
            appealLevel,
            denialText: 'Removal of benign lesions is cosmetic.',
            payerReference: f.payerReference,
          }),
        ]),
      ),
    ];

    it.each(texts)('the %s has no doubled punctuation', (_name, text) => {
      const bad = text.split('\n').filter((line) => DOUBLED.test(line.replace(/\.\.\./g, '…')));
      expect(bad).toEqual([]);
    });

    it.each(texts)('the %s gives no code as its own reason and names no "my office"', (_name, text) => {
      expect(text).not.toMatch(/is treated with CPT|contact my office/i);
      expect(text).not.toMatch(/codes requested are medical/);
    });
  });

  it('says what is missing instead of leaving a section empty, and falls back to the physician without a clinic profile', () => {
    const text = composeMedicalNecessityLetter(bare);
    expect(text).toContain('Member ID: not on file');
    expect(text).toContain('No medical-necessity criterion is documented yet;');
    expect(text).toContain('The symptoms and their duration are not documented yet.');
    expect(text).toContain('No less costly treatment is documented yet;');
    expect(text).toContain('No photographs are enclosed yet.');
    expect(text).toContain('- No diagnosis code is recorded yet.');
    expect(text).toContain('please contact the office of Dana Whitfield, MD, quoting reference PA-000042.');
  });

  it('gives the clinic’s own phone and fax for questions', () => {
    expect(composeMedicalNecessityLetter(facts)).toContain(
      'please call Casco Bay Dermatology at (207) 555-0140 or fax (207) 555-0141, quoting reference PA-000042.',
    );
  });

  it('dates each failed treatment and gives its length and outcome; an ongoing one stays ongoing', () => {
    const text = composeMedicalNecessityLetter(punctuated);
    expect(text).toContain('Less costly treatment was tried first and failed each time:');
    expect(text).toContain('- Retinol, from November 1, 2025 to June 30, 2026 (8 months): unchanged.');
    expect(text).toContain('- Tretinoin, since July 1, 2026 (ongoing): worse, stopped.');
    expect(text).toContain(
      'For 40 weeks (about 9 months) the patient has had the following symptoms: itchy, burns when scratched.',
    );
    expect(text).toContain('With these treatments exhausted, removal is the remaining option.');
    expect(text).toContain(
      'these lesions meet 3 of those criteria: intense itching, burning and inflammation (erythema, edema, purulence, oozing).',
    );
    expect(text).toContain('- Photo 1: Left ear, 6 lesions, taken November 2, 2026');
  });

  it.each([
    ['CO-11', /^1\. The diagnosis and the procedure agree: CPT 17110 .* is the procedure for the documented L72\.0/],
    [
      'CO-198',
      /^1\. The units requested match the lesions documented: CPT 17110 .*, 1 unit for 9 lesions at this site: Behind both ears\./,
    ],
    [
      'CO-16',
      /^1\. The information missing from the request is enclosed: the letter of medical necessity, 1 dated photograph and 2 clinical notes\./,
    ],
    ['CO-15', /^1\. Pre-authorization was requested before any procedure, on November 1, 2026\./],
    ['CO-50', /^1\. No medical-necessity criterion is documented yet;/],
    ['PR-204', /^1\. No medical-necessity criterion is documented yet;/],
  ])('answers %s with its own first point', (denialCode, first) => {
    const points = answerDenial({ ...appeal, denialCode });
    expect(points[0]).toMatch(first);
    expect(points.every((p, i) => p.startsWith(`${i + 1}. `))).toBe(true);
  });

  it('names the level, quotes the payer and says when no deadline can be computed', () => {
    const text = composeAppealLetter({ ...appeal, denialText: 'Codes do not match.' });
    expect(text).toContain('RE: Level 2 appeal of a denied pre-authorization');
    expect(text).toContain('This is a second-level appeal: the first level upheld the denial.');
    expect(text).toContain('Appeal filing deadline: not computable');
    expect(text).toContain(
      'Your notice gives reason code CO-11: Diagnosis inconsistent with the procedure. It adds: "Codes do not match."',
    );
  });
});
