import { MEDICAL_NECESSITY_CRITERION_KEYS, type PayerRuleContent, type PayerRuleKey } from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import { insertRuleVersion } from '../../modules/payer-rules/payer-rules.query';

// The demo payers are fictional; their rules borrow the criteria of the public benign skin lesion
// policies that docs/payer-rules.md cites (DOMAIN.md: Aetna CPB 0633, Anthem ANC.00007): removal
// is covered when at least one criterion is documented, with dated photos, body site and lesion
// count, symptom duration and the failed less costly treatments. Whether these fictional payers
// require prior authorization is demo data. No policy URL, version or check date is given, since
// none was read for the demo: the dashboard shows them as "not yet checked".
const DESTRUCTION: Omit<PayerRuleContent, 'policyName' | 'notes'> = {
  priorAuth: 'required',
  criteria: [...MEDICAL_NECESSITY_CRITERION_KEYS],
  minSymptomWeeks: null,
  minFailedTreatments: null,
  photosRequired: true,
  documents: ['lesion_site_and_count', 'symptom_duration', 'treatment_history'],
  policyUrl: null,
  policyVersion: null,
  policyCheckedOn: null,
  portalUrl: 'https://portal.example.org',
  fax: null,
  phone: '(800) 555-0100',
  electronicEndpoint: null,
  appealAddress: null,
};

const UNKNOWN: PayerRuleContent = {
  ...DESTRUCTION,
  priorAuth: 'unknown',
  criteria: [],
  photosRequired: false,
  documents: [],
  policyName: null,
  notes: null,
};

const DEMO_NOTE = 'Demo data: a fictional payer using the criteria of the policy named.';

/** Rules by payer ID (the demo clinic's payer_code) and CPT code. */
const RULES: (Omit<PayerRuleKey, 'payerId'> & { payerCode: string; content: PayerRuleContent })[] = [
  ...['17110', '17111'].flatMap((cptCode) => [
    {
      payerCode: 'HCP200',
      planType: null,
      cptCode,
      content: { ...DESTRUCTION, policyName: 'Aetna CPB 0633 (Benign Skin Lesion Removal)', notes: DEMO_NOTE },
    },
    {
      payerCode: 'AEH100',
      planType: null,
      cptCode,
      content: { ...DESTRUCTION, policyName: 'Anthem ANC.00007', notes: DEMO_NOTE },
    },
  ]),
  {
    payerCode: 'WTF900',
    planType: null,
    cptCode: '10040',
    content: { ...UNKNOWN, priorAuth: 'not_required', notes: 'Demo data: a fictional payer.' },
  },
  { payerCode: 'NPMA1', planType: null, cptCode: '17110', content: UNKNOWN },
];

/** Version 1 of each demo rule, written by no user (the seed), through the API's own insert. */
export async function seedDemoPayerRules(manager: EntityManager): Promise<void> {
  for (const { payerCode, planType, cptCode, content } of RULES) {
    const [payer] = await manager.query<{ id: string }[]>(`SELECT id FROM payers WHERE payer_code = $1`, [payerCode]);
    await insertRuleVersion(manager, { payerId: payer.id, planType, cptCode }, 1, content, null);
  }
}
