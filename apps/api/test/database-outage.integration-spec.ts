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
  const calls = () =>
    Promise.all(
      Object.entries({
        list: physician.get('/api/cases'),
        casePage: physician.get(`/api/cases/${caseId}`),
        notes: physician.get(`/api/cases/${caseId}/notes`),
        newNote: physician.post(`/api/cases/${caseId}/notes`).send({ kind: 'clinical_note', text: 'Unchanged.' }),
        report: manager.get('/api/reports/summary?from=2026-01-01&to=2026-01-31'),
        signIn: t
          .http()
          .post('/api/auth/login')
          .send({ email: physician.user.email, password: physician.user.password }),
      }).map(async ([name, call]) => ({ name, res: await call })),
    );

  it('answers 503 with Retry-After on every route that needs it, writes nothing, then recovers by itself', async () => {
    const notesBefore = await t.countRows('case_notes', 'case_id = $1', [caseId]);
    await proxy.cut();

    for (const { name, res } of await calls()) {
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
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
    const after = await calls();
    expect(after.map(({ name, res }) => `${name} ${res.status}`)).toEqual([
      'list 200',
      'casePage 200',
      'notes 200',
      'newNote 201',
      'report 200',
      'signIn 200',
    ]);
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
        // Inside a transaction pg_stat_activity is read once and kept, unless told to look again.
        await holder.query('SELECT pg_stat_clear_snapshot()');
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
