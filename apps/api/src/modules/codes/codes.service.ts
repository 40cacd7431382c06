import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeIcd10, toLocalDate } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { fieldError } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import {
  CptCodeDto,
  CreateLayTermDto,
  Icd10ReleaseDto,
  Icd10SearchDto,
  LayTermDto,
  UpdateLayTermDto,
} from './dto/codes.dto';
import { Icd10LayTerm } from './icd10-lay-term.entity';
import { RELEASE_FOR_DATE_SQL, searchIcd10 } from './icd10-search.query';

interface ReleaseRow extends Omit<Icd10ReleaseDto, 'loadedAt'> {
  id: number;
  covers: boolean;
  loadedAt: Date;
}

const toReleaseDto = ({ id: _id, covers: _covers, loadedAt, ...rest }: ReleaseRow): Icd10ReleaseDto => ({
  ...rest,
  loadedAt: loadedAt.toISOString(),
});

const toTermDto = (row: Icd10LayTerm): LayTermDto => ({
  id: row.id,
  term: row.term,
  code: row.code,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

@Injectable()
export class CodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Preauth's labels, or the clinic's licensed descriptors where it loaded them. */
  async cpt(): Promise<CptCodeDto[]> {
    return this.dataSource.query<CptCodeDto[]>(
      `SELECT c.code, coalesce(d.long_descriptor, c.description) AS description, c.description AS label,
              d.code IS NOT NULL AS licensed, c.cosmetic_risk AS "cosmeticRisk", c.descriptor_verified AS "descriptorVerified"
         FROM cpt_codes c LEFT JOIN cpt_descriptors d ON d.code = c.code
        ORDER BY c.code`,
    );
  }

  async releases(): Promise<Icd10ReleaseDto[]> {
    const rows = await this.dataSource.query<ReleaseRow[]>(
      `SELECT id, name, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo", code_count AS "codeCount",
              source_file AS "sourceFile", source_sha256 AS "sourceSha256", loaded_at AS "loadedAt", true AS covers
         FROM code_set_releases WHERE code_set = 'icd10cm' ORDER BY effective_from DESC`,
    );
    return rows.map(toReleaseDto);
  }

  async searchIcd10(q: string | undefined, date: string | undefined, timeZone: string): Promise<Icd10SearchDto> {
    const [release] = await this.dataSource.query<ReleaseRow[]>(RELEASE_FOR_DATE_SQL, [
      date ?? toLocalDate(new Date(), timeZone),
    ]);
    if (!release) return { release: null, coversDate: false, items: [] };
    const text = q?.trim() ?? '';
    const items = text ? await searchIcd10(this.dataSource, release.id, text) : [];
    return { release: toReleaseDto(release), coversDate: release.covers, items };
  }

  async listTerms(): Promise<LayTermDto[]> {
    const rows = await this.dataSource.getRepository(Icd10LayTerm).find({ order: { term: 'ASC' } });
    return rows.map(toTermDto);
  }

  async createTerm(dto: CreateLayTermDto, ctx: RequestContext): Promise<LayTermDto> {
    return this.dataSource.transaction(async (manager) => {
      const code = await this.assertBillable(manager, dto.code);
      await this.assertTermFree(manager, dto.term);
      const row = await manager
        .getRepository(Icd10LayTerm)
        .save({ term: dto.term, code, note: dto.note?.trim() || null, updatedAt: new Date() });
      await this.recordTermChange('create', row, ctx, manager);
      return toTermDto(row);
    });
  }

  async updateTerm(id: number, dto: UpdateLayTermDto, ctx: RequestContext): Promise<LayTermDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Icd10LayTerm);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('No such lay term.');
      if (dto.code !== undefined) row.code = await this.assertBillable(manager, dto.code);
      if (dto.term !== undefined && dto.term.toLowerCase() !== row.term.toLowerCase()) {
        await this.assertTermFree(manager, dto.term);
      }
      if (dto.term !== undefined) row.term = dto.term;
      if (dto.note !== undefined) row.note = dto.note?.trim() || null;
      row.updatedAt = new Date();
      const saved = await repo.save(row);
      await this.recordTermChange('update', saved, ctx, manager);
      return toTermDto(saved);
    });
  }

  async deleteTerm(id: number, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(Icd10LayTerm).findOneBy({ id });
      if (!row) throw new NotFoundError('No such lay term.');
      await manager.getRepository(Icd10LayTerm).delete({ id });
      await this.recordTermChange('delete', row, ctx, manager);
    });
  }

  private recordTermChange(
    action: 'create' | 'update' | 'delete',
    row: Icd10LayTerm,
    ctx: RequestContext,
    manager: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      { action, objectType: 'icd10_lay_term', objectId: String(row.id), detail: { term: row.term, code: row.code } },
      ctx,
      manager,
    );
  }

  // A term must lead to a code a request can carry: a billable code of the newest release.
  private async assertBillable(manager: EntityManager, code: string): Promise<string> {
    const normalized = normalizeIcd10(code);
    const [found] = await manager.query<{ release: string }[]>(
      `SELECT r.name AS release FROM icd10_codes c JOIN code_set_releases r ON r.id = c.release_id
        WHERE c.code = $1 AND r.id = (SELECT id FROM code_set_releases WHERE code_set = 'icd10cm' ORDER BY effective_from DESC LIMIT 1)`,
      [normalized],
    );
    if (!found) throw fieldError('code', `${normalized} is not a billable code of the newest ICD-10-CM release`);
    return normalized;
  }

  private async assertTermFree(manager: EntityManager, term: string): Promise<void> {
    const taken = await manager
      .getRepository(Icd10LayTerm)
      .createQueryBuilder('t')
      .where('lower(t.term) = lower(:term)', { term })
      .getExists();
    if (taken) throw new ConflictError(`The lay term "${term}" already exists.`);
  }
}
