import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../src/modules/audit/audit-chain';
import { APPROVAL_EXPIRY_JOB } from '../src/modules/cases/approval-expiry.job';
import { SYSTEM_USER_ID } from '../src/modules/jobs/system-actor';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { runsOf, sendOnAll, settled } from './helpers/jobs';

// Two instances of the API with their background jobs on, sharing one database and one upload
// folder, as behind a load balancer: a job due at a moment runs on one of them, once.

describe('background jobs on two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let uploadDir: string;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let physician: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;

  const sendOnBoth = (moment: Date) => sendOnAll([a, b], moment);

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-jobs-uploads-'));
    const env = { BACKGROUND_JOBS: 'true', UPLOAD_DIR: uploadDir };
    // Started together, as a rolling deploy or a scale-out would: both create the job schema.
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
    frontDesk = await signIn(a, 'front_desk');
    manager = await signIn(a, 'manager');
    physician = await signIn(a, 'physician');
    admin = await signIn(a, 'admin');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
  });

  it('keeps its tables in their own schema, created at start', async () => {
    const { rows } = await a.db.query(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
    expect(rows[0].present).toBe(true);
  });

  it('runs the start-up sweep of both instances once per due moment', async () => {
    const deadline = Date.now() + 15_000;
    while ((await runsOf(a, 'photo-sweep')).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const runs = await runsOf(a, 'photo-sweep');
    expect(runs.length).toBeGreaterThan(0);
    // Two instances started; each sent the moment it started in, and a moment makes one run.
    expect(new Set(runs.map((r) => r.due_at)).size).toBe(runs.length);
  });

  it('sweeps stale uploads once when both instances reach the same moment', async () => {
    const stale = join(uploadDir, 'pending', '00000000-0000-4000-8000-00000000abcd.jpg');
    mkdirSync(join(uploadDir, 'pending'), { recursive: true });
    writeFileSync(stale, 'left by a crashed upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);

    const moment = new Date(Date.UTC(2030, 0, 1, 9, 15));
    await sendOnBoth(moment);
    const runs = await settled(a, 'photo-sweep', moment.toISOString());
    expect(runs).toEqual([expect.objectContaining({ state: 'completed', retry_count: 0 })]);
    expect(existsSync(stale)).toBe(false);
  });

  it('expires an approval whose validity ended, once, as the system actor, with an event and an audit row', async () => {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const id = created.body.id as string;
    await addEvidence(a, id);
    const move = (version: number, body: Record<string, unknown>) =>
      frontDesk.post(`/api/cases/${id}/transitions`).set('If-Match', String(version)).send(body).expect(201);
    await move(1, { to: 'submitted' });
    await move(2, { to: 'approved', authorizationNumber: 'AUTH-1', validFrom: '2026-01-01', validTo: '2026-03-31' });
    // The approval was recorded long ago; its window has passed unused.
    await a.db.query(`UPDATE cases SET valid_from = '2025-01-01', valid_to = '2025-03-31' WHERE id = $1`, [id]);

    const moment = new Date(Date.UTC(2030, 0, 1, 10));
    await sendOnBoth(moment);
    expect(await settled(a, APPROVAL_EXPIRY_JOB, moment.toISOString())).toEqual([
      expect.objectContaining({ state: 'completed' }),
    ]);

    const row = (await a.db.query(`SELECT status, version, close_reason FROM cases WHERE id = $1`, [id])).rows[0];
    expect(row).toMatchObject({ status: 'expired', version: 4 });
    const events = await a.db.query(
      `SELECT actor_id, from_status, to_status FROM case_events WHERE case_id = $1 AND type = 'transition' AND to_status = 'expired'`,
      [id],
    );
    expect(events.rows).toEqual([{ actor_id: SYSTEM_USER_ID, from_status: 'approved', to_status: 'expired' }]);
    const audit = await a.db.query(
      `SELECT user_id, detail FROM audit_events WHERE case_id = $1 AND action = 'update' AND detail->>'transition' = 'approved->expired'`,
      [id],
    );
    expect(audit.rows).toEqual([{ user_id: SYSTEM_USER_ID, detail: { transition: 'approved->expired' } }]);
    const client = await a.db.connect();
    try {
      expect((await verifyAuditChain(client)).ok).toBe(true);
    } finally {
      client.release();
    }

    // The case page names who acted.
    const detail = (await frontDesk.get(`/api/cases/${id}`).expect(200)).body;
    expect(detail.status).toBe('expired');

    // A later moment finds nothing more to do: the job is idempotent.
    const later = new Date(Date.UTC(2030, 0, 1, 11));
    await sendOnBoth(later);
    await settled(a, APPROVAL_EXPIRY_JOB, later.toISOString());
    expect((await a.db.query(`SELECT version FROM cases WHERE id = $1`, [id])).rows[0].version).toBe(4);
  });

  it('shows admins the recent runs and the failures, which are retried', async () => {
    // A file where the sweeper expects a folder: the sweep fails, and waits to be retried.
    const pending = join(uploadDir, 'pending');
    rmSync(pending, { recursive: true, force: true });
    writeFileSync(pending, 'not a folder');
    const moment = new Date(Date.UTC(2030, 0, 1, 12));
    try {
      await sendOnBoth(moment);
      expect(await settled(a, 'photo-sweep', moment.toISOString())).toEqual([
        expect.objectContaining({ state: 'retry' }),
      ]);
    } finally {
      rmSync(pending, { force: true });
    }

    const res = await admin.get('/api/admin/jobs').expect(200);
    expect(res.body.running).toBe(true);
    expect(res.body.runs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: APPROVAL_EXPIRY_JOB, state: 'completed', dueAt: '2030-01-01T10:00:00.000Z' }),
      ]),
    );
    expect(res.body.failures).toEqual([
      expect.objectContaining({
        name: 'photo-sweep',
        state: 'retry',
        dueAt: moment.toISOString(),
        error: expect.stringMatching(/ENOTDIR/),
      }),
    ]);
    // Each scheduled job with its own latest runs and the next due moment, however busy the others.
    const sweep = res.body.schedules.find((s: { name: string }) => s.name === 'photo-sweep');
    expect(sweep).toEqual({
      name: 'photo-sweep',
      everyMinutes: expect.any(Number),
      nextDueAt: expect.any(String),
      lastRuns: expect.arrayContaining([
        expect.objectContaining({ state: 'retry', error: expect.stringMatching(/ENOTDIR/) }),
      ]),
    });
    expect(Date.parse(sweep.nextDueAt)).toBeGreaterThan(Date.now());
    expect(res.body.schedules.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([APPROVAL_EXPIRY_JOB, 'clock-warnings', 'notification-digest']),
    );
    const expiry = res.body.schedules.find((s: { name: string }) => s.name === APPROVAL_EXPIRY_JOB);
    expect(expiry.lastRuns[0]).toEqual(expect.objectContaining({ state: 'completed' }));
    await manager.get('/api/admin/jobs').expect(403);
  });
});
