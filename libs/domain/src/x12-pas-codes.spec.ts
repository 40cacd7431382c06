import { describeX12Reject, isX12ReviewAction, x12ServiceTypeForCpt } from './x12-pas-codes';

describe('X12 codes of a PAS exchange', () => {
  it.each([
    ['17110', '2'],
    ['10040', '2'],
    ['69990', '2'],
    ['96567', '1'],
    ['J7308', '1'],
    ['99213', '1'],
  ])('CPT %s is service type %s', (cpt, code) => {
    expect(x12ServiceTypeForCpt(cpt).code).toBe(code);
  });

  it('knows the review actions PAS uses and nothing else', () => {
    expect(['A1', 'A2', 'A3', 'A4', 'A6', 'C', 'CT', 'NA'].every(isX12ReviewAction)).toBe(true);
    expect(isX12ReviewAction('A5')).toBe(false);
    expect(isX12ReviewAction('toString')).toBe(false);
  });

  it('says what to fix for a known reject reason and keeps an unknown one as sent', () => {
    expect(describeX12Reject('72', 'C')).toBe(
      "72 Invalid or missing subscriber ID: Check the patient's member ID. Correct the request and send it again.",
    );
    expect(describeX12Reject('ZZ', 'Q')).toBe('Payer error ZZ. Follow-up action Q.');
  });
});
