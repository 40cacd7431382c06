import { Client } from 'pg';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoUsers } from './demo-users';

export interface DemoSeedResult {
  seeded: boolean;
  logins: { email: string; role: string }[];
  password?: string;
}

/**
 * Loads the demo clinic once per database. Only ever called for the embedded database (or with
 * DEMO_DATA=true), never on a real clinic's database by default.
 */
export async function seedDemoData(
  url: string,
  timeZone: string,
  options: { uploadDir?: string | null; now?: Date } = {},
): Promise<DemoSeedResult> {
  const now = options.now ?? new Date();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Serialize concurrent starts on the same database.
    await client.query('SELECT pg_advisory_xact_lock(7426001)');
    const demoUsers = await seedDemoUsers(client);
    const { rowCount } = await client.query(`SELECT 1 FROM app_meta WHERE key = 'demo_seeded'`);
    if (!rowCount) {
      const userIds = async (email: string) =>
        (await client.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = $1`, [email])).rows[0]?.id ??
        null;
      const physician = await userIds('physician@demo.clinic');
      await seedDemoClinic(client, {
        now,
        timeZone,
        actorIds: { frontDesk: await userIds('frontdesk@demo.clinic'), physician },
        physicianUserId: physician,
        uploadDir: options.uploadDir ?? null,
      });
      await client.query(`INSERT INTO app_meta (key, value) VALUES ('demo_seeded', to_jsonb(now()))`);
    }
    await client.query('COMMIT');
    return { seeded: !rowCount, logins: demoUsers.logins, password: demoUsers.password };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
