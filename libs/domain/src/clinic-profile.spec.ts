import {
  clinicAddressLines,
  clinicProfileProblems,
  isValidPhoneNumber,
  type ClinicProfileFields,
} from './clinic-profile';

const profile: ClinicProfileFields = {
  practiceName: 'Casco Bay Dermatology',
  addressLine1: '120 Exchange Street',
  addressLine2: null,
  city: 'Portland',
  state: 'ME',
  postalCode: '04101',
  phone: '(207) 555-0140',
  fax: '1-207-555-0141',
  groupNpi: '1417293382',
  taxId: '01-2345678',
};

describe('clinic profile rules', () => {
  it('accepts a complete profile and prints the address as a letter does', () => {
    expect(clinicProfileProblems(profile)).toEqual([]);
    expect(clinicAddressLines({ ...profile, addressLine2: 'Suite 300' })).toEqual([
      '120 Exchange Street',
      'Suite 300',
      'Portland, ME 04101',
    ]);
  });

  it.each([
    ['(207) 555-0140', true],
    ['+1 207 555 0140', true],
    ['555-0140', false],
    ['207-555-0140 ext 4', false],
  ])('phone %s valid: %s', (value, ok) => expect(isValidPhoneNumber(value)).toBe(ok));

  it('names every bad field with the reason the form shows', () => {
    expect(
      clinicProfileProblems({ ...profile, practiceName: ' ', groupNpi: '1417293388', taxId: '012345678', state: 'Me' }),
    ).toEqual([
      { field: 'practiceName', reason: 'is required' },
      { field: 'state', reason: 'must be a two-letter state code such as ME' },
      { field: 'groupNpi', reason: 'must be a 10-digit NPI with a valid check digit' },
      { field: 'taxId', reason: 'must be an employer identification number written 12-3456789' },
    ]);
  });
});
