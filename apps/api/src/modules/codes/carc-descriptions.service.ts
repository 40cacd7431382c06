import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CARC_DENIAL_CODES,
  carcReasonOf,
  checkCarcDescription,
  findBuiltInCarcDescription,
  normalizeCarcCode,
} from '@preauth/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { CarcDescription } from './carc-description.entity';
import type { AddCarcDescriptionDto, CarcCodeDto } from './dto/carc-description.dto';

/** Denial reason descriptions: libs/domain's, then the ones managers added for other codes. */
@Injectable()
export class CarcDescriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CarcCodeDto[]> {
    const added = await this.dataSource.getRepository(CarcDescription).find({ order: { code: 'ASC' } });
    return [
      ...CARC_DENIAL_CODES.map(({ code, description }) => ({ code, description, builtIn: true })),
      ...added.map(({ code, description }) => ({ code, description, builtIn: false })),
    ];
  }

  /** Reason → description of every code managers described (a few dozen rows at most). */
  async addedDescriptions(manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = await manager.getRepository(CarcDescription).find();
    return new Map(rows.map((r) => [r.reasonCode, r.description]));
  }

  /** A code's description from libs/domain or the clinic's table; null when nobody described it. */
  async describe(code: string | null): Promise<string | null> {
    if (!code) return null;
    const builtIn = findBuiltInCarcDescription(code);
    if (builtIn) return builtIn;
    const row = await this.dataSource.getRepository(CarcDescription).findOneBy({ reasonCode: carcReasonOf(code) });
    return row?.description ?? null;
  }

  async add(dto: AddCarcDescriptionDto, ctx: RequestContext): Promise<CarcCodeDto> {
    const code = normalizeCarcCode(dto.code);
    const [problem] = checkCarcDescription(code, dto.description);
    if (problem) {
      if (problem.field === 'code' && findBuiltInCarcDescription(code))
        throw new ConflictError(problem.reason, 'described');
      throw fieldError(problem.field, problem.reason, 400, problem.reason);
    }
    const description = dto.description.trim();
    return this.dataSource.transaction(async (manager) => {
      // Described once: the first description stands (ON CONFLICT keeps a concurrent second out).
      const inserted = await manager.query<{ reason_code: string }[]>(
        `INSERT INTO carc_descriptions (reason_code, code, description, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (reason_code) DO NOTHING RETURNING reason_code`,
        [carcReasonOf(code), code, description, ctx.user.id],
      );
      if (inserted.length === 0) {
        const existing = await manager
          .getRepository(CarcDescription)
          .findOneByOrFail({ reasonCode: carcReasonOf(code) });
        throw new ConflictError(`${existing.code} is already described: "${existing.description}".`, 'described');
      }
      await this.audit.record(
        { action: 'create', objectType: 'carc_description', objectId: code, detail: { code } },
        ctx,
        manager,
      );
      return { code, description, builtIn: false };
    });
  }
}
