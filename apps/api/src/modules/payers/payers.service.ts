import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CreatePayerDto, PayerDto, PayerListItemDto, UpdatePayerDto } from './dto/payer.dto';
import { Payer } from './payer.entity';
import { ConflictError, NotFoundError } from '../../common/app-errors';

export function toPayerDto(p: Payer): PayerDto {
  return {
    id: p.id,
    name: p.name,
    payerCode: p.payerCode,
    planType: p.planType,
    phone: p.phone,
    fax: p.fax,
    portalUrl: p.portalUrl,
    notes: p.notes,
    peerToPeerDays: p.peerToPeerDays,
    active: p.active,
  };
}

async function countCases(manager: EntityManager, payerId: string): Promise<number> {
  const [{ n }] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM cases WHERE payer_id = $1`, [
    payerId,
  ]);
  return n;
}

@Injectable()
export class PayersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PayerListItemDto[]> {
    const [rows, counts] = await Promise.all([
      this.dataSource.getRepository(Payer).find({ order: { name: 'ASC' } }),
      this.dataSource.query<{ payer_id: string; n: number }[]>(
        `SELECT payer_id, count(*)::int AS n FROM cases GROUP BY payer_id`,
      ),
    ]);
    const byPayer = new Map(counts.map((c) => [c.payer_id, c.n]));
    return rows.map((p) => ({ ...toPayerDto(p), caseCount: byPayer.get(p.id) ?? 0 }));
  }

  async get(id: string): Promise<PayerDto> {
    const payer = await this.dataSource.getRepository(Payer).findOneBy({ id });
    if (!payer) throw new NotFoundError('No such payer.');
    return toPayerDto(payer);
  }

  // The unique index answers a race with a bare 409; this names the field for the form.
  private async assertPayerCodeFree(manager: EntityManager, payerCode: string, exceptId?: string): Promise<void> {
    const other = await manager.getRepository(Payer).findOneBy({ payerCode });
    if (other && other.id !== exceptId) {
      throw new ConflictError(`Payer ID ${payerCode} is already used by ${other.name}.`, 'duplicate', {
        errors: [{ field: 'payerCode', reason: `is already used by ${other.name}` }],
      });
    }
  }

  async create(dto: CreatePayerDto, ctx: RequestContext): Promise<PayerDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertPayerCodeFree(manager, dto.payerCode);
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
      if (dto.payerCode !== undefined && dto.payerCode !== payer.payerCode) {
        await this.assertPayerCodeFree(manager, dto.payerCode, id);
      }
      const archived = dto.active === false && payer.active;
      const restored = dto.active === true && !payer.active;
      Object.assign(payer, dto);
      const saved = await repo.save(payer);
      await this.audit.record(
        {
          action: 'update',
          objectType: 'payer',
          objectId: id,
          detail: { fields: Object.keys(dto), ...(archived ? { archived: true } : restored ? { restored: true } : {}) },
        },
        ctx,
        manager,
      );
      return toPayerDto(saved);
    });
  }

  /** Only a payer no case refers to is deleted; the others are archived (active = false). */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Payer);
      const payer = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!payer) throw new NotFoundError('No such payer.');
      const cases = await countCases(manager, id);
      if (cases > 0) {
        throw new ConflictError(
          `${cases} ${cases === 1 ? 'case refers' : 'cases refer'} to ${payer.name}: archive it instead, so those cases keep it.`,
          'payer_in_use',
          { caseCount: cases },
        );
      }
      await repo.delete({ id });
      await this.audit.record(
        { action: 'delete', objectType: 'payer', objectId: id, detail: { payerCode: payer.payerCode } },
        ctx,
        manager,
      );
    });
  }
}
