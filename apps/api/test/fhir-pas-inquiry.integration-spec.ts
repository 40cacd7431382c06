import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../src/modules/audit/audit-chain';
import { PAS_INQUIRE_JOB, PasInquiryJob } from '../src/modules/fhir/pas-inquiry.job';
import { SYSTEM_USER_ID } from '../src/modules/jobs/system-actor';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import type { ClinicFixture } from './helpers/fixtures';
import { clinicWithPayerDouble, sendPendedCase } from './helpers/pas-payer';
import { inquiryAnswering, PayerDouble } from '../../../tools/pas/payer-double';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR bodies are walked by deep paths

// A pended Claim/$submit answer is followed by Claim/$inquire polls run by the background jobs of
// two API instances sharing one database, against the payer test double. The schedule is
// shortened to about a second per step so the tests run in real time.

const DECIDED_WITHIN_MS = 30_000;

describe('polling a payer by Claim/$inquire after a pended answer', () => {
  let a: TestApp;
  let b: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;
  let payer: PayerDouble;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-pas-inquiry-'));
    const env = {
      BACKGROUND_JOBS: 'true',
      UPLOAD_DIR: uploadDir,
      PAS_INQUIRY_BACKOFF_MINUTES: '0.02',
      PAS_INQUIRY_RETRY_MINUTES: '0.02',
    };
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
    frontDesk = await signIn(a, 'front_desk');
    physician = await signIn(a, 'physician');
    manager = await signIn(a, 'manager');
    ({ clinic, payer } = await clinicWithPayerDouble(a, { manager, frontDesk, physician }));
  }, 90_000);

  afterAll(async () => {
    await payer?.close();
    await b?.close();
    await a?.close();
    if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  const inquiryAnswer = (name: string) => ({
    kind: 'answer' as const,
    body: inquiryAnswering(name, () => payer.received),
  });

  const pendedCase = () => sendPendedCase({ clinic, payer }, { frontDesk, physician });

  async function pollState(id: string): Promise<Json> {
    return (
      await a.db.query(`SELECT status, stopped_reason, attempt, failures FROM pas_inquiries WHERE case_id = $1`, [id])
    ).rows[0];
  }

  async function waitForStop(id: string): Promise<Json> {
    const deadline = Date.now() + DECIDED_WITHIN_MS;
    for (;;) {
      const state = await pollState(id);
      if (state?.status === 'stopped' || Date.now() > deadline) return state;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const inquiriesAbout = (caseNumber: string) =>
    payer.inquiries.filter((bundle) => bundle.entry[0].resource.identifier[0].value === caseNumber);
  const exchanges = async (id: string) =>
    (
      await a.db.query(`SELECT direction, kind, actor_id, summary FROM fhir_exchanges WHERE case_id = $1 ORDER BY id`, [
        id,
      ])
    ).rows;
  const transitions = async (id: string) =>
    (
      await a.db.query(
        `SELECT to_status, actor_id FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id`,
        [id],
      )
    ).rows;

  it('pended, pended again, then approved: recorded by the system actor through the state machine', async () => {
    payer.inquireReplies.push(
      inquiryAnswer('ReferralPendingAuthorizationResponseBundleExample'),
      inquiryAnswer('PASClaimInquiryOperationResponseExample'),
    );
    const { id, caseNumber } = await pendedCase();
    expect(await waitForStop(id)).toMatchObject({ status: 'stopped', stopped_reason: 'answered', attempt: 1 });

    const detail = (await frontDesk.get(`/api/cases/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'approved', authorizationNumber: 'AUTH0001' });
    expect(await transitions(id)).toEqual([
      { to_status: 'submitted', actor_id: frontDesk.user.id },
      { to_status: 'approved', actor_id: SYSTEM_USER_ID },
    ]);
    // The inquiry is the guide's: a PASClaimInquiry naming the request, in an inquiry Bundle,
    // without the documents sent with the request.
    const [first] = inquiriesAbout(caseNumber);
    expect(first.meta.profile).toEqual([
      'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-inquiry-request-bundle',
    ]);
    expect(first.entry[0].resource).toMatchObject({
      resourceType: 'Claim',
      use: 'preauthorization',
      meta: { profile: ['http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim-inquiry'] },
    });
    expect(first.entry[0].resource.supportingInfo).toBeUndefined();
    expect(first.entry.map((e: Json) => e.resource.resourceType)).not.toContain('DocumentReference');
    expect(inquiriesAbout(caseNumber)).toHaveLength(2);

    expect((await exchanges(id)).map((e) => `${e.direction}:${e.kind}`)).toEqual([
      'outbound:submit',
      'inbound:pended',
      'outbound:inquire',
      'inbound:pended',
      'outbound:inquire',
      'inbound:decision',
    ]);
    const listed = (await frontDesk.get(`/api/cases/${id}/fhir/exchanges`).expect(200)).body.exchanges;
    expect(listed.at(-1)).toMatchObject({ kind: 'decision', outcome: 'approved', authorizationNumber: 'AUTH0001' });
    expect(listed.at(-2)).toMatchObject({ kind: 'inquire', httpStatus: 200 });

    // Each inquiry is audited as leaving the clinic, by the system actor; the chain holds.
    const audit = await a.db.query(
      `SELECT user_id, outcome FROM audit_events WHERE case_id = $1 AND object_type = 'fhir_inquiry' AND action = 'export'`,
      [id],
    );
    expect(audit.rows).toEqual([
      { user_id: SYSTEM_USER_ID, outcome: 'success' },
      { user_id: SYSTEM_USER_ID, outcome: 'success' },
    ]);
    const client = await a.db.connect();
    try {
      expect((await verifyAuditChain(client)).ok).toBe(true);
    } finally {
      client.release();
    }
    // The owner hears of the answer as of any payer answer.
    const kinds = (await physician.get('/api/notifications').expect(200)).body.items
      .filter((n: Json) => n.caseId === id)
      .map((n: Json) => n.kind);
    expect(kinds).toEqual(['payer_answer']);
  });

  it('a payer outage is retried; after three failures the owner is told once, without PHI; then denied', async () => {
    payer.inquireReplies.push(
      { kind: 'status', status: 503 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 504 },
      inquiryAnswer('RejectionResponseBundleExample'),
    );
    const { id } = await pendedCase();
    expect(await waitForStop(id)).toMatchObject({ status: 'stopped', stopped_reason: 'answered' });
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('denied');
    const kept = await exchanges(id);
    expect(kept.filter((e) => e.kind === 'failed').map((e) => e.summary.httpStatus)).toEqual([503, 502, 503, 504]);

    const items = (await physician.get('/api/notifications').expect(200)).body.items.filter(
      (n: Json) => n.caseId === id,
    );
    expect(items.map((n: Json) => n.kind).sort()).toEqual(['payer_answer', 'payer_unreachable']);
    const notice = items.find((n: Json) => n.kind === 'payer_unreachable');
    expect(notice.text).toMatch(/cannot be reached/);
    // The case number only: no patient name, no payer answer.
    const patient = (
      await a.db.query(`SELECT p.last_name FROM cases c JOIN patients p ON p.id = c.patient_id WHERE c.id = $1`, [id])
    ).rows[0].last_name as string;
    expect(JSON.stringify(notice)).not.toContain(patient);
  });

  it('stops asking once the case leaves submitted (withdrawn by hand)', async () => {
    const { id, caseNumber } = await pendedCase();
    const version = (await frontDesk.get(`/api/cases/${id}`).expect(200)).body.version as number;
    await manager
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', String(version))
      .send({ to: 'withdrawn', note: 'Patient declined the procedure.' })
      .expect(201);
    expect(await waitForStop(id)).toMatchObject({ status: 'stopped', stopped_reason: 'case_moved_on' });
    expect(inquiriesAbout(caseNumber)).toHaveLength(0);
  });

  it('two instances sending and running the same due moment make one inquiry of it', async () => {
    payer.inquireReplies.push(
      inquiryAnswer('ReferralPendingAuthorizationResponseBundleExample'),
      inquiryAnswer('PASClaimInquiryOperationResponseExample'),
    );
    const { id, caseNumber } = await pendedCase();
    const due = (await a.db.query(`SELECT next_due_at FROM pas_inquiries WHERE case_id = $1`, [id])).rows[0]
      .next_due_at as Date;
    // Both instances' sweeps, and both running the moment itself, at once, beside the scheduled run.
    const soon = new Date(Date.now() + 60_000);
    await Promise.all(
      [a, b].flatMap((t) => [t.app.get(PasInquiryJob).sweep(soon), t.app.get(PasInquiryJob).inquire(id, due)]),
    );
    expect(await waitForStop(id)).toMatchObject({ status: 'stopped', stopped_reason: 'answered' });
    expect(inquiriesAbout(caseNumber)).toHaveLength(2);
    expect((await exchanges(id)).filter((e) => e.kind === 'inquire')).toHaveLength(2);
    expect((await exchanges(id)).filter((e) => e.kind === 'failed')).toHaveLength(0);
    // One job per due moment in the queue, whichever instance sent it.
    const runs = await a.db.query<{ key: string }>(
      `SELECT data->>'dueAt' AS key FROM (SELECT name, data FROM pgboss.job UNION ALL SELECT name, data FROM pgboss.archive) r
        WHERE name = $1 AND data->'data'->>'caseId' = $2`,
      [PAS_INQUIRE_JOB, id],
    );
    expect(new Set(runs.rows.map((r) => r.key)).size).toBe(runs.rows.length);
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('approved');
  });
});
