import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@preauth/domain';
import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuditContext } from '../audit/audit-context.decorator';
import type { AuthUser } from './auth-user';

export interface ResolvedSession {
  user: AuthUser;
  csrfToken: string;
  totpEnrollmentOnly: boolean;
}

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh random token (256 bits) for every sign-in: a token set before sign-in is never reused. */
  async create(userId: string, context: AuditContext, options: { totpEnrollmentOnly: boolean }, manager?: EntityManager): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO user_sessions (user_id, token_hash, csrf_token, totp_enrollment_only, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        userId,
        hashSessionToken(token),
        csrfToken,
        options.totpEnrollmentOnly,
        context.ip && isIP(context.ip) ? context.ip : null,
        context.userAgent?.slice(0, 500) ?? null,
      ],
    );
    return { id: rows[0].id, token, csrfToken };
  }

  /**
   * The session behind a cookie token, with the user as the database has them now (roles changed
   * or account disabled take effect here, at the next request), and marks it used. Null when the
   * token is unknown, idle too long, too old, or its user is disabled.
   */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (!token || token.length > 200) return null;
    const rows: {
      session_id: string;
      csrf_token: string;
      totp_enrollment_only: boolean;
      user_id: string;
      email: string;
      display_name: string;
      roles: Role[];
    }[] = await this.dataSource.query(
      // Read the live session, and move last_seen_at at most once every 30 s: touching it on every
      // request would serialize a user's parallel requests on the session row (and write WAL for
      // each read). The idle timeout is therefore exact to within 30 s.
      `WITH live AS (
         SELECT s.id AS session_id, s.csrf_token, s.totp_enrollment_only, s.last_seen_at,
                u.id AS user_id, u.email, u.display_name, u.roles
           FROM user_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1
            AND u.disabled_at IS NULL
            AND s.last_seen_at > now() - make_interval(mins => $2)
            AND s.created_at > now() - make_interval(hours => $3)
       ), touched AS (
         UPDATE user_sessions s SET last_seen_at = now()
           FROM live WHERE s.id = live.session_id AND live.last_seen_at < now() - interval '30 seconds'
         RETURNING s.id
       )
       SELECT session_id, csrf_token, totp_enrollment_only, user_id, email, display_name, roles FROM live`,
      [hashSessionToken(token), this.config.sessionIdleMinutes, this.config.sessionAbsoluteHours],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      user: { id: row.user_id, email: row.email, displayName: row.display_name, roles: row.roles, sessionId: row.session_id },
      csrfToken: row.csrf_token,
      totpEnrollmentOnly: row.totp_enrollment_only,
    };
  }

  async destroy(sessionId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`DELETE FROM user_sessions WHERE id = $1`, [sessionId]);
  }

  /** Sign a user out everywhere (disabled, password reset), optionally keeping one session. */
  async destroyAllFor(userId: string, manager?: EntityManager, exceptSessionId?: string): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `DELETE FROM user_sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptSessionId ?? null],
    );
  }

  async liftTotpEnrollmentOnly(sessionId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(`UPDATE user_sessions SET totp_enrollment_only = false WHERE id = $1`, [sessionId]);
  }

  /** Expired sessions are refused anyway; this only keeps the table small. */
  async pruneExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_sessions
        WHERE last_seen_at < now() - make_interval(mins => $1) OR created_at < now() - make_interval(hours => $2)`,
      [this.config.sessionIdleMinutes, this.config.sessionAbsoluteHours],
    );
  }

  cookieOptions(httpOnly: boolean) {
    return {
      httpOnly,
      sameSite: 'strict' as const,
      secure: this.config.cookieSecure ?? this.config.nodeEnv === 'production',
      path: '/',
      maxAge: this.config.sessionAbsoluteHours * 3_600_000,
    };
  }
}
