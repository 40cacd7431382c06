import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/modules/audit/audit.service';
import { verifyAuditChain } from '../src/modules/audit/audit-chain';
import { createUser, signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createClinic, readyCaseBody } from './helpers/fixtures';

const ROOT = resolve(__dirname, '../../..');

/** Runs a script of scripts/ the way `npm run` does, against the given database. */
function runScript(script: string, databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', `scripts/${script}`],
      {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function verify(t: TestApp) {
  const client = await t.db.connect();
  try {
    return await verifyAuditChain(client);
  } finally {
    client.release();
  }
}

async function addEvents(t: TestApp, count: number): Promise<void> {
  const audit = t.app.get(AuditService);
  for (let i = 0; i < count; i++) {
    await audit.record(
      { action: 'read', objectType: 'case', objectId: `case-${i}`, detail: { i, note: 'ünïcode ✓' } },
      { ip: '10.0.0.1', userAgent: 'jest' },
    );
  }
}

/** Edits audit_events the way someone with superuser rights could: with the append-only trigger off. */
async function tamper(t: TestApp, sql: string, params: unknown[] = []): Promise<void> {
  const client = await t.db.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query(sql, params);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('the audit trail', () => {
  let t: TestApp;
  let manager: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await signIn(t, 'manager');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('AuditService.record', () => {
    it('writes in the caller’s transaction: rolled back with it, committed with it', async () => {
      const audit = t.app.get(AuditService);
      const dataSource = t.app.get(DataSource);
      const patientId = '11111111-1111-4111-8111-111111111111';
      await expect(
        dataSource.transaction(async (em) => {
          await audit.record(
            { action: 'update', objectType: 'patient', objectId: patientId, patientId },
            { user: null },
            em,
          );
          throw new Error('the write failed');
        }),
      ).rejects.toThrow('the write failed');
      expect((await t.db.query('SELECT 1 FROM audit_events WHERE patient_id = $1', [patientId])).rowCount).toBe(0);

      await dataSource.transaction(async (em) => {
        await audit.record(
          { action: 'update', objectType: 'patient', objectId: patientId, patientId, detail: { fields: ['phone'] } },
          { user: { ...manager.user, sessionId: 'x' }, ip: '::ffff:127.0.0.1', userAgent: 'jest' },
          em,
        );
      });
      const { rows } = await t.db.query(
        `SELECT user_id, action, object_type, object_id, patient_id, case_id, host(ip) AS ip, user_agent, outcome, detail,
                length(hash) AS hash_length, occurred_at
           FROM audit_events WHERE patient_id = $1`,
        [patientId],
      );
      expect(rows).toEqual([
        {
          user_id: manager.user.id,
          action: 'update',
          object_type: 'patient',
          object_id: patientId,
          patient_id: patientId,
          case_id: null,
          ip: '::ffff:127.0.0.1',
          user_agent: 'jest',
          outcome: 'success',
          detail: { fields: ['phone'] },
          hash_length: 64,
          occurred_at: expect.any(Date),
        },
      ]);
    });

    it('drops an IP that is not an address instead of failing the request', async () => {
      await t.app
        .get(AuditService)
        .record({ action: 'read', objectType: 'case', objectId: 'bad-ip' }, { ip: 'not-an-ip, 1.2.3.4' });
      const { rows } = await t.db.query(`SELECT ip FROM audit_events WHERE object_id = 'bad-ip'`);
      expect(rows).toEqual([{ ip: null }]);
    });

    it('keeps one unbroken chain under concurrent writers', async () => {
      const audit = t.app.get(AuditService);
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          audit.record({ action: 'read', objectType: 'note', objectId: `n${i}` }, { user: null }),
        ),
      );
      const report = await verify(t);
      expect(report).toEqual({
        ok: true,
        checked: expect.any(Number),
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const { rows } = await t.db.query<{ n: string; max: string }>(
        'SELECT count(*) AS n, max(id) AS max FROM audit_events',
      );
      expect(rows[0].n).toBe(rows[0].max);
    });

    it('writes reads that arrive together in one go, each its own row, and one bad row fails alone', async () => {
      const audit = t.app.get(AuditService);
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          audit.record(
            {
              action: 'read',
              objectType: 'photo',
              objectId: i === 5 ? 'x'.repeat(150) : `grouped-${i}`,
              detail: { i },
            },
            { user: null, ip: `10.0.0.${i}` },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(
        Array.from({ length: 12 }, (_, i) => (i === 5 ? 'rejected' : 'fulfilled')),
      );
      const { rows } = await t.db.query(
        `SELECT object_id, host(ip) AS ip, detail FROM audit_events WHERE object_id LIKE 'grouped-%' ORDER BY id`,
      );
      expect(rows).toEqual(
        Array.from({ length: 12 }, (_, i) => i)
          .filter((i) => i !== 5)
          .map((i) => ({ object_id: `grouped-${i}`, ip: `10.0.0.${i}`, detail: { i } })),
      );
      expect((await verify(t)).ok).toBe(true);
    });
  });

  describe('append-only in the database', () => {
    it.each([
      ['UPDATE', `UPDATE audit_events SET outcome = 'failure'`],
      ['DELETE', `DELETE FROM audit_events`],
      ['TRUNCATE', `TRUNCATE audit_events`],
      ['moving the chain head', `UPDATE audit_chain_head SET last_id = 1`],
      ['deleting the chain head', `DELETE FROM audit_chain_head`],
    ])('refuses %s', async (_what, sql) => {
      await addEvents(t, 1);
      await expect(t.db.query(sql)).rejects.toThrow(/append-only|only changes with an insert/);
    });

    it('sets id, time and hashes itself, whatever the insert says', async () => {
      await t.db.query(
        `INSERT INTO audit_events (id, occurred_at, action, object_type, prev_hash, hash) VALUES (999999, '2000-01-01', 'read', 'case', 'x', 'y')`,
      );
      const { rows } = await t.db.query(
        `SELECT id, occurred_at, prev_hash, hash FROM audit_events ORDER BY id DESC LIMIT 2`,
      );
      expect(rows[0].id).toBe(String(Number(rows[1].id) + 1));
      expect(rows[0].occurred_at.getFullYear()).toBeGreaterThan(2020);
      expect(rows[0].prev_hash).toBe(rows[1].hash);
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('tamper detection (audit:verify)', () => {
    let other: TestApp;

    beforeEach(async () => {
      other = await createTestApp();
      await addEvents(other, 6);
    });

    afterEach(async () => {
      await other.close();
    });

    it('reports an intact chain', async () => {
      const { rows } = await other.db.query(`SELECT hash FROM audit_events WHERE id = 6`);
      expect(await verify(other)).toEqual({ ok: true, checked: 6, lastHash: rows[0].hash });
    });

    it('finds an edited row', async () => {
      await tamper(other, `UPDATE audit_events SET detail = '{"i": 99}' WHERE id = 3`);
      expect(await verify(other)).toMatchObject({ ok: false, brokenId: '3', checked: 2 });
    });

    it('finds an edited row whose hash was recomputed, at the next row', async () => {
      await tamper(other, `UPDATE audit_events SET user_agent = 'forged', hash = repeat('a', 64) WHERE id = 4`);
      expect(await verify(other)).toMatchObject({ ok: false, brokenId: '4' });
    });

    it('finds a deleted row, in the middle or at the end', async () => {
      await tamper(other, `DELETE FROM audit_events WHERE id = 2`);
      expect(await verify(other)).toMatchObject({ ok: false, brokenId: '3', reason: expect.stringMatching(/missing/) });
    });

    it('finds rows deleted at the end of the chain', async () => {
      await tamper(other, `DELETE FROM audit_events WHERE id = 6`);
      expect(await verify(other)).toMatchObject({ ok: false, brokenId: '6' });
    });

    it('npm run audit:verify prints OK, or the first broken row and exits 1', async () => {
      const ok = await runScript('audit-verify.ts', other.database.url);
      expect(ok.stdout).toMatch(/^OK: the audit trail's 6 events are intact/);
      expect(ok.code).toBe(0);
      await tamper(other, `UPDATE audit_events SET object_id = 'case-x' WHERE id = 5`);
      const bad = await runScript('audit-verify.ts', other.database.url);
      expect(bad.stdout).toMatch(/^TAMPERED: audit event 5:/);
      expect(bad.code).toBe(1);
    }, 60_000);

    it('POST /api/audit/verify runs the same check for managers and admins, and is traced itself', async () => {
      const admin = await signIn(other, 'admin');
      const frontDesk = await signIn(other, 'front_desk');
      await frontDesk.post('/api/audit/verify').expect(403);
      const { rows } = await other.db.query(`SELECT max(id)::text AS id FROM audit_events`);
      const intact = await admin.post('/api/audit/verify').expect(200);
      const last = await other.db.query(`SELECT hash FROM audit_events WHERE id = $1`, [rows[0].id]);
      expect(intact.body).toMatchObject({
        ok: true,
        checked: Number(rows[0].id),
        lastHash: last.rows[0].hash,
        brokenId: null,
        message: expect.stringMatching(
          /^OK: the audit trail's \d+ events are intact; the last hash is [0-9a-f]{64}\.$/,
        ),
      });
      const traced = await other.db.query(
        `SELECT user_id, outcome, detail FROM audit_events WHERE object_type = 'audit_chain'`,
      );
      expect(traced.rows).toEqual([
        {
          user_id: admin.user.id,
          outcome: 'success',
          detail: { ok: true, checked: intact.body.checked, brokenId: null },
        },
      ]);

      await tamper(other, `UPDATE audit_events SET object_id = 'case-x' WHERE id = 5`);
      const broken = await admin.post('/api/audit/verify').expect(200);
      expect(broken.body).toMatchObject({ ok: false, brokenId: '5', lastHash: null });
      expect(broken.body.message).toMatch(/^TAMPERED: audit event 5:/);
    });
  });

  describe('GET /api/audit', () => {
    it('is for managers and admins only', async () => {
      for (const role of ['front_desk', 'physician'] as const) {
        const user = await signIn(t, role);
        await user.get('/api/audit').expect(403);
      }
      const admin = await signIn(t, 'admin');
      await admin.get('/api/audit').expect(200);
      await t.http().get('/api/audit').expect(401);
    });

    it('shows sign-ins, failures, refusals and user changes, with who did them', async () => {
      const admin = await signIn(t, 'admin');
      const fd = await signIn(t, 'front_desk');
      await t.http().post('/api/auth/login').send({ email: fd.user.email, password: 'wrong-wrong-wrong' }).expect(401);
      await fd.get('/api/users').expect(403);
      await admin.patch(`/api/users/${fd.user.id}`).send({ displayName: 'Renamed' }).expect(200);
      await fd.post('/api/auth/logout').expect(204);

      const mine = await manager.get(`/api/audit?userId=${fd.user.id}`).expect(200);
      expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(['logout', 'forbidden', 'login']);
      expect(mine.body.items[0]).toMatchObject({
        userId: fd.user.id,
        userEmail: fd.user.email,
        objectType: 'session',
        outcome: 'success',
      });
      const byAdmin = await manager.get(`/api/audit?userId=${admin.user.id}`).expect(200);
      expect(byAdmin.body.items[0]).toMatchObject({ action: 'update', objectType: 'user', objectId: fd.user.id });
      const all = await manager.get('/api/audit?limit=200').expect(200);
      expect(all.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'failed_login', objectId: fd.user.id, userId: null, outcome: 'failure' }),
        ]),
      );
    });

    it('filters by patient, case and date range', async () => {
      const audit = t.app.get(AuditService);
      const patientId = '22222222-2222-4222-8222-222222222222';
      const caseId = '33333333-3333-4333-8333-333333333333';
      await audit.record({ action: 'read', objectType: 'case', objectId: caseId, patientId, caseId }, { user: null });
      await audit.record({ action: 'read', objectType: 'patient', objectId: patientId, patientId }, { user: null });

      const byPatient = await manager.get(`/api/audit?patientId=${patientId}`).expect(200);
      expect(byPatient.body.items.map((e: { objectType: string }) => e.objectType)).toEqual(['patient', 'case']);
      const byCase = await manager.get(`/api/audit?caseId=${caseId}`).expect(200);
      expect(byCase.body.items).toHaveLength(1);

      const future = new Date(Date.now() + 3_600_000).toISOString();
      const none = await manager
        .get(`/api/audit?patientId=${patientId}&from=${encodeURIComponent(future)}`)
        .expect(200);
      expect(none.body.items).toEqual([]);
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const some = await manager
        .get(`/api/audit?caseId=${caseId}&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)
        .expect(200);
      expect(some.body.items.map((e: { objectType: string }) => e.objectType)).toEqual(['audit_log', 'case']);
      await manager.get('/api/audit?from=yesterday').expect(400);
      await manager.get('/api/audit?patientId=12').expect(400);

      // Reading the trail leaves a trace too.
      const reads = await t.db.query(
        `SELECT detail FROM audit_events WHERE object_type = 'audit_log' AND patient_id = $1`,
        [patientId],
      );
      expect(reads.rowCount).toBeGreaterThan(0);
    });

    it('filters by action and by case number, and lists the people to filter by', async () => {
      const frontDesk = await signIn(t, 'front_desk');
      const physician = await signIn(t, 'physician');
      const clinic = await createClinic(manager, frontDesk);
      const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
      const byNumber = await manager.get(`/api/audit?caseNumber=${created.body.caseNumber}&action=create`).expect(200);
      expect(byNumber.body.items).toEqual([
        expect.objectContaining({
          action: 'create',
          objectType: 'case',
          caseId: created.body.id,
          userId: physician.user.id,
        }),
      ]);
      const logins = await manager.get(`/api/audit?action=login&userId=${physician.user.id}`).expect(200);
      expect(logins.body.items.map((e: { action: string }) => e.action)).toEqual(['login']);
      const unknown = await manager.get('/api/audit?action=destroy').expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'action', reason: expect.any(String) }]);
      await manager.get('/api/audit?caseNumber=PA%20000').expect(400);

      const users = await manager.get('/api/audit/users').expect(200);
      expect(users.body).toEqual(
        expect.arrayContaining([
          { id: physician.user.id, displayName: physician.user.displayName, email: physician.user.email },
        ]),
      );
      await frontDesk.get('/api/audit/users').expect(403);
    });

    it('pages with a keyset cursor, newest first, without gaps or repeats', async () => {
      const user = await createUser(t, 'physician');
      const audit = t.app.get(AuditService);
      for (let i = 0; i < 7; i++)
        await audit.record(
          { action: 'read', objectType: 'note', objectId: `page-${i}` },
          { user: { ...user, sessionId: 's' } },
        );
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { objectId: string }[]; nextCursor: string | null } } = await manager
          .get(`/api/audit?userId=${user.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        seen.push(...res.body.items.map((e) => e.objectId));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['page-6', 'page-5', 'page-4', 'page-3', 'page-2', 'page-1', 'page-0']);
      await manager.get('/api/audit?limit=0').expect(400);
      await manager.get('/api/audit?limit=500').expect(400);
      await manager.get('/api/audit?cursor=abc').expect(400);
    });
  });
});
