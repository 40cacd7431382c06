import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTotpCode } from '../src/modules/auth/totp';
import { readKeyFile, writeKeyFile } from '../src/modules/secrets/encryption-keys';
import { reencryptInDatabase, rotateKeyFile } from '../src/modules/secrets/rotate-keys';
import { keyIdOf, SecretBox, toEncryptionKey } from '../src/modules/secrets/secret-box';
import { TEST_PASSWORD, createUser, signInAs, TestUser } from './helpers/auth';
import { createTestApp, TEST_ENCRYPTION_KEY, TestApp } from './helpers/create-test-app';

const TEST_KEY_ID = keyIdOf(Buffer.from(TEST_ENCRYPTION_KEY, 'base64'));

describe('secrets encrypted at rest', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function storedSecret(app: TestApp, userId: string): Promise<string> {
    const { rows } = await app.db.query<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = $1', [
      userId,
    ]);
    return rows[0].totp_secret;
  }

  /**
   * A user with two-factor sign-in on, enrolled over HTTP with the code of the current step.
   * A code from the step before would be refused whenever the server's clock had crossed into the
   * next step meanwhile (one step of drift either way).
   */
  async function enrol(app: TestApp): Promise<{ user: TestUser; secret: string; enabledAt: number }> {
    const user = await createUser(app, 'physician');
    const session = await signInAs(app, user);
    const secret = (await session.post('/api/auth/totp/setup').expect(200)).body.secret as string;
    const enabledAt = Date.now();
    await session
      .post('/api/auth/totp/enable')
      .send({ code: generateTotpCode(secret, enabledAt) })
      .expect(200);
    return { user, secret, enabledAt };
  }

  /** Signs in with the code of the step `at` falls in (the enrolment's step is spent). */
  function signInWithCode(app: TestApp, user: TestUser, secret: string, at: number) {
    return app
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD, totp: generateTotpCode(secret, at) });
  }

  it('stores the TOTP secret encrypted under the configured key, and sign-in with a code still works', async () => {
    const { user, secret, enabledAt } = await enrol(t);
    const stored = await storedSecret(t, user.id);
    expect(stored).toMatch(new RegExp(`^v1:${TEST_KEY_ID}:[\\w-]+:[\\w-]+:[\\w-]+$`));
    expect(stored).not.toContain(secret);
    await signInWithCode(t, user, secret, enabledAt + 30_000).expect(200);
  });

  it('encrypts clear-text secrets from before encryption when the app starts', async () => {
    const user = await createUser(t, 'manager');
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.db.query(`UPDATE users SET totp_secret = $2, totp_enabled = true WHERE id = $1`, [user.id, secret]);

    const restarted = await createTestApp({}, { database: t.database });
    try {
      const stored = await storedSecret(restarted, user.id);
      expect(stored.startsWith(`v1:${TEST_KEY_ID}:`)).toBe(true);
      expect(stored).not.toContain(secret);
      await signInWithCode(restarted, user, secret, Date.now()).expect(200);
    } finally {
      await restarted.close();
    }
  });

  it('refuses to start with a key that does not open the stored secrets, naming the key ids', async () => {
    await enrol(t);
    const wrongKey = randomBytes(32);
    await expect(
      createTestApp({ APP_ENCRYPTION_KEY: wrongKey.toString('base64') }, { database: t.database }),
    ).rejects.toThrow(
      new RegExp(
        `cannot be decrypted with the configured encryption key ${keyIdOf(wrongKey)} \\(\\d+ under key ${TEST_KEY_ID}\\)`,
      ),
    );
  });

  it('refuses to start with DATABASE_URL and no APP_ENCRYPTION_KEY', async () => {
    await expect(createTestApp({ APP_ENCRYPTION_KEY: '' }, { database: t.database })).rejects.toThrow(
      /APP_ENCRYPTION_KEY must be set with DATABASE_URL/,
    );
  });

  it('rotates to a new key: every secret moves, sign-in works with the new key alone, the old key alone is refused', async () => {
    const { user, secret, enabledAt } = await enrol(t);
    const newKey = randomBytes(32);
    const box = new SecretBox(toEncryptionKey(newKey), [toEncryptionKey(Buffer.from(TEST_ENCRYPTION_KEY, 'base64'))]);
    const report = await reencryptInDatabase(t.database.url, box);
    expect(report.reencrypted).toBe(report.checked);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE $1`,
      [`v1:${keyIdOf(newKey)}:%`],
    );
    expect(rows[0].n).toBe(0);

    const rotated = await createTestApp({ APP_ENCRYPTION_KEY: newKey.toString('base64') }, { database: t.database });
    try {
      await signInWithCode(rotated, user, secret, enabledAt + 30_000).expect(200);
    } finally {
      await rotated.close();
    }
    await expect(createTestApp({}, { database: t.database })).rejects.toThrow(/cannot be decrypted/);
    // Back to the suite's key for the other tests.
    await reencryptInDatabase(
      t.database.url,
      new SecretBox(toEncryptionKey(Buffer.from(TEST_ENCRYPTION_KEY, 'base64')), [toEncryptionKey(newKey)]),
    );
  });

  it("rotates the embedded setup's key file: a new current key, the old one retired, the file private", async () => {
    const { user } = await enrol(t);
    const dir = mkdtempSync(join(tmpdir(), 'preauth-keys-'));
    try {
      const keyFile = join(dir, 'encryption-keys.json');
      const testKey = toEncryptionKey(Buffer.from(TEST_ENCRYPTION_KEY, 'base64'));
      writeKeyFile(keyFile, testKey);
      const { keyId, retired } = await rotateKeyFile(keyFile, (box) => reencryptInDatabase(t.database.url, box));
      expect(retired).toEqual([TEST_KEY_ID]);
      const after = readKeyFile(keyFile);
      expect(after.current.id).toBe(keyId);
      expect(after.previous).toEqual([]);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect((await storedSecret(t, user.id)).startsWith(`v1:${keyId}:`)).toBe(true);
      await reencryptInDatabase(t.database.url, new SecretBox(testKey, [after.current]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
