import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_USER_ID } from '../src/modules/jobs/system-actor';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import type { ClinicFixture } from './helpers/fixtures';
import { clinicWithPayerDouble, sendPendedCase } from './helpers/pas-payer';
import { answering, inquiryAnswering, PayerDouble } from '../../../tools/pas/payer-double';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR bodies are walked by deep paths

// The Da Vinci PAS rest-hook subscription against the payer double: Preauth subscribes after a
// pended answer, and the payer's notification (its full response Bundle) decides the case. Polls
// are ten hours apart here, so only a notification (or what it brings forward) asks the payer.

describe('PAS rest-hook subscription and its notification endpoint', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;
  let payer: PayerDouble;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-pas-subscription-'));
    t = await createTestApp({ BACKGROUND_JOBS: 'true', UPLOAD_DIR: uploadDir, PAS_INQUIRY_BACKOFF_MINUTES: '600' });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    ({ clinic, payer } = await clinicWithPayerDouble(t, { manager, frontDesk, physician }));
  }, 90_000);

  afterAll(async () => {
    await payer?.close();
    await t?.close();
    if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  const pendedCase = () => sendPendedCase({ clinic, payer }, { frontDesk, physician });

  const deliver = (n: { path: string; authorization: string; body: Json }) =>
    t
      .http()
      .post(n.path)
      .set('Authorization', n.authorization)
      .set('Content-Type', 'application/fhir+json')
      .send(n.body);
  const pollOf = async (id: string) =>
    (await t.db.query(`SELECT status, stopped_reason FROM pas_inquiries WHERE case_id = $1`, [id])).rows[0];

  it('a payer that offers no subscriptions is remembered as such; polling still runs', async () => {
    const { id } = await pendedCase();
    expect(payer.subscriptions).toHaveLength(0);
    const row = (await t.db.query(`SELECT status FROM pas_subscriptions WHERE payer_id = $1`, [clinic.payerId]))
      .rows[0];
    expect(row.status).toBe('unsupported');
    expect(await pollOf(id)).toMatchObject({ status: 'polling' });
    // Asked again later: this test forgets the answer so the next ones subscribe.
    await t.db.query(`DELETE FROM pas_subscriptions WHERE payer_id = $1`, [clinic.payerId]);
  });

  it("subscribes once per payer after a pended answer, as the guide's PASSubscription", async () => {
    payer.offersSubscriptions = true;
    await pendedCase();
    await pendedCase();
    expect(payer.subscriptions).toHaveLength(1);
    const [sub] = payer.subscriptions;
    expect(sub).toMatchObject({
      resourceType: 'Subscription',
      meta: { profile: ['http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-subscription'] },
      status: 'active',
      criteria: 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
      channel: { type: 'rest-hook', payload: 'application/fhir+json' },
    });
    expect(sub._criteria.extension[0]).toEqual({
      url: 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria',
      valueString: `orgIdentifier=${payer.clientId}`,
    });
    expect(sub.channel._payload.extension[0].valueCode).toBe('full-resource');
    expect(sub.channel.endpoint).toMatch(/\/api\/pas\/subscriptions\/[0-9a-f-]{36}\/notification$/);
    const token = (sub.channel.header[0] as string).replace('Authorization: Bearer ', '');
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = (await t.db.query(`SELECT * FROM pas_subscriptions WHERE payer_id = $1`, [clinic.payerId])).rows[0];
    expect(stored).toMatchObject({ status: 'active', remote_id: 'sub-1' });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('pended, then approved by the full response a notification carries, as the system actor', async () => {
    const { id, sent } = await pendedCase();
    const inquiriesBefore = payer.inquiries.length;
    const res = await deliver(
      payer.notification(payer.subscriptions[0], [answering('ReferralAuthorizationResponseBundleExample')(sent)]),
    ).expect(200);
    expect(res.body).toEqual({ type: 'event-notification', recorded: 1, inquiriesBroughtForward: 0 });
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body).toMatchObject({
      status: 'approved',
      authorizationNumber: 'AUTH0001',
    });
    const approved = await t.db.query(
      `SELECT actor_id FROM case_events WHERE case_id = $1 AND type = 'transition' AND to_status = 'approved'`,
      [id],
    );
    expect(approved.rows).toEqual([{ actor_id: SYSTEM_USER_ID }]);
    expect(await pollOf(id)).toMatchObject({ status: 'stopped', stopped_reason: 'answered' });
    expect(payer.inquiries.length).toBe(inquiriesBefore);
    // The same notification again finds nothing waiting: it records nothing twice.
    const again = await deliver(
      payer.notification(payer.subscriptions[0], [answering('ReferralAuthorizationResponseBundleExample')(sent)]),
    ).expect(200);
    expect(again.body.recorded).toBe(0);
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('approved');
  });

  it('refuses a notification without the right bearer token, or not shaped as the guide says', async () => {
    const { id, sent } = await pendedCase();
    const good = payer.notification(payer.subscriptions[0], [
      answering('ReferralAuthorizationResponseBundleExample')(sent),
    ]);
    await deliver({ ...good, authorization: 'Bearer not-the-token' }).expect(401);
    await t.http().post(good.path).send(good.body).expect(401);
    await deliver({ ...good, path: good.path.replace(/[0-9a-f-]{36}/, '00000000-0000-4000-8000-000000000000') }).expect(
      401,
    );
    const collection = await deliver({ ...good, body: { ...good.body, type: 'collection' } }).expect(400);
    expect(collection.body.message).toContain('type must be "history"');
    const other = structuredClone(good.body);
    other.entry[0].resource.parameter[0].valueReference.reference = 'Subscription/someone-else';
    expect((await deliver({ ...good, body: other }).expect(400)).body.message).toContain('parameter(subscription)');
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('submitted');
    // A handshake is acknowledged and changes nothing.
    expect((await deliver(payer.notification(payer.subscriptions[0], [], 'handshake')).expect(200)).body).toEqual({
      type: 'handshake',
      recorded: 0,
      inquiriesBroughtForward: 0,
    });
    await t.db.query(`UPDATE pas_inquiries SET status = 'stopped', next_due_at = NULL WHERE case_id = $1`, [id]);
  });

  it('a notification that does not carry the response makes Preauth ask the payer at once', async () => {
    const { id } = await pendedCase();
    // Only this case of the payer is still waiting.
    await t.db.query(`UPDATE pas_inquiries SET status = 'stopped', next_due_at = NULL WHERE case_id <> $1`, [id]);
    payer.inquireReplies.push({
      kind: 'answer',
      body: inquiryAnswering('PASClaimInquiryOperationResponseExample', () => payer.received),
    });
    const res = await deliver(payer.notification(payer.subscriptions[0], [])).expect(200);
    expect(res.body).toEqual({ type: 'event-notification', recorded: 0, inquiriesBroughtForward: 1 });
    const deadline = Date.now() + 20_000;
    while ((await pollOf(id)).status === 'polling' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await pollOf(id)).toMatchObject({ status: 'stopped', stopped_reason: 'answered' });
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('approved');
  });
});
