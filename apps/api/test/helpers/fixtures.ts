import { computeNpiCheckDigit, type PlanType } from '@preauth/domain';
import { randomBytes } from 'node:crypto';
import type { SignedIn } from './auth';
import type { TestApp } from './create-test-app';

export interface ClinicFixture {
  payerId: string;
  providerId: string;
  patientId: string;
}

const unique = () => randomBytes(3).toString('hex').toUpperCase();

/** A payer, a physician and a patient, created over HTTP by the roles allowed to. */
export async function createClinic(
  manager: SignedIn,
  frontDesk: SignedIn,
  planType: PlanType = 'commercial_erisa',
): Promise<ClinicFixture> {
  const payer = await manager
    .post('/api/payers')
    .send({ name: `Test Payer ${unique()}`, payerCode: `P${unique()}`, planType })
    .expect(201);
  const provider = await manager
    .post('/api/providers')
    .send({ firstName: 'Dana', lastName: 'Whitfield', credentials: 'MD', npi: randomNpi() })
    .expect(201);
  const patient = await frontDesk
    .post('/api/patients')
    .send({
      mrn: `MRN-${unique()}`,
      firstName: 'Evelyn',
      lastName: 'Thibodeau',
      dateOfBirth: '1968-09-14',
      sex: 'female',
      memberId: 'W123',
    })
    .expect(201);
  return { payerId: payer.body.id, providerId: provider.body.id, patientId: patient.body.id };
}

/** A random NPI with a valid check digit. */
export function randomNpi(): string {
  const first9 = `1${Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('')}`;
  return `${first9}${computeNpiCheckDigit(first9)}`;
}

export { readyCaseBody } from '../../../../tools/fixtures/ready-case-body';

/** Links a user account to a provider record, as a manager does for a physician who signs letters. */
export async function linkProvider(t: TestApp, userId: string, providerId: string): Promise<void> {
  await t.db.query(`UPDATE providers SET user_id = $1 WHERE id = $2`, [userId, providerId]);
}
