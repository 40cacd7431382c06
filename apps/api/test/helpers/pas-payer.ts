import { answering, startPayerDouble, type PayerDouble } from '../../../../tools/pas/payer-double';
import type { SignedIn } from './auth';
import type { TestApp } from './create-test-app';
import { makeSendable } from './evidence';
import { createClinic, linkProvider, readyCaseBody, type ClinicFixture } from './fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR bodies are walked by deep paths

export interface PasClinic {
  clinic: ClinicFixture;
  payer: PayerDouble;
}

/** A clinic whose payer's PAS endpoint is the payer double (started here), set by the manager. */
export async function clinicWithPayerDouble(
  t: TestApp,
  people: { manager: SignedIn; frontDesk: SignedIn; physician: SignedIn },
): Promise<PasClinic> {
  const clinic = await createClinic(people.manager, people.frontDesk);
  await linkProvider(t, people.physician.user.id, clinic.providerId);
  const payer = await startPayerDouble();
  const { baseUrl, tokenUrl, clientId, keyId, privateKeyPem } = payer;
  await people.manager
    .put(`/api/payers/${clinic.payerId}/pas-endpoint`)
    .send({ baseUrl, tokenUrl, clientId, keyId, privateKeyPem })
    .expect(200);
  return { clinic, payer };
}

/** A ready case the front desk sends and the double pends (the guide's A4): submitted, polled. */
export async function sendPendedCase(
  { clinic, payer }: PasClinic,
  people: { frontDesk: SignedIn; physician: SignedIn },
): Promise<{ id: string; caseNumber: string; sent: Json }> {
  const created = await people.physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
  const id = created.body.id as string;
  const version = await makeSendable(people.physician, id);
  payer.replies.push({ kind: 'answer', body: answering('ReferralPendingAuthorizationResponseBundleExample') });
  const res = await people.frontDesk.post(`/api/cases/${id}/fhir/submit`).set('If-Match', String(version)).send({});
  if (res.status !== 200 || res.body.status !== 'submitted')
    throw new Error(`Sending the case answered ${res.status} ${JSON.stringify(res.body)}`);
  return { id, caseNumber: created.body.caseNumber as string, sent: payer.received.at(-1)! };
}
