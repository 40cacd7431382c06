import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@preauth/domain';
import { hash as digest, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { preparedQuery } from '../../database/prepared';
import type { AnyRequestContext } from '../../common/request-context.decorator';
import type { AuthUser } from './auth-user';

export interface ResolvedSession {
  user: AuthUser;
  csrfToken: string;
  totpEnrollmentOnly: boolean;
  /** The password was set by an admin: until the user chooses one, the session may only change it. */
  mustChangePassword: boolean;
}

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

export function hashSessionToken(token: string): Buffer {
  return Buffer.from(sessionKey(token), 'base64');
}

/** The token's SHA-256 in base64: the session cache's key (one-shot hash, on every request). */
function sessionKey(token: string): string {
  return digest('sha256', token, 'base64');
}

interface CachedSession {
  session: ResolvedSession;
  /** Epoch ms after which the database must be asked again. */
  until: number;
}

const RESOLVE_SESSION = `WITH live AS (
     SELECT s.id AS session_id, s.csrf_token, s.totp_enrollment_only, s.last_seen_at, s.created_at,
            u.id AS user_id, u.email, u.display_name, u.roles, u.must_change_password
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
   SELECT session_id, csrf_token, totp_enrollment_only, created_at, user_id, email, display_name, roles,
          must_change_password
     FROM live`;

@Injectable()
export class SessionsService {
  /**
   * Sessions resolved in the last SESSION_CACHE_SECONDS (5 s by default), by token hash. A
   * dashboard page fires several requests at once and a front desk reloads the worklist all day:
   * without this, each request reads the session row first. Whatever ends a session or changes
   * what it may do in this process (sign-out, password, TOTP, a user's roles or disabled flag)
   * calls `forgetAll()` after its transaction commits, so it takes effect at the next request here;
   * on other instances of the API within the cache time. Idle and absolute timeouts are checked
   * against the cached times too.
   */
  private readonly cache = new Map<string, CachedSession>();
  /** Bumped by forgetAll(): a lookup that started before a change must not cache what it read. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh random token (256 bits) for every sign-in: a token set before sign-in is never reused. */
  async create(
    userId: string,
    context: AnyRequestContext,
    options: { totpEnrollmentOnly: boolean },
    manager?: EntityManager,
  ): Promise<NewSession> {
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
    const key = sessionKey(token);
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.session;
    if (cached) this.cache.delete(key);

    const generation = this.generation;
    // Read the live session, and move last_seen_at at most once every 30 s: touching it on every
    // request would serialize a user's parallel requests on the session row (and write WAL for
    // each read). The idle timeout is therefore exact to within 30 s.
    const rows = await preparedQuery<{
      session_id: string;
      csrf_token: string;
      totp_enrollment_only: boolean;
      created_at: Date;
      user_id: string;
      email: string;
      display_name: string;
      roles: Role[];
      must_change_password: boolean;
    }>(this.dataSource, RESOLVE_SESSION, [
      Buffer.from(key, 'base64'),
      this.config.sessionIdleMinutes,
      this.config.sessionAbsoluteHours,
    ]);
    const row = rows[0];
    if (!row) return null;
    const session: ResolvedSession = {
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        roles: row.roles,
        sessionId: row.session_id,
      },
      csrfToken: row.csrf_token,
      totpEnrollmentOnly: row.totp_enrollment_only,
      mustChangePassword: row.must_change_password,
    };
    const ttl = this.config.sessionCacheSeconds * 1000;
    if (ttl > 0 && generation === this.generation) {
      // Never past the absolute timeout; the idle timeout is minutes away since the row was just used.
      const until = Math.min(now + ttl, row.created_at.getTime() + this.config.sessionAbsoluteHours * 3_600_000);
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(key, { session, until });
    }
    return session;
  }

  /**
   * Drop every cached session: call after a transaction that ends sessions or changes a user's
   * roles or access commits (and it is harmless to call before, too).
   */
  forgetAll(): void {
    this.generation++;
    this.cache.clear();
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
    await (manager ?? this.dataSource.manager).query(
      `UPDATE user_sessions SET totp_enrollment_only = false WHERE id = $1`,
      [sessionId],
    );
  }

  /** The user's live sessions (not idle or too old), the most recently used first. */
  async listFor(
    userId: string,
  ): Promise<{ id: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date }[]> {
    const rows: { id: string; ip: string | null; user_agent: string | null; created_at: Date; last_seen_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, host(ip) AS ip, user_agent, created_at, last_seen_at FROM user_sessions
          WHERE user_id = $1
            AND last_seen_at > now() - make_interval(mins => $2)
            AND created_at > now() - make_interval(hours => $3)
          ORDER BY last_seen_at DESC, created_at DESC`,
        [userId, this.config.sessionIdleMinutes, this.config.sessionAbsoluteHours],
      );
    return rows.map((row) => ({
      id: row.id,
      ip: row.ip,
      userAgent: row.user_agent,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
    }));
  }

  /** Ends one of the user's own sessions; false when there is no such session of theirs. */
  async destroyOwn(userId: string, sessionId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      // A CTE, so the driver answers the rows (a bare DELETE … RETURNING answers [rows, count]).
      `WITH d AS (DELETE FROM user_sessions WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM d`,
      [sessionId, userId],
    );
    return rows.length > 0;
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
      // Seconds, as the cookie's Max-Age attribute is written.
      maxAge: this.config.sessionAbsoluteHours * 3_600,
    };
  }
}
