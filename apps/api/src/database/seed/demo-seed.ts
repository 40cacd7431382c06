import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../data-source';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoClinicProfile } from './demo-clinic-profile';
import { seedDemoPayerRules } from './demo-payer-rules';
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
  // A TypeORM connection, so that cases move through the API's own transition code; the plain
  // inserts share its transaction through the same pg client.
  const dataSource = await new DataSource(buildDataSourceOptions(url, 1)).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    try {
      // Serialize concurrent starts on the same database.
      await client.query('SELECT pg_advisory_xact_lock(7426001)');
      const demoUsers = await seedDemoUsers(client);
      const { rowCount } = await client.query(`SELECT 1 FROM app_meta WHERE key = 'demo_seeded'`);
      if (!rowCount) {
        const frontDesk = demoUsers.userIds.front_desk;
        const physician = demoUsers.userIds.physician;
        await seedDemoClinicProfile(client, demoUsers.userIds.admin);
        await seedDemoClinic(client, runner.manager, {
          now,
          timeZone,
          actorIds: { frontDesk, physician },
          actor: { user: { id: frontDesk, roles: ['front_desk'] }, ip: null, userAgent: null },
          physicianUserId: physician,
          uploadDir: options.uploadDir ?? null,
        });
        // After the cases: their history stays what it was before the clinic wrote payer rules.
        await seedDemoPayerRules(runner.manager);
        await client.query(`INSERT INTO app_meta (key, value) VALUES ('demo_seeded', to_jsonb(now()))`);
      }
      await runner.commitTransaction();
      return { seeded: !rowCount, logins: demoUsers.logins, password: demoUsers.password };
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
