import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import { SessionsService } from '../auth/sessions.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import type { UserDto } from './dto/user.dto';
import { User } from './user.entity';
import { ConflictError, NotFoundError } from '../../common/app-errors';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabledAt !== null,
    totpEnabled: user.totpEnabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** 400 in the shape of the validation pipe's errors when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const problems = passwordProblems(password, { email });
  if (!problems.length) return;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problems.map((problem) => `password ${problem}`).join('; '),
    errors: problems.map((reason) => ({ field: 'password', reason })),
  });
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('NOT u.isSystem')
      .orderBy('lower(u.email)')
      .getMany();
    return users.map(toUserDto);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id, isSystem: false });
    if (!user) throw new NotFoundError('No such user.');
    return toUserDto(user);
  }

  async create(dto: CreateUserDto, context: RequestContext): Promise<UserDto> {
    const email = dto.email.trim();
    assertPasswordAcceptable(dto.password, email);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const taken = await repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
      if (taken) throw new ConflictError('A user with this email already exists.');
      const saved = await repo.save(
        repo.create({ email, displayName: dto.displayName.trim(), roles: unique(dto.roles), passwordHash }),
      );
      await this.audit.record(
        { action: 'create', objectType: 'user', objectId: saved.id, detail: { roles: saved.roles } },
        context,
        manager,
      );
      return toUserDto(await repo.findOneByOrFail({ id: saved.id }));
    });
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
      }
      if (dto.resetTotp && user.totpEnabled) {
        changes.push('totp');
        user.totpEnabled = false;
        user.totpSecret = null;
        user.totpLastStep = null;
      }
      if (!changes.length) return toUserDto(user);

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
      return toUserDto(await repo.findOneByOrFail({ id }));
    });
  }

  private async checkedHash(id: string, password: string): Promise<string> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id, isSystem: false });
    if (!user) throw new NotFoundError('No such user.');
    assertPasswordAcceptable(password, user.email);
    return hashPassword(password);
  }

  /** Nobody can lock the clinic out of administration: keep one active admin, and keep yourself. */
  private async assertAdminsRemain(
    manager: EntityManager,
    user: User,
    roles: Role[],
    disabled: boolean,
    actor: AuthUser,
  ): Promise<void> {
    const wasActiveAdmin = user.roles.includes('admin') && user.disabledAt === null;
    const staysActiveAdmin = roles.includes('admin') && !disabled;
    if (!wasActiveAdmin || staysActiveAdmin) return;
    if (user.id === actor.id) {
      throw new ConflictError(
        'You cannot disable your own account or remove your own admin role; ask another admin.',
        'self_lockout',
      );
    }
    const others: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM users WHERE id <> $1 AND 'admin' = ANY(roles) AND disabled_at IS NULL`,
      [user.id],
    );
    if ((others[0]?.count ?? 0) === 0) {
      throw new ConflictError('This is the last active admin.', 'last_admin');
    }
  }
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function sameSet(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
