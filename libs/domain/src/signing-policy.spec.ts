import { signingPolicyRefusal } from './signing-policy';

const ordering = { name: 'Samuel Okafor, MD', npi: '1234567893' };

describe('signingPolicyRefusal', () => {
  it('lets any physician sign while the policy is off', () => {
    expect(signingPolicyRefusal({ onlyOrderingPhysicianSigns: false, signerNpi: '1245319599', ordering })).toBeNull();
  });

  it('lets the ordering physician sign while it is on', () => {
    expect(signingPolicyRefusal({ onlyOrderingPhysicianSigns: true, signerNpi: ordering.npi, ordering })).toBeNull();
  });

  it('refuses a colleague while it is on, naming the rule and the ordering physician', () => {
    expect(signingPolicyRefusal({ onlyOrderingPhysicianSigns: true, signerNpi: '1245319599', ordering })).toBe(
      'The clinic\'s policy "only the ordering physician signs" is on: only Samuel Okafor, MD (NPI 1234567893), the ordering physician of this case, may sign its letters.',
    );
  });
});
