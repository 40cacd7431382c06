import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { generateRecoveryCodes, normalizeRecoveryCode } from './one-time-secrets';
import { hashPassword, verifyPassword } from './password-hasher';

/** One-time codes that stand in for an authenticator code at sign-in; stored hashed like passwords. */
@Injectable()
export class RecoveryCodesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** New codes in plain text (to show once) and their hashes (to store with `replace`). */
  async generate(): Promise<{ codes: string[]; hashes: string[] }> {
    const codes = generateRecoveryCodes();
    const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
    return { codes, hashes };
  }

  /** Any earlier codes of the user stop working. */
  async replace(userId: string, hashes: string[], manager: EntityManager): Promise<void> {
    await this.removeAll(userId, manager);
    for (const hash of hashes) {
      await manager.query(`INSERT INTO user_recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [userId, hash]);
    }
  }

  async removeAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
  }

  /** True once per code: the matching unused code is marked used in the same statement that checks it. */
  async consume(userId: string, input: string): Promise<boolean> {
    const code = normalizeRecoveryCode(input);
    if (!code) return false;
    const rows: { id: string; code_hash: string }[] = await this.dataSource.query(
      `SELECT id, code_hash FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    for (const row of rows) {
      if (!(await verifyPassword(row.code_hash, code))) continue;
      const used: unknown[] = await this.dataSource.query(
        `WITH u AS (UPDATE user_recovery_codes SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id)
         SELECT id FROM u`,
        [row.id],
      );
      return used.length > 0;
    }
    return false;
  }

  async remaining(userId: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return rows[0]?.count ?? 0;
  }
}
