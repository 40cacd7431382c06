import { migrations } from '@preauth/migrations';
import { runMigrations } from '../src/database/data-source';
import { verifyAuditChain } from '../src/modules/audit/audit-chain';
import { generateTotpCode } from '../src/modules/auth/totp';
import { createUser, sameSessionOn, signIn, signInAs, SignedIn, TEST_PASSWORD } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createTestDatabase } from './helpers/create-test-database';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

// Two instances of the API on one database, as behind a load balancer: two Nest apps, each with
// its own Fastify server, connection pools and session cache. Whatever one instance changes, the
// other must honour, at once or (sessions) within SESSION_CACHE_SECONDS.
const SESSION_CACHE_SECONDS = 1;
// What a change may take to reach the other instance: its cache time, plus room for a slow machine.
const REACH_MS = SESSION_CACHE_SECONDS * 1000 + 1500;

type Probe = () => PromiseLike<{ status: number }>;

/** Asks until the answer has `status`, for at most `withinMs`; returns the last status seen. */
async function statusWithin(probe: Probe, status: number, withinMs = REACH_MS): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const seen = (await probe()).status;
    if (seen === status || Date.now() >= deadline) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let adminOnA: SignedIn;

  beforeAll(async () => {
    const env = { SESSION_CACHE_SECONDS: String(SESSION_CACHE_SECONDS) };
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
    adminOnA = await signIn(a, 'admin');
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  describe('sessions', () => {
    it('a session opened on A works on B, and signing out on A ends it on B too', async () => {
      const onA = await signIn(a, 'admin');
      const onB = sameSessionOn(b, onA);
      await onB.get('/api/auth/me').expect(200);
      // An unsafe request too: B knows the session's CSRF token.
      await onB.put('/api/auth/policy').send({ totpRequiredRoles: [] }).expect(200);

      await onA.post('/api/auth/logout').expect(204);
      await onA.get('/api/auth/me').expect(401);
      expect(await statusWithin(() => onB.get('/api/auth/me'), 401)).toBe(401);
      await onB.put('/api/auth/policy').send({ totpRequiredRoles: [] }).expect(401);
    });

    it.each([
      ['disables the user', { disabled: true }],
      ['sets a new password', { password: 'a-brand-new-password-77' }],
    ])('B refuses the session once an admin on A %s', async (_, change) => {
      const onA = await signIn(a, 'front_desk');
      const onB = sameSessionOn(b, onA);
      await onB.get('/api/cases').expect(200);

      await adminOnA.patch(`/api/users/${onA.user.id}`).send(change).expect(200);
      await onA.get('/api/cases').expect(401);
      expect(await statusWithin(() => onB.get('/api/cases'), 401)).toBe(401);
    });

    it('B applies a role an admin on A took away', async () => {
      const onA = await signIn(a, ['admin', 'manager']);
      const onB = sameSessionOn(b, onA);
      await onB.get('/api/users').expect(200);

      await adminOnA
        .patch(`/api/users/${onA.user.id}`)
        .send({ roles: ['manager'] })
        .expect(200);
      expect(await statusWithin(() => onB.get('/api/users'), 403)).toBe(403);
    });
  });

  describe('sign-in', () => {
    it('counts failed sign-ins on both together: after five, spread over A and B, either throttles', async () => {
      const user = await createUser(a, 'front_desk');
      for (let i = 0; i < 5; i++) {
        await [a, b][i % 2]
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: `wrong-password-${i}` })
          .expect(401);
      }
      for (const instance of [a, b]) {
        const res = await instance
          .http()
          .post('/api/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD })
          .expect(429);
        expect(res.body.code).toBe('login_throttled');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('accepts a one-time code once, even when it is sent to A and B at the same moment', async () => {
      const user = await createUser(a, 'physician');
      const session = await signInAs(a, user);
      const { secret } = (await session.post('/api/auth/totp/setup').expect(200)).body as { secret: string };
      // One instant for both codes: two calls could straddle a 30 s step.
      const now = Date.now();
      await session
        .post('/api/auth/totp/enable')
        .send({ code: generateTotpCode(secret, now) })
        .expect(200);
      const next = generateTotpCode(secret, now + 30_000);
      const attempts = await Promise.all(
        [a, b].map((instance) =>
          instance.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD, totp: next }),
        ),
      );
      expect(attempts.map((res) => res.status).sort()).toEqual([200, 401]);
    });
  });

  describe('cases', () => {
    let frontDeskOnA: SignedIn;
    let managerOnB: SignedIn;
    let physicianOnA: SignedIn;
    let clinic: ClinicFixture;

    beforeAll(async () => {
      frontDeskOnA = await signIn(a, 'front_desk');
      physicianOnA = await signIn(a, 'physician');
      managerOnB = await signIn(b, 'manager');
      clinic = await createClinic(managerOnB, sameSessionOn(b, frontDeskOnA));
    });

    async function createReadyCase(): Promise<string> {
      const res = await physicianOnA.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
      await addEvidence(a, res.body.id);
      return res.body.id as string;
    }

    it('refuses on A a version that B has moved past (409), and A then reads the new one', async () => {
      const id = await createReadyCase();
      await frontDeskOnA.get(`/api/cases/${id}`).expect('ETag', '"1"');
      await managerOnB.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }).expect(201);

      await frontDeskOnA.patch(`/api/cases/${id}`).set('If-Match', '1').send({ payerReference: 'REF-1' }).expect(409);
      const fresh = await frontDeskOnA.get(`/api/cases/${id}`).expect(200);
      expect(fresh.body).toMatchObject({ status: 'submitted', version: 2 });
      await frontDeskOnA.patch(`/api/cases/${id}`).set('If-Match', '2').send({ payerReference: 'REF-1' }).expect(200);
    });

    it('lets exactly one of two transitions on the same version win, one sent to A and one to B', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await createReadyCase();
        const attempts = await Promise.all([
          frontDeskOnA.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }),
          managerOnB
            .post(`/api/cases/${id}/transitions`)
            .set('If-Match', '1')
            .send({ to: 'withdrawn', reason: 'Self-pay' }),
        ]);
        expect(attempts.map((res) => res.status).sort()).toEqual([201, 409]);
        expect(await a.countRows('case_events', `case_id = $1 AND type = 'transition'`, [id])).toBe(1);
      }
    });
  });

  it('keeps one unbroken audit chain while both write and read at once', async () => {
    const frontDesk = await signIn(a, 'front_desk');
    const onA = await signIn(a, 'manager');
    const onB = sameSessionOn(b, onA);
    const { patientId } = await createClinic(onA, frontDesk);
    const before = await a.countRows('audit_events');
    const work = [onA, onB].flatMap((session, instance) =>
      Array.from({ length: 10 }, (_, i) => [
        session.post('/api/payers').send({
          name: `Chain Payer ${instance}-${i}`,
          payerCode: `C${instance}${i}`,
          planType: 'medicare_advantage',
        }),
        // Reading a patient is audited too, on the read traces' own pool.
        session.get(`/api/patients/${patientId}`),
      ]).flat(),
    );
    const statuses = (await Promise.all(work)).map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(await a.countRows('audit_events')).toBeGreaterThanOrEqual(before + 40);

    const client = await a.db.connect();
    try {
      expect(await verifyAuditChain(client)).toMatchObject({ ok: true, checked: await a.countRows('audit_events') });
    } finally {
      client.release();
    }
  });

  it('two instances starting together on a new database both come up: the migrations run once', async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      // Both settled before the database is dropped, whichever fails.
      const runs = await Promise.allSettled([runMigrations(database.url), runMigrations(database.url)]);
      const applied = runs.map((run) => (run.status === 'fulfilled' ? run.value.length : String(run.reason)));
      expect(applied).toEqual(expect.arrayContaining([0, migrations.length]));
    } finally {
      await database.drop();
    }
  });
});
