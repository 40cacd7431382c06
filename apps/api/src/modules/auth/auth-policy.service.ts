import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole, type Role } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';

const TOTP_REQUIRED_ROLES_KEY = 'totp_required_roles';
const ONLY_ORDERING_PHYSICIAN_SIGNS_KEY = 'only_ordering_physician_signs';

/** Sign-in and signing rules an admin sets for the whole clinic, kept in app_meta. */
@Injectable()
export class AuthPolicyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async totpRequiredRoles(manager?: EntityManager): Promise<Role[]> {
    const rows: { value: unknown }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT value FROM app_meta WHERE key = $1`,
      [TOTP_REQUIRED_ROLES_KEY],
    );
    const value = rows[0]?.value;
    return Array.isArray(value) ? value.filter(isRole) : [];
  }

  async setTotpRequiredRoles(roles: Role[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO app_meta (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [TOTP_REQUIRED_ROLES_KEY, JSON.stringify([...new Set(roles)])],
    );
  }

  /** Whether only a case's ordering physician may sign its letters (off until an admin turns it on). */
  async onlyOrderingPhysicianSigns(manager?: EntityManager): Promise<boolean> {
    const rows: { value: unknown }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT value FROM app_meta WHERE key = $1`,
      [ONLY_ORDERING_PHYSICIAN_SIGNS_KEY],
    );
    return rows[0]?.value === true;
  }

  async setOnlyOrderingPhysicianSigns(on: boolean, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO app_meta (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [ONLY_ORDERING_PHYSICIAN_SIGNS_KEY, JSON.stringify(on)],
    );
  }
}
