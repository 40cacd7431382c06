import { isRole, ROLES, type Role } from '@preauth/domain';
import type { ClientBase } from 'pg';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';

export const USER_CREATE_USAGE = `Usage: npm run user:create -- --email <email> --role <role> [--role <role> …] [--name "Display Name"] [--reset-password]
  (compiled: node dist/api/scripts/user-create.js --email … --role admin)

Roles: ${ROLES.join(', ')} (repeat --role or separate with commas).
The password comes from PREAUTH_PASSWORD, or is asked for when run in a terminal; there is no default.
--reset-password sets a new password for an existing user (and ends their sessions) instead.
Uses DATABASE_URL, or the embedded database in DATA_DIR (default .data) like npm start.`;

export interface UserCreateArgs {
  email: string;
  roles: Role[];
  displayName: string;
  resetPassword: boolean;
}

export class UsageError extends Error {}

export function parseUserCreateArgs(argv: string[]): UserCreateArgs {
  let email: string | undefined;
  let name: string | undefined;
  let resetPassword = false;
  const roles: Role[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=')
      ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
      : [argv[i], undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--email':
        email = value().trim();
        break;
      case '--role':
      case '--roles':
        for (const role of value()
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)) {
          if (!isRole(role)) throw new UsageError(`unknown role "${role}" (roles: ${ROLES.join(', ')})`);
          if (!roles.includes(role)) roles.push(role);
        }
        break;
      case '--name':
        name = value().trim();
        break;
      case '--reset-password':
        resetPassword = true;
        break;
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
    throw new UsageError('--email with a valid address is required');
  if (!resetPassword && roles.length === 0) throw new UsageError('at least one --role is required');
  if (name !== undefined && (name.length === 0 || name.length > 200))
    throw new UsageError('--name must be 1 to 200 characters');
  return { email, roles, displayName: name ?? email.split('@')[0], resetPassword };
}

/** Creates the user (or resets their password), with its audit row, in one transaction. */
export async function createUserFromCli(
  client: ClientBase,
  args: UserCreateArgs,
  password: string,
): Promise<{ id: string; created: boolean }> {
  const problems = passwordProblems(password, { email: args.email });
  if (problems.length) throw new UsageError(`the password ${problems.join('; ')}`);
  const passwordHash = await hashPassword(password);
  await client.query('BEGIN');
  try {
    const existing = await client.query<{ id: string }>(
      `SELECT id FROM users WHERE lower(email) = lower($1) FOR UPDATE`,
      [args.email],
    );
    let result: { id: string; created: boolean };
    if (args.resetPassword) {
      const id = existing.rows[0]?.id;
      if (!id) throw new UsageError(`there is no user ${args.email}`);
      // The operator typed this password for the account's owner (often themselves, locked
      // out): it is not a one-time password from the dashboard.
      await client.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`,
        [id, passwordHash],
      );
      await client.query(`DELETE FROM user_sessions WHERE user_id = $1`, [id]);
      await recordCliAudit(client, 'update', id, { changes: ['password'], via: 'cli' });
      result = { id, created: false };
    } else {
      if (existing.rows.length)
        throw new UsageError(`a user ${args.email} already exists (use --reset-password to set a new password)`);
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO users (email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [args.email, args.displayName, args.roles, passwordHash],
      );
      const id = inserted.rows[0].id;
      await recordCliAudit(client, 'create', id, { roles: args.roles, via: 'cli' });
      result = { id, created: true };
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function recordCliAudit(
  client: ClientBase,
  action: 'create' | 'update',
  userId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await client.query(
    `INSERT INTO audit_events (action, object_type, object_id, detail, prev_hash, hash) VALUES ($1, 'user', $2, $3, '', '')`,
    [action, userId, JSON.stringify(detail)],
  );
}
