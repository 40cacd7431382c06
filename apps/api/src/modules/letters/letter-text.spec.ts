import {
  answerDenial,
  composeAppealLetter,
  composeMedicalNecessityLetter,
  formatLetterDate,
  type AppealFacts,
  type LetterFacts,
} from './letter-text';

const facts: LetterFacts = {
  date: '2026-11-24',
  caseNumber: 'PA-000042',
  payerReference: null,
  patient: { name: 'Evelyn Thibodeau', dateOfBirth: '1968-09-14', memberId: null },
  payer: { name: 'Pine State Health', planType: 'medicare_advantage' },
  physician: { name: 'Dana Whitfield, MD', npi: '1234567893' },
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
  denialText: null,
  deniedOn: '2026-11-10',
  appealLevel: 2,
  filingDeadline: null,
  submittedOn: '2026-11-01',
  authorizationNumber: null,
};

describe('letter text', () => {
  it('formats calendar dates the way reviewers read them, leaving anything else alone', () => {
    expect(formatLetterDate('2026-03-01')).toBe('March 1, 2026');
    expect(formatLetterDate('soon')).toBe('soon');
  });

  it('says what is missing instead of leaving a section empty', () => {
    const text = composeMedicalNecessityLetter({ ...facts, photos: [], failedTreatments: [] });
    expect(text).toContain('Member ID: not on file');
    expect(text).toContain('No medical-necessity criterion is documented yet.');
    expect(text).toContain('Symptoms: none documented.');
    expect(text).toContain('Duration of symptoms: not documented.');
    expect(text).toContain('No less costly treatment has been tried');
    expect(text).toContain('No photographs attached.');
    expect(text).toContain('- ICD-10-CM Z99.9'); // unknown to the catalog: the code alone
  });

  it('keeps an ongoing treatment ongoing, one photo singular and an infection stated', () => {
    const text = composeMedicalNecessityLetter(facts);
    expect(text).toContain('- Tretinoin 0.025%, from February 1, 2026 (ongoing): No change');
    expect(text).toContain('1 dated clinical photograph is attached, of Left ear, taken on November 2, 2026:');
    expect(text).toContain('Infection: the lesions show signs of infection.');
  });

  it.each([
    ['CO-11', /^1\. CPT 17110 .* is supported by the diagnosis L72\.0/],
    ['CO-198', /^1\. CPT 17110 .*: 1 unit requested for 9 documented lesions at Behind both ears\./],
    [
      'CO-16',
      /^1\. The missing information is enclosed: the letter of medical necessity, 1 dated photograph and 2 clinical notes\./,
    ],
    ['CO-15', /^1\. Pre-authorization was requested before the procedure, on November 1, 2026\./],
    ['PR-204', /^1\. The procedure is medically necessary, not cosmetic\./],
  ])('answers %s with its own first point', (denialCode, first) => {
    const points = answerDenial({ ...appeal, denialCode });
    expect(points[0]).toMatch(first);
    expect(points.every((p, i) => p.startsWith(`${i + 1}. `))).toBe(true);
  });

  it('gives the level and says when no deadline can be computed', () => {
    const text = composeAppealLetter(appeal);
    expect(text).toContain('RE: Level 2 internal appeal of a denied pre-authorization');
    expect(text).toContain('Appeal filing deadline: not computable');
    expect(text).toContain('reason code CO-11 (Diagnosis inconsistent with the procedure).');
  });
});
