import type { Role } from '@preauth/domain';
import type { ClientBase } from 'pg';
import { hashPassword } from '../../modules/auth/password-hasher';
import { passwordProblems } from '../../modules/auth/password-policy';

// Printed at every start of the demo database; these accounts exist only there.
export const DEMO_PASSWORD = 'preauth-demo-2026';

// The demo physician's account is linked to the provider Dana Whitfield, MD (demo-clinic.ts), and
// signs letters with that provider's name and NPI: the account carries the same name.
export const DEMO_USERS: readonly { email: string; displayName: string; role: Role }[] = [
  { email: 'frontdesk@demo.clinic', displayName: 'Fran Desk', role: 'front_desk' },
  { email: 'physician@demo.clinic', displayName: 'Dr. Dana Whitfield', role: 'physician' },
  { email: 'manager@demo.clinic', displayName: 'Morgan Manager', role: 'manager' },
  { email: 'admin@demo.clinic', displayName: 'Alex Admin', role: 'admin' },
];

export interface DemoUsersResult {
  logins: { email: string; role: Role }[];
  password: string;
  userIds: Record<Role, string>;
}

/**
 * Creates the demo users that do not exist yet (idempotent, so every start can print the logins)
 * and returns all their ids. The demo password passes the same policy as real ones.
 */
export async function seedDemoUsers(client: ClientBase): Promise<DemoUsersResult> {
  const problems = DEMO_USERS.flatMap((user) => passwordProblems(DEMO_PASSWORD, { email: user.email }));
  if (problems.length) throw new Error(`The demo password breaks the password policy: ${problems.join('; ')}`);
  const existing = await client.query<{ email: string; id: string }>(
    `SELECT lower(email) AS email, id FROM users WHERE lower(email) = ANY($1)`,
    [DEMO_USERS.map((user) => user.email)],
  );
  const ids = new Map(existing.rows.map((row) => [row.email, row.id]));
  const missing = DEMO_USERS.filter((user) => !ids.has(user.email));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of missing) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [user.email, user.displayName, [user.role], passwordHash],
      );
      ids.set(user.email, rows[0].id);
    }
  }
  const userIds = Object.fromEntries(DEMO_USERS.map((user) => [user.role, ids.get(user.email) as string])) as Record<
    Role,
    string
  >;
  return { logins: DEMO_USERS.map(({ email, role }) => ({ email, role })), password: DEMO_PASSWORD, userIds };
}
