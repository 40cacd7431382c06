// A clinic may let any physician sign a colleague's letters (the letter then names both), or
// forbid it: some payers and auditors accept a letter only from the physician who ordered the care.

/** The rule's name, as the API's 422 and the audit trail give it. */
export const ONLY_ORDERING_PHYSICIAN_SIGNS = 'only_ordering_physician_signs';

export interface SigningPolicyFacts {
  /** The clinic's setting (Settings › Security). */
  onlyOrderingPhysicianSigns: boolean;
  signerNpi: string;
  ordering: { name: string; npi: string };
}

/** Why this physician may not sign this case's letters under the clinic's policy, or null when they may. */
export function signingPolicyRefusal(f: SigningPolicyFacts): string | null {
  if (!f.onlyOrderingPhysicianSigns || f.signerNpi === f.ordering.npi) return null;
  return (
    `The clinic's policy "only the ordering physician signs" is on: only ${f.ordering.name} ` +
    `(NPI ${f.ordering.npi}), the ordering physician of this case, may sign its letters.`
  );
}
