import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CreateProviderDto, ProviderDto, UpdateProviderDto } from './dto/provider.dto';
import { Provider } from './provider.entity';
import { NotFoundError } from '../../common/app-errors';

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

  async create(dto: CreateProviderDto, ctx: RequestContext): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
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
