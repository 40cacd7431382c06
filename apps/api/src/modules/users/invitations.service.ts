import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/app-errors';
import type { AnyRequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password-hasher';
import type { InvitationDto } from './dto/invitation.dto';
import { assertPasswordAcceptable } from './password-acceptable';

/** How long an invitation link works: a long weekend, then the admin sends a new one. */
export const INVITATION_VALID_HOURS = 72;

// One answer for a token that never existed, was used, expired, or whose user was disabled:
// the page cannot tell a guesser which.
const NOT_VALID =
  'This invitation link is not valid: it was used already, it expired, or the account was disabled. Ask an administrator for a new one.';

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The dashboard's page that reads the token from the fragment (never sent to the server in a URL). */
export const invitationPath = (token: string) => `/invitation#${token}`;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A new single-use link for the user, replacing any earlier one; the token is returned this once. */
  async issue(manager: EntityManager, userId: string, now = new Date()): Promise<{ path: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + INVITATION_VALID_HOURS * 3_600_000);
    await manager.query(`DELETE FROM user_invitations WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await manager.query(`INSERT INTO user_invitations (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      userId,
      sha256(token),
      expiresAt,
    ]);
    return { path: invitationPath(token), expiresAt };
  }

  /** Who the link is for, for the page to greet them; 404 for any link that cannot be used. */
  async lookup(token: string): Promise<InvitationDto> {
    const [row] = await this.dataSource.query<{ email: string; display_name: string; expires_at: Date }[]>(
      `SELECT u.email, u.display_name, i.expires_at
         FROM user_invitations i JOIN users u ON u.id = i.user_id
        WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.disabled_at IS NULL`,
      [sha256(token)],
    );
    if (!row) throw new NotFoundError(NOT_VALID, 'invitation_not_valid');
    return { email: row.email, displayName: row.display_name, expiresAt: row.expires_at.toISOString() };
  }

  /**
   * Sets the invitee's password (checked against the policy first) and spends the link, in one
   * transaction: of two tabs sending it at once, one wins and the other gets the 404.
   */
  async accept(token: string, password: string, ctx: AnyRequestContext): Promise<void> {
    const invitee = await this.lookup(token);
    assertPasswordAcceptable(password, invitee.email);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], not the rows.
      const spent = await manager.query<{ user_id: string }[]>(
        `WITH spent AS (
           UPDATE user_invitations i SET used_at = now()
             FROM users u
            WHERE u.id = i.user_id AND i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()
              AND u.disabled_at IS NULL
            RETURNING i.user_id)
         SELECT user_id FROM spent`,
        [sha256(token)],
      );
      if (!spent.length) throw new NotFoundError(NOT_VALID, 'invitation_not_valid');
      const userId = spent[0].user_id;
      await manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`,
        [userId, passwordHash],
      );
      // The invitee acts as themselves: holding the link is their proof.
      await this.audit.record(
        {
          action: 'update',
          objectType: 'user',
          objectId: userId,
          detail: { changes: ['password'], invitation: 'accepted' },
        },
        { ...ctx, user: { id: userId, roles: [] } },
        manager,
      );
    });
  }
}
