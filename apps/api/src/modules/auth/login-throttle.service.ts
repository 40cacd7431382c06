import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';

// Failures within the window count. Past the free attempts each further failure doubles the wait
// before the next attempt, capped, so a guesser gets a handful of tries an hour while the real
// person is never locked out for longer than the cap after the last failure.
export const THROTTLE_WINDOW_MINUTES = 15;
export const ACCOUNT_FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 50;
export const THROTTLE_BASE_DELAY_SECONDS = 15;
export const THROTTLE_MAX_DELAY_SECONDS = 300;

export class LoginThrottledException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        code: 'login_throttled',
        message: `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** The wait after `failures` failures in the window, in seconds (0 while under the free attempts). */
export function throttleDelaySeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 10);
  return Math.min(THROTTLE_BASE_DELAY_SECONDS * 2 ** doublings, THROTTLE_MAX_DELAY_SECONDS);
}

export function accountHash(email: string): Buffer {
  return createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest();
}

/** Failed sign-ins counted in PostgreSQL, so the limits hold across every instance of the app. */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seconds to wait before this account or this IP may try again; 0 when it may try now. */
  async retryAfterSeconds(email: string, ip: string | null): Promise<number> {
    const rows: { scope: 'account' | 'ip'; failures: number; seconds_since_last: number | null }[] =
      await this.dataSource.query(
        `SELECT 'account' AS scope, count(*)::int AS failures, extract(epoch FROM now() - max(occurred_at))::float8 AS seconds_since_last
         FROM login_failures
        WHERE account_hash = $1 AND occurred_at > now() - make_interval(mins => $3)
       UNION ALL
       SELECT 'ip', count(*)::int, extract(epoch FROM now() - max(occurred_at))::float8
         FROM login_failures
        WHERE $2::inet IS NOT NULL AND ip = $2::inet AND occurred_at > now() - make_interval(mins => $3)`,
        [accountHash(email), this.validIp(ip), THROTTLE_WINDOW_MINUTES],
      );
    let wait = 0;
    for (const row of rows) {
      const delay = throttleDelaySeconds(
        row.failures,
        row.scope === 'account' ? ACCOUNT_FREE_FAILURES : IP_FREE_FAILURES,
      );
      if (delay > 0 && row.seconds_since_last !== null)
        wait = Math.max(wait, Math.ceil(delay - row.seconds_since_last));
    }
    return Math.max(wait, 0);
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (account_hash, ip) VALUES ($1, $2)`, [
      accountHash(email),
      this.validIp(ip),
    ]);
    // Nothing older than a day is ever read; keep the table small as a side effect of failures.
    if (Math.random() < 0.05)
      await this.dataSource.query(`DELETE FROM login_failures WHERE occurred_at < now() - interval '1 day'`);
  }

  /** A successful sign-in forgives the account's failures (the IP's stay counted). */
  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE account_hash = $1`, [accountHash(email)]);
  }

  private validIp(ip: string | null): string | null {
    return ip && isIP(ip) ? ip : null;
  }
}
