import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError, ReauthFailedError, RuleRefusedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AuthPolicyService } from './auth-policy.service';
import { AuthService } from './auth.service';
import type { SessionDto } from './dto/account.dto';
import type { TotpEnabledDto } from './dto/totp.dto';
import { LoginThrottledException, LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';
import { SecretsService } from '../secrets/secrets.service';

/** What a signed-in person does to their own account: password, two-factor sign-in, sessions. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly policy: AuthPolicyService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly secrets: SecretsService,
    private readonly audit: AuditService,
  ) {}

  /** Needs the current password (a left-open session is not enough); other sessions end. */
  async changePassword(currentPassword: string, newPassword: string, context: RequestContext): Promise<void> {
    const rows: { email: string; password_hash: string | null }[] = await this.dataSource.query(
      `SELECT email, password_hash FROM users WHERE id = $1`,
      [context.user.id],
    );
    const user = rows[0];
    if (!user) throw new NotFoundError('Your account no longer exists.');
    const wait = await this.throttle.retryAfterSeconds(user.email, context.ip ?? null);
    if (wait > 0) throw new LoginThrottledException(wait);
    if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
      await this.throttle.recordFailure(user.email, context.ip ?? null);
      await this.audit.record(
        {
          action: 'failed_login',
          objectType: 'user',
          objectId: context.user.id,
          outcome: 'failure',
          detail: { reason: 'wrong_password', passwordChange: true },
        },
        context,
      );
      throw new ReauthFailedError('The current password is incorrect.', 'current_password_wrong');
    }
    const problems = passwordProblems(newPassword, { email: user.email });
    if (newPassword === currentPassword) problems.push('must differ from the current one');
    if (problems.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((problem) => `newPassword ${problem}`).join('; '),
        errors: problems.map((reason) => ({ field: 'newPassword', reason })),
      });
    }
    const passwordHash = await hashPassword(newPassword);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`,
          [context.user.id, passwordHash],
        );
        await this.sessions.destroyAllFor(context.user.id, manager, context.user.sessionId);
        await this.audit.record(
          {
            action: 'update',
            objectType: 'user',
            objectId: context.user.id,
            detail: { changes: ['password'], self: true },
          },
          context,
          manager,
        );
      });
    } finally {
      this.sessions.forgetAll();
    }
    await this.throttle.clearAccount(user.email);
  }

  /** Turning it off needs a current code, and is refused while the user's role requires it. */
  async disableTotp(code: string, context: RequestContext): Promise<void> {
    const secret = await this.enabledSecret(context.user.id);
    const required = await this.policy.totpRequiredRoles();
    if (context.user.roles.some((role) => required.includes(role))) {
      throw new RuleRefusedError(
        'Your role requires two-factor sign-in, so it cannot be turned off; an admin can reset it if you lost your phone.',
        'totp_required_by_policy',
      );
    }
    if (!(await this.auth.acceptTotp(context.user.id, secret, code))) {
      throw new ReauthFailedError(
        'The authenticator code is wrong or was already used; wait for the next one.',
        'totp_invalid',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE users SET totp_enabled = false, totp_secret = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1`,
        [context.user.id],
      );
      await this.recoveryCodes.removeAll(context.user.id, manager);
      await this.audit.record(
        { action: 'update', objectType: 'user', objectId: context.user.id, detail: { totp: 'disabled' } },
        context,
        manager,
      );
    });
    this.sessions.forgetAll();
  }

  /** New codes for old (used up, or seen by someone): needs a current code; the old ones stop working. */
  async regenerateRecoveryCodes(code: string, context: RequestContext): Promise<TotpEnabledDto> {
    const secret = await this.enabledSecret(context.user.id);
    if (!(await this.auth.acceptTotp(context.user.id, secret, code))) {
      throw new ReauthFailedError(
        'The authenticator code is wrong or was already used; wait for the next one.',
        'totp_invalid',
      );
    }
    const recovery = await this.recoveryCodes.generate();
    await this.dataSource.transaction(async (manager) => {
      await this.recoveryCodes.replace(context.user.id, recovery.hashes, manager);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'user',
          objectId: context.user.id,
          detail: { recoveryCodes: 'regenerated' },
        },
        context,
        manager,
      );
    });
    return { recoveryCodes: recovery.codes };
  }

  recoveryCodesLeft(context: RequestContext): Promise<number> {
    return this.recoveryCodes.remaining(context.user.id);
  }

  async listSessions(context: RequestContext): Promise<SessionDto[]> {
    const sessions = await this.sessions.listFor(context.user.id);
    return sessions.map((session) => ({
      id: session.id,
      current: session.id === context.user.sessionId,
      ip: session.ip,
      userAgent: session.userAgent,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
    }));
  }

  /** The user's TOTP secret in clear; 409 when two-factor sign-in is off. */
  private async enabledSecret(userId: string): Promise<string> {
    const rows: { totp_enabled: boolean; totp_secret: string | null }[] = await this.dataSource.query(
      `SELECT totp_enabled, totp_secret FROM users WHERE id = $1`,
      [userId],
    );
    const user = rows[0];
    if (!user?.totp_enabled || !user.totp_secret) throw new ConflictError('Two-factor sign-in is off.');
    return this.secrets.decryptTotpSecret(userId, user.totp_secret);
  }

  async endSession(sessionId: string, context: RequestContext): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.sessions.destroyOwn(context.user.id, sessionId, manager))) {
          throw new NotFoundError('You have no such session.');
        }
        await this.audit.record({ action: 'logout', objectType: 'session', objectId: sessionId }, context, manager);
      });
    } finally {
      this.sessions.forgetAll();
    }
  }
}
