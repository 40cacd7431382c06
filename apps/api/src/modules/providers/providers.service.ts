import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isRole, NOT_A_PHYSICIAN_ACCOUNT, providerLinkRefusal } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CreateProviderDto, PhysicianUserDto, ProviderDto, UpdateProviderDto } from './dto/provider.dto';
import { Provider } from './provider.entity';
import { ConflictError, NotFoundError, RuleViolatedError } from '../../common/app-errors';
import { fieldError } from '../../common/validation';

export function providerDisplayName(p: Pick<Provider, 'firstName' | 'lastName' | 'credentials'>): string {
  return `${p.firstName} ${p.lastName}${p.credentials ? `, ${p.credentials}` : ''}`;
}

export function toProviderDto(p: Provider): ProviderDto {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    credentials: p.credentials,
    npi: p.npi,
    specialty: p.specialty,
    userId: p.userId,
    active: p.active,
    displayName: providerDisplayName(p),
  };
}

@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ProviderDto[]> {
    const rows = await this.dataSource.getRepository(Provider).find({ order: { lastName: 'ASC', firstName: 'ASC' } });
    return rows.map(toProviderDto);
  }

  async get(id: string): Promise<ProviderDto> {
    const provider = await this.dataSource.getRepository(Provider).findOneBy({ id });
    if (!provider) throw new NotFoundError('No such provider.');
    return toProviderDto(provider);
  }

  /** The accounts a physician record can be linked to: users with the physician role. */
  async listPhysicianUsers(): Promise<PhysicianUserDto[]> {
    return this.dataSource.query<PhysicianUserDto[]>(
      `SELECT u.id, u.display_name AS "displayName", u.email, (u.disabled_at IS NOT NULL) AS disabled, p.id AS "providerId"
         FROM users u LEFT JOIN providers p ON p.user_id = u.id
        WHERE 'physician' = ANY(u.roles)
        ORDER BY u.display_name, u.email`,
    );
  }

  // The unique indexes answer a race with a bare 409; these name the field for the form.
  private async assertUnique(
    manager: EntityManager,
    fields: { npi?: string; userId?: string | null },
    exceptId?: string,
  ): Promise<void> {
    const repo = manager.getRepository(Provider);
    if (fields.npi !== undefined) {
      const other = await repo.findOneBy({ npi: fields.npi });
      if (other && other.id !== exceptId) {
        throw new ConflictError(`NPI ${fields.npi} belongs to ${providerDisplayName(other)}.`, 'duplicate', {
          errors: [{ field: 'npi', reason: `belongs to ${providerDisplayName(other)}` }],
        });
      }
    }
    if (fields.userId) {
      const [user] = await manager.query<{ roles: string[] }[]>(`SELECT roles FROM users WHERE id = $1`, [
        fields.userId,
      ]);
      if (!user) throw fieldError('userId', 'is not a known user');
      const refusal = providerLinkRefusal(user.roles.filter(isRole));
      if (refusal) {
        throw new RuleViolatedError(refusal, NOT_A_PHYSICIAN_ACCOUNT, {
          errors: [{ field: 'userId', reason: refusal }],
        });
      }
      const other = await repo.findOneBy({ userId: fields.userId });
      if (other && other.id !== exceptId) {
        throw new ConflictError(`That account is already linked to ${providerDisplayName(other)}.`, 'duplicate', {
          errors: [{ field: 'userId', reason: `is already linked to ${providerDisplayName(other)}` }],
        });
      }
    }
  }

  async create(dto: CreateProviderDto, ctx: RequestContext): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertUnique(manager, dto);
      const provider = await manager.getRepository(Provider).save(manager.getRepository(Provider).create({ ...dto }));
      await this.audit.record({ action: 'create', objectType: 'provider', objectId: provider.id }, ctx, manager);
      return toProviderDto(provider);
    });
  }

  async update(id: string, dto: UpdateProviderDto, ctx: RequestContext): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Provider);
      const provider = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!provider) throw new NotFoundError('No such provider.');
      await this.assertUnique(manager, dto, id);
      Object.assign(provider, dto);
      const saved = await repo.save(provider);
      await this.audit.record(
        { action: 'update', objectType: 'provider', objectId: id, detail: { fields: Object.keys(dto) } },
        ctx,
        manager,
      );
      return toProviderDto(saved);
    });
  }
}
