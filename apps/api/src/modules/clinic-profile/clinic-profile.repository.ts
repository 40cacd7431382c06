import type { EntityManager } from 'typeorm';
import { ClinicProfile } from './clinic-profile.entity';

export const CLINIC_PROFILE_ID = 1;

export function findClinicProfile(manager: EntityManager, lock = false): Promise<ClinicProfile | null> {
  return manager
    .getRepository(ClinicProfile)
    .findOne({ where: { id: CLINIC_PROFILE_ID }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}

export async function findClinicLogo(manager: EntityManager): Promise<Buffer | null> {
  const rows = await manager.query<{ logo: Buffer | null }[]>(`SELECT logo FROM clinic_profile WHERE id = $1`, [
    CLINIC_PROFILE_ID,
  ]);
  return rows[0]?.logo ?? null;
}

export async function saveClinicLogo(
  manager: EntityManager,
  logo: { png: Buffer; sha256: string; width: number; height: number } | null,
  userId: string,
): Promise<void> {
  await manager.query(
    `UPDATE clinic_profile
        SET logo = $2, logo_sha256 = $3, logo_width = $4, logo_height = $5,
            logo_updated_at = CASE WHEN $2::bytea IS NULL THEN NULL ELSE now() END,
            updated_by = $6, updated_at = now()
      WHERE id = $1`,
    [CLINIC_PROFILE_ID, logo?.png ?? null, logo?.sha256 ?? null, logo?.width ?? null, logo?.height ?? null, userId],
  );
}
