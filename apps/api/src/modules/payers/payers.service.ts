import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CreatePayerDto, PayerDto, UpdatePayerDto } from './dto/payer.dto';
import { Payer } from './payer.entity';
import { NotFoundError } from '../../common/app-errors';

export function toPayerDto(p: Payer): PayerDto {
  return {
    id: p.id,
    name: p.name,
    payerCode: p.payerCode,
    planType: p.planType,
    phone: p.phone,
    portalUrl: p.portalUrl,
    peerToPeerDays: p.peerToPeerDays,
    active: p.active,
  };
}

@Injectable()
export class PayersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PayerDto[]> {
    const rows = await this.dataSource.getRepository(Payer).find({ order: { name: 'ASC' } });
    return rows.map(toPayerDto);
  }

  async get(id: string): Promise<PayerDto> {
    const payer = await this.dataSource.getRepository(Payer).findOneBy({ id });
    if (!payer) throw new NotFoundError('No such payer.');
    return toPayerDto(payer);
  }

  async create(dto: CreatePayerDto, ctx: RequestContext): Promise<PayerDto> {
    return this.dataSource.transaction(async (manager) => {
      const payer = await manager.getRepository(Payer).save(manager.getRepository(Payer).create({ ...dto }));
      await this.audit.record({ action: 'create', objectType: 'payer', objectId: payer.id }, ctx, manager);
      return toPayerDto(payer);
    });
  }

  async update(id: string, dto: UpdatePayerDto, ctx: RequestContext): Promise<PayerDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Payer);
      const payer = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!payer) throw new NotFoundError('No such payer.');
      Object.assign(payer, dto);
      const saved = await repo.save(payer);
      await this.audit.record(
        { action: 'update', objectType: 'payer', objectId: id, detail: { fields: Object.keys(dto) } },
        ctx,
        manager,
      );
      return toPayerDto(saved);
    });
  }
}
