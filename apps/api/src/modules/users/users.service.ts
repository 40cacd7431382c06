import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADMIN_LOCKOUT_MESSAGES, adminLockout, type Role } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password-hasher';
import { RecoveryCodesService } from '../auth/recovery-codes.service';
import { SessionsService } from '../auth/sessions.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import type { CreatedUserDto, OneTimePasswordDto, UserDto, UserProviderDto } from './dto/user.dto';
import { fieldError } from '../../common/validation';
import { InvitationsService } from './invitations.service';
import { assertPasswordAcceptable } from './password-acceptable';
import { linkedProviders, linkUserToProvider } from './user-provider-link';
import { generateOneTimePassword } from '../auth/one-time-secrets';
import { User } from './user.entity';
import { ConflictError, NotFoundError } from '../../common/app-errors';

export function toUserDto(user: User, provider: UserProviderDto | null = null): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabledAt !== null,
    totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
    provider,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly invitations: InvitationsService,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('NOT u.isSystem')
      .orderBy('lower(u.email)')
      .getMany();
    const providers = await linkedProviders(this.dataSource.manager);
    return users.map((user) => toUserDto(user, providers.get(user.id) ?? null));
  }

  async get(id: string): Promise<UserDto> {
    return this.read(this.dataSource.manager, id);
  }

  async create(dto: CreateUserDto, context: RequestContext): Promise<CreatedUserDto> {
    const email = dto.email.trim();
    if (dto.invite && dto.password !== undefined) {
      throw fieldError('password', 'is chosen by the invitee when the user is invited; leave it out');
    }
    const oneTimePassword = !dto.invite && dto.password === undefined ? generateOneTimePassword(email) : undefined;
    const password = dto.invite ? null : (dto.password ?? oneTimePassword!);
    if (password !== null) assertPasswordAcceptable(password, email);
    // An invitee has no password until they choose one through the link: nobody can sign in as them.
    const passwordHash = password === null ? null : await hashPassword(password);
    const created = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const taken = await repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
      if (taken) throw new ConflictError('A user with this email already exists.');
      const roles = unique(dto.roles);
      const saved = await repo.save(
        repo.create({
          email,
          displayName: dto.displayName.trim(),
          roles,
          passwordHash,
          mustChangePassword: !dto.invite,
        }),
      );
      const invitation = dto.invite ? await this.invitations.issue(manager, saved.id) : null;
      const link = dto.providerId ? await linkUserToProvider(manager, saved.id, roles, dto.providerId) : null;
      await this.audit.record(
        {
          action: 'create',
          objectType: 'user',
          objectId: saved.id,
          detail: {
            roles: saved.roles,
            ...(link ? { provider: link.to } : {}),
            ...(invitation ? { invited: true } : {}),
          },
        },
        context,
        manager,
      );
      const user = await this.read(manager, saved.id);
      return invitation
        ? { ...user, invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } }
        : user;
    });
    return oneTimePassword ? { ...created, oneTimePassword } : created;
  }

  /** A new generated password, shown once; the user's sessions end and they must replace it. */
  async resetPassword(id: string, context: RequestContext): Promise<OneTimePasswordDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('No such user.');
    const oneTimePassword = generateOneTimePassword(user.email);
    const passwordHash = await hashPassword(oneTimePassword);
    try {
      await this.dataSource.transaction(async (manager) => {
        const updated: { id: string }[] = await manager.query(
          `WITH u AS (UPDATE users SET password_hash = $2, must_change_password = true, updated_at = now()
                       WHERE id = $1 AND NOT is_system RETURNING id)
           SELECT id FROM u`,
          [id, passwordHash],
        );
        if (!updated.length) throw new NotFoundError('No such user.');
        await this.sessions.destroyAllFor(id, manager);
        await this.audit.record(
          { action: 'update', objectType: 'user', objectId: id, detail: { changes: ['password'], oneTime: true } },
          context,
          manager,
        );
      });
    } finally {
      this.sessions.forgetAll();
    }
    return { oneTimePassword };
  }

  /** Signs the user out everywhere (a lost laptop); they can sign in again at once. */
  async endSessions(id: string, context: RequestContext): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const exists = await manager.getRepository(User).existsBy({ id });
        if (!exists) throw new NotFoundError('No such user.');
        const ended: { id: string }[] = await manager.query(
          `WITH d AS (DELETE FROM user_sessions WHERE user_id = $1 AND id <> $2 RETURNING id) SELECT id FROM d`,
          [id, context.user.sessionId],
        );
        await this.audit.record(
          { action: 'logout', objectType: 'user', objectId: id, detail: { endedSessions: ended.length, by: 'admin' } },
          context,
          manager,
        );
      });
    } finally {
      this.sessions.forgetAll();
    }
  }

  private async read(manager: EntityManager, id: string): Promise<UserDto> {
    const user = await manager.getRepository(User).findOneBy({ id, isSystem: false });
    if (!user) throw new NotFoundError('No such user.');
    const providers = await linkedProviders(manager, [id]);
    return toUserDto(user, providers.get(id) ?? null);
  }

  async update(id: string, dto: UpdateUserDto, context: RequestContext): Promise<UserDto> {
    const passwordHash = dto.password === undefined ? undefined : await this.checkedHash(id, dto.password);
    try {
      return await this.changeUser(id, dto, passwordHash, context);
    } finally {
      // Roles, disabled flag or ended sessions: the guard's session cache must not keep the old ones.
      this.sessions.forgetAll();
    }
  }

  private changeUser(
    id: string,
    dto: UpdateUserDto,
    passwordHash: string | undefined,
    context: RequestContext,
  ): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id, isSystem: false }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('No such user.');

      const changes: string[] = [];
      const detail: Record<string, unknown> = {};
      const roles = dto.roles ? unique(dto.roles) : user.roles;
      const disabled = dto.disabled ?? user.disabledAt !== null;
      if (dto.roles && !sameSet(roles, user.roles)) {
        changes.push('roles');
        detail.roles = { from: user.roles, to: roles };
      }
      if (disabled !== (user.disabledAt !== null)) {
        changes.push('disabled');
        detail.disabled = disabled;
      }
      await this.assertAdminsRemain(manager, user, roles, disabled, context.user);

      if (dto.displayName !== undefined && dto.displayName.trim() !== user.displayName) {
        changes.push('displayName');
        user.displayName = dto.displayName.trim();
      }
      user.roles = roles;
      if (disabled && !user.disabledAt) user.disabledAt = new Date();
      if (!disabled) user.disabledAt = null;
      if (passwordHash) {
        changes.push('password');
        user.passwordHash = passwordHash;
        user.mustChangePassword = true;
      }
      if (dto.resetTotp && user.totpEnabled) {
        changes.push('totp');
        user.totpEnabled = false;
        user.totpSecret = null;
        user.totpLastStep = null;
        await this.recoveryCodes.removeAll(user.id, manager);
      }
      if (dto.providerId !== undefined) {
        const link = await linkUserToProvider(manager, user.id, roles, dto.providerId);
        if (link) {
          changes.push('provider');
          detail.provider = link;
        }
      }
      if (!changes.length) return this.read(manager, id);

      await repo.save(user);
      // A disabled account or a new password ends every session at once (the guard also checks
      // disabled_at at each request, so nothing depends on this delete alone).
      if (changes.includes('password') || (changes.includes('disabled') && disabled)) {
        await this.sessions.destroyAllFor(user.id, manager);
      }
      await this.audit.record(
        { action: 'update', objectType: 'user', objectId: user.id, detail: { changes, ...detail } },
        context,
        manager,
      );
      return this.read(manager, id);
    });
  }

  private async checkedHash(id: string, password: string): Promise<string> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id, isSystem: false });
    if (!user) throw new NotFoundError('No such user.');
    assertPasswordAcceptable(password, user.email);
    return hashPassword(password);
  }

  /** Nobody can lock the clinic out of administration (adminLockout in @preauth/domain). */
  private async assertAdminsRemain(
    manager: EntityManager,
    user: User,
    roles: Role[],
    disabled: boolean,
    actor: AuthUser,
  ): Promise<void> {
    const others: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE id <> $1 AND 'admin' = ANY(roles) AND disabled_at IS NULL`,
      [user.id],
    );
    const lockout = adminLockout({
      userId: user.id,
      roles: user.roles,
      disabled: user.disabledAt !== null,
      nextRoles: roles,
      nextDisabled: disabled,
      actorId: actor.id,
      otherActiveAdmins: others[0]?.count ?? 0,
    });
    if (lockout) throw new ConflictError(ADMIN_LOCKOUT_MESSAGES[lockout], lockout);
  }
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function sameSet(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
