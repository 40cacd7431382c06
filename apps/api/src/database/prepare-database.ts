import { Client } from 'pg';
import { redactDatabaseUrl } from '../config/config';

export class DatabaseUnavailableError extends Error {}

function describeConnectError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { code?: string };
  switch (err.code ?? '') {
    case 'ECONNREFUSED':
      return 'connection refused (is PostgreSQL running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case '28P01':
    case '28000':
      return 'authentication failed (check the user and password)';
    case '3D000':
      return 'the database does not exist';
    default:
      return err.message ?? String(error);
  }
}

/** Open and close one connection, turning any failure into one readable sentence. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) {
      throw new DatabaseUnavailableError(
        `PostgreSQL 15 or newer is required; ${redactDatabaseUrl(url)} runs ${version}`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(
      `Cannot connect to the database at ${redactDatabaseUrl(url)}: ${describeConnectError(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Create the database on a server we own (the embedded one) when it does not exist yet. */
export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
