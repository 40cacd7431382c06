import { DEMO_PASSWORD, seedDemoUsers } from '../src/database/seed/demo-users';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('demo users', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates one user per role once, each able to sign in with the printed password', async () => {
    const client = await t.db.connect();
    try {
      const first = await seedDemoUsers(client);
      const second = await seedDemoUsers(client);
      expect(second.userIds).toEqual(first.userIds);
      expect(first.password).toBe(DEMO_PASSWORD);
      expect(first.logins).toEqual([
        { email: 'frontdesk@demo.clinic', role: 'front_desk' },
        { email: 'physician@demo.clinic', role: 'physician' },
        { email: 'manager@demo.clinic', role: 'manager' },
        { email: 'admin@demo.clinic', role: 'admin' },
      ]);
      for (const { email, role } of first.logins) {
        const res = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
        expect(res.body).toMatchObject({ id: first.userIds[role], roles: [role] });
      }
      const { rows } = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.clinic'`,
      );
      expect(rows[0].n).toBe(4);
    } finally {
      client.release();
    }
  });
});
