import { Inject, Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@preauth/domain';
import { DataSource } from 'typeorm';
import type { AnyRequestContext, RequestContext } from '../../common/request-context.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthPolicyViewDto } from './dto/auth-policy.dto';
import { AuditService } from '../audit/audit.service';
import { SecretsService } from '../secrets/secrets.service';
import type { AuthUser } from './auth-user';
import { AuthPolicyService } from './auth-policy.service';
import type { LoginDto } from './dto/login.dto';
import type { MeDto } from './dto/me.dto';
import type { TotpEnabledDto, TotpSetupDto } from './dto/totp.dto';
import { LoginThrottledException, LoginThrottleService } from './login-throttle.service';
import { getDummyHash, verifyPassword } from './password-hasher';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionsService } from './sessions.service';
import { generateTotpSecret, matchTotpStep, totpKeyUri } from './totp';
import { ConflictError, ReauthFailedError, RuleRefusedError } from '../../common/app-errors';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  password_hash: string | null;
  disabled_at: Date | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_last_step: string | null;
  must_change_password: boolean;
}

export type ReauthMethod = 'password' | 'totp';

export interface ReauthProof {
  password?: string;
  totp?: string;
}

export interface LoginResult {
  me: MeDto;
  token: string;
}

// One message for an unknown email, a wrong password and a disabled account: the answer must not
// tell anyone which emails have accounts.
const INVALID_CREDENTIALS = {
  statusCode: 401,
  error: 'Unauthorized',
  code: 'invalid_credentials',
  message: 'The email or password is incorrect.',
};

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly policy: AuthPolicyService,
    private readonly audit: AuditService,
    private readonly secrets: SecretsService,
    private readonly recoveryCodes: RecoveryCodesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Hash the dummy password now, so the first unknown email is not slower than the rest.
    void getDummyHash();
  }

  async login(dto: LoginDto, context: AnyRequestContext): Promise<LoginResult> {
    const email = dto.email.trim().toLowerCase();
    const ip = context.ip ?? null;

    const wait = await this.throttle.retryAfterSeconds(email, ip);
    if (wait > 0) {
      await this.audit.record(
        { action: 'failed_login', objectType: 'user', outcome: 'denied', detail: { reason: 'throttled' } },
        context,
      );
      throw new LoginThrottledException(wait);
    }

    const user = await this.findUserForLogin(email);
    // Verify against a dummy hash when there is no such user, so timing tells nothing either.
    const passwordOk = await verifyPassword(user?.password_hash ?? (await getDummyHash()), dto.password);
    if (!user || !user.password_hash || !passwordOk || user.disabled_at) {
      const reason = !user ? 'unknown_email' : user.disabled_at ? 'disabled' : 'wrong_password';
      await this.fail(email, context, user?.id ?? null, reason);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    let totpEnrollmentOnly = false;
    let usedRecoveryCode = false;
    if (user.totp_enabled && user.totp_secret) {
      if (!dto.totp) {
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'totp_required',
          message: 'Enter the 6-digit code from your authenticator app.',
        });
      }
      // Six digits are an authenticator code; anything else may be one of the recovery codes.
      const isTotpCode = /^\d{6}$/.test(dto.totp.trim());
      usedRecoveryCode = !isTotpCode && (await this.recoveryCodes.consume(user.id, dto.totp));
      const accepted =
        usedRecoveryCode ||
        (isTotpCode &&
          (await this.acceptTotp(user.id, this.secrets.decryptTotpSecret(user.id, user.totp_secret), dto.totp)));
      if (!accepted) {
        await this.fail(email, context, user.id, 'wrong_totp');
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'totp_invalid',
          message:
            'The authenticator code is wrong or was already used; wait for the next one (or use an unused recovery code).',
        });
      }
    } else {
      const required = await this.policy.totpRequiredRoles();
      totpEnrollmentOnly = user.roles.some((role) => required.includes(role));
    }

    await this.throttle.clearAccount(email);
    const authUser: Omit<AuthUser, 'sessionId'> = {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      roles: user.roles,
    };
    const session = await this.dataSource.transaction(async (manager) => {
      const created = await this.sessions.create(user.id, context, { totpEnrollmentOnly }, manager);
      await manager.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [user.id]);
      await this.audit.record(
        {
          action: 'login',
          objectType: 'session',
          objectId: created.id,
          detail: {
            totp: user.totp_enabled,
            totpEnrollmentOnly,
            ...(usedRecoveryCode ? { recoveryCode: true } : {}),
            ...(user.must_change_password ? { mustChangePassword: true } : {}),
          },
        },
        { ...context, user: { ...authUser, sessionId: created.id } },
        manager,
      );
      return created;
    });
    void this.sessions.pruneExpired().catch(() => undefined);

    return {
      token: session.token,
      me: {
        ...authUser,
        totpEnabled: user.totp_enabled,
        totpEnrollmentRequired: totpEnrollmentOnly,
        clinicTimeZone: this.config.clinicTimeZone,
        mustChangePassword: user.must_change_password,
        csrfToken: session.csrfToken,
      },
    };
  }

  /**
   * Proves that the signed-in person is at the keyboard before an act that carries their name (a
   * signature): the authenticator code when they have two-factor sign-in, else their password.
   * Failures count against the sign-in throttle, so a left-open session cannot be used to guess.
   */
  async reauthenticate(proof: ReauthProof, context: RequestContext): Promise<ReauthMethod> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, email, display_name, roles, password_hash, disabled_at, totp_secret, totp_enabled, totp_last_step,
              must_change_password
         FROM users WHERE id = $1`,
      [context.user.id],
    );
    const user = rows[0];
    if (!user) throw new ReauthFailedError('Your account no longer exists.', 'reauth_failed');
    const ip = context.ip ?? null;
    const wait = await this.throttle.retryAfterSeconds(user.email, ip);
    if (wait > 0) throw new LoginThrottledException(wait);

    const method: ReauthMethod = user.totp_enabled && user.totp_secret ? 'totp' : 'password';
    if (method === 'totp') {
      if (!proof.totp) {
        throw new ReauthFailedError(
          'Enter the 6-digit code from your authenticator app to sign.',
          'reauth_totp_required',
          { method },
        );
      }
      const ok = await this.acceptTotp(user.id, this.secrets.decryptTotpSecret(user.id, user.totp_secret!), proof.totp);
      if (!ok) {
        await this.failReauth(user, context, 'wrong_totp');
        throw new ReauthFailedError(
          'The authenticator code is wrong or was already used; wait for the next one. Nothing was signed.',
          'reauth_failed',
          { method },
        );
      }
    } else {
      if (!proof.password) {
        throw new ReauthFailedError('Enter your password to sign.', 'reauth_password_required', { method });
      }
      if (!user.password_hash || !(await verifyPassword(user.password_hash, proof.password))) {
        await this.failReauth(user, context, 'wrong_password');
        throw new ReauthFailedError('The password is incorrect. Nothing was signed.', 'reauth_failed', { method });
      }
    }
    await this.throttle.clearAccount(user.email);
    return method;
  }

  async logout(context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.destroy(context.user.sessionId, manager);
      await this.audit.record(
        { action: 'logout', objectType: 'session', objectId: context.user.sessionId },
        context,
        manager,
      );
    });
    this.sessions.forgetAll();
  }

  async me(user: AuthUser, csrfToken: string, totpEnrollmentOnly: boolean): Promise<MeDto> {
    const rows: { totp_enabled: boolean; must_change_password: boolean }[] = await this.dataSource.query(
      `SELECT totp_enabled, must_change_password FROM users WHERE id = $1`,
      [user.id],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      totpEnabled: rows[0]?.totp_enabled ?? false,
      totpEnrollmentRequired: totpEnrollmentOnly,
      clinicTimeZone: this.config.clinicTimeZone,
      mustChangePassword: rows[0]?.must_change_password ?? false,
      csrfToken,
    };
  }

  /** Starts enrolment: a new secret, not used for sign-in until a code from it is confirmed. */
  async setupTotp(context: RequestContext): Promise<TotpSetupDto> {
    const secret = generateTotpSecret();
    await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `WITH u AS (UPDATE users SET totp_secret = $2, updated_at = now() WHERE id = $1 AND NOT totp_enabled RETURNING id) SELECT id FROM u`,
        [context.user.id, this.secrets.encryptTotpSecret(context.user.id, secret)],
      );
      if (!rows.length) throw new ConflictError('Two-factor sign-in is already on; an admin can reset it.');
      await this.audit.record(
        { action: 'update', objectType: 'user', objectId: context.user.id, detail: { totp: 'setup_started' } },
        context,
        manager,
      );
    });
    return { secret, otpauthUrl: totpKeyUri(context.user.email, secret) };
  }

  /** Confirms enrolment with a code; answers the recovery codes, in plain text this once. */
  async enableTotp(code: string, context: RequestContext): Promise<TotpEnabledDto> {
    const recovery = await this.recoveryCodes.generate();
    await this.dataSource.transaction(async (manager) => {
      const rows: { totp_secret: string | null; totp_enabled: boolean }[] = await manager.query(
        `SELECT totp_secret, totp_enabled FROM users WHERE id = $1 FOR UPDATE`,
        [context.user.id],
      );
      const row = rows[0];
      if (row?.totp_enabled) throw new ConflictError('Two-factor sign-in is already on.');
      if (!row?.totp_secret) throw new ConflictError('Start with POST /api/auth/totp/setup, then confirm a code here.');
      const step = matchTotpStep(code, this.secrets.decryptTotpSecret(context.user.id, row.totp_secret));
      if (step === null) {
        throw new RuleRefusedError(
          'The authenticator code is wrong; check the time on your phone and try again.',
          'totp_invalid',
        );
      }
      await manager.query(
        `UPDATE users SET totp_enabled = true, totp_last_step = $2, updated_at = now() WHERE id = $1`,
        [context.user.id, step],
      );
      // Any other session was opened with the password alone.
      await this.sessions.destroyAllFor(context.user.id, manager, context.user.sessionId);
      await this.sessions.liftTotpEnrollmentOnly(context.user.sessionId, manager);
      await this.recoveryCodes.replace(context.user.id, recovery.hashes, manager);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'user',
          objectId: context.user.id,
          detail: { totp: 'enabled', recoveryCodes: recovery.codes.length },
        },
        context,
        manager,
      );
    });
    this.sessions.forgetAll();
    return { recoveryCodes: recovery.codes };
  }

  async getPolicy(): Promise<AuthPolicyViewDto> {
    return {
      totpRequiredRoles: await this.policy.totpRequiredRoles(),
      onlyOrderingPhysicianSigns: await this.policy.onlyOrderingPhysicianSigns(),
      sessionLimits: {
        idleMinutes: { value: this.config.sessionIdleMinutes, variable: 'SESSION_IDLE_MINUTES' },
        absoluteHours: { value: this.config.sessionAbsoluteHours, variable: 'SESSION_ABSOLUTE_HOURS' },
      },
    };
  }

  async setPolicy(totpRequiredRoles: Role[], context: RequestContext): Promise<AuthPolicyViewDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.policy.totpRequiredRoles(manager);
      await this.policy.setTotpRequiredRoles(totpRequiredRoles, manager);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'auth_policy',
          detail: { totpRequiredRoles: { from: before, to: totpRequiredRoles } },
        },
        context,
        manager,
      );
    });
    return this.getPolicy();
  }

  async setSigningPolicy(onlyOrderingPhysicianSigns: boolean, context: RequestContext): Promise<AuthPolicyViewDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.policy.onlyOrderingPhysicianSigns(manager);
      await this.policy.setOnlyOrderingPhysicianSigns(onlyOrderingPhysicianSigns, manager);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'auth_policy',
          detail: { onlyOrderingPhysicianSigns: { from: before, to: onlyOrderingPhysicianSigns } },
        },
        context,
        manager,
      );
    });
    return this.getPolicy();
  }

  private async findUserForLogin(email: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, email, display_name, roles, password_hash, disabled_at, totp_secret, totp_enabled, totp_last_step,
              must_change_password
         FROM users WHERE lower(email) = $1`,
      [email],
    );
    return rows[0];
  }

  /** Accepts a code only for a time step after the last accepted one (no replay). */
  async acceptTotp(userId: string, secret: string, code: string): Promise<boolean> {
    const step = matchTotpStep(code.trim(), secret);
    if (step === null) return false;
    const rows: unknown[] = await this.dataSource.query(
      `WITH u AS (
         UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id
       )
       SELECT id FROM u`,
      [userId, step],
    );
    return rows.length > 0;
  }

  private async failReauth(user: UserRow, context: RequestContext, reason: string): Promise<void> {
    await this.throttle.recordFailure(user.email, context.ip ?? null);
    await this.audit.record(
      {
        action: 'failed_login',
        objectType: 'user',
        objectId: user.id,
        outcome: 'failure',
        detail: { reason, reauth: true },
      },
      context,
    );
  }

  private async fail(email: string, context: AnyRequestContext, userId: string | null, reason: string): Promise<void> {
    await this.throttle.recordFailure(email, context.ip ?? null);
    await this.audit.record(
      { action: 'failed_login', objectType: 'user', objectId: userId, outcome: 'failure', detail: { reason } },
      { ...context, user: null },
    );
  }
}
