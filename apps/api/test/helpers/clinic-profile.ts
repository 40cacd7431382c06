/** A valid clinic profile body (the group NPI has a valid check digit). */
export const TEST_CLINIC_PROFILE = {
  practiceName: 'Casco Bay Dermatology',
  addressLine1: '120 Exchange Street',
  addressLine2: 'Suite 300',
  city: 'Portland',
  state: 'ME',
  postalCode: '04101',
  phone: '(207) 555-0140',
  fax: '(207) 555-0141',
  groupNpi: '1417293382',
  taxId: '01-2345678',
};
