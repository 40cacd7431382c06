import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestApp, TestApp } from './helpers/create-test-app';

const ROOT = resolve(__dirname, '../../..');

function userCreate(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/user-create.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', PREAUTH_PASSWORD: undefined, ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

describe('npm run user:create', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates the first admin, who can then sign in', async () => {
    const res = await userCreate(['--email', 'Boss@Clinic.example', '--role', 'admin', '--name', 'The Boss'], {
      DATABASE_URL: t.database.url,
      PREAUTH_PASSWORD: 'first-admin-passphrase',
    });
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/^Created admin Boss@Clinic.example \(/);
    expect(res.code).toBe(0);
    const { rows } = await t.db.query(
      `SELECT id, display_name, roles, password_hash FROM users WHERE email = 'Boss@Clinic.example'`,
    );
    expect(rows[0]).toMatchObject({
      display_name: 'The Boss',
      roles: ['admin'],
      password_hash: expect.stringMatching(/^\$argon2id\$/),
    });
    const audit = await t.db.query(`SELECT action, user_id, detail FROM audit_events WHERE object_id = $1`, [
      rows[0].id,
    ]);
    expect(audit.rows).toEqual([{ action: 'create', user_id: null, detail: { roles: ['admin'], via: 'cli' } }]);

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'boss@clinic.example', password: 'first-admin-passphrase' })
      .expect(200);
    expect(login.body.roles).toEqual(['admin']);
  }, 60_000);

  it('never falls back to a default password', async () => {
    const res = await userCreate(['--email', 'nopass@clinic.example', '--role', 'admin'], {
      DATABASE_URL: t.database.url,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/set PREAUTH_PASSWORD/);
    const { rowCount } = await t.db.query(`SELECT 1 FROM users WHERE email = 'nopass@clinic.example'`);
    expect(rowCount).toBe(0);
  }, 60_000);

  it('applies the password policy and refuses an existing email', async () => {
    const weak = await userCreate(['--email', 'weak@clinic.example', '--role', 'manager'], {
      DATABASE_URL: t.database.url,
      PREAUTH_PASSWORD: 'password1234',
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/too common/);
    const dup = await userCreate(['--email', 'boss@clinic.example', '--role', 'manager'], {
      DATABASE_URL: t.database.url,
      PREAUTH_PASSWORD: 'another-long-passphrase',
    });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/already exists/);
  }, 60_000);

  it('resets a password and ends the sessions', async () => {
    // Even after a one-time password from the dashboard, the password typed here is final.
    await t.db.query(`UPDATE users SET must_change_password = true WHERE lower(email) = 'boss@clinic.example'`);
    const agent = t.http();
    await agent
      .post('/api/auth/login')
      .send({ email: 'boss@clinic.example', password: 'first-admin-passphrase' })
      .expect(200);
    const res = await userCreate(['--email', 'boss@clinic.example', '--reset-password'], {
      DATABASE_URL: t.database.url,
      PREAUTH_PASSWORD: 'second-admin-passphrase',
    });
    expect(res.code).toBe(0);
    const sessions = await t.db.query(
      `SELECT 1 FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'Boss@Clinic.example'`,
    );
    expect(sessions.rowCount).toBe(0);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'boss@clinic.example', password: 'second-admin-passphrase' })
      .expect(200)
      .expect((login) => expect(login.body.mustChangePassword).toBe(false));
  }, 60_000);
});
