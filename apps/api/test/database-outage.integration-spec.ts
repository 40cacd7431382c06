import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createClinic, readyCaseBody } from './helpers/fixtures';
import { startTcpProxy, TcpProxy } from './helpers/tcp-proxy';

// The app reaches its database through a loopback proxy the test can cut, as a DATABASE_URL
// server that restarts or fails over would: connections drop, new ones are refused, then it is back.
describe('a database outage (DATABASE_URL)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let physician: SignedIn;
  let manager: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    const server = new URL(process.env.PREAUTH_TEST_SERVER_URL ?? '');
    proxy = await startTcpProxy(server.hostname, Number(server.port));
    t = await createTestApp({}, { databasePort: proxy.port });
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    const frontDesk = await signIn(t, 'front_desk');
    const clinic = await createClinic(manager, frontDesk);
    caseId = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;
  });

  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  // Reads through the pool's prepared statements, an audited read (the read-audit pool), a write
  // in a transaction, a report, and the signed-out sign-in.
  const calls = () => [
    physician.get('/api/cases'),
    physician.get(`/api/cases/${caseId}`),
    physician.get(`/api/cases/${caseId}/notes`),
    physician.post(`/api/cases/${caseId}/notes`).send({ kind: 'clinical_note', text: 'Lesions unchanged.' }),
    manager.get('/api/reports/summary?from=2026-01-01&to=2026-01-31'),
    t.http().post('/api/auth/login').send({ email: physician.user.email, password: physician.user.password }),
  ];

  it('answers 503 with Retry-After on every route that needs it, writes nothing, then recovers by itself', async () => {
    const notesBefore = await t.countRows('case_notes', 'case_id = $1', [caseId]);
    await proxy.cut();

    const responses = await Promise.all(calls());
    for (const res of responses) {
      expect({ route: `${res.req.method} ${res.req.path}`, status: res.status }).toEqual({
        route: `${res.req.method} ${res.req.path}`,
        status: 503,
      });
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ statusCode: 503, code: 'database_unavailable' });
    }
    const health = await t.http().get('/api/health').expect(503);
    expect(health.body).toEqual({ status: 'error', database: 'down' });
    expect(health.headers['retry-after']).toBe('5');
    expect(await t.countRows('case_notes', 'case_id = $1', [caseId])).toBe(notesBefore);

    // The pools' connections all died: once the server is back the next requests open new ones.
    await proxy.restore();
    await t.http().get('/api/health').expect(200);
    const after = await Promise.all(calls());
    expect(after.map((res) => res.status)).toEqual([200, 200, 200, 201, 200, 200]);
    expect(await t.countRows('case_notes', 'case_id = $1', [caseId])).toBe(notesBefore + 1);
  });

  it('rolls back a transaction whose connection is cut half-way, answering 503, and the pool carries on', async () => {
    const notesBefore = await t.countRows('case_notes', 'case_id = $1', [caseId]);
    const eventsBefore = await t.countRows('case_events', 'case_id = $1', [caseId]);
    // Hold the audit chain's head: the note's transaction inserts its note and event rows, then
    // waits on this lock for its audit row, and is cut there.
    const holder = await t.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM audit_chain_head FOR UPDATE');
      const pending = physician
        .post(`/api/cases/${caseId}/notes`)
        .send({ kind: 'clinical_note', text: 'Half-written note.' })
        .then((res) => res);
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const { rows } = await holder.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'preauth' AND wait_event_type = 'Lock'`,
        );
        pid = rows[0]?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(pid).toBeDefined();
      await holder.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    expect(await t.countRows('case_notes', 'case_id = $1', [caseId])).toBe(notesBefore);
    expect(await t.countRows('case_events', 'case_id = $1', [caseId])).toBe(eventsBefore);

    await physician
      .post(`/api/cases/${caseId}/notes`)
      .send({ kind: 'clinical_note', text: 'Written after the cut.' })
      .expect(201);
    expect(await t.countRows('case_notes', 'case_id = $1', [caseId])).toBe(notesBefore + 1);
  });
});
