import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseTagLimitProblem, isTerminalStatus, refuseOwnerChange } from '@preauth/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RuleViolatedError } from '../../common/app-errors';
import type { RequestContext } from '../../common/request-context.decorator';
import { CaseTagsService } from './case-tags.service';
import { CaseWorkService, type LockedCase } from './case-work.service';
import type { BulkAddTagDto, BulkResultDto, BulkSetFollowUpDto, BulkSetOwnerDto } from './dto/work.dto';

interface Refusal {
  caseId: string;
  caseNumber: string | null;
  reason: string;
}

type LockedBulkCase = LockedCase & { case_number: string };

/**
 * One change to many selected cases: each case is checked by the rule of the single change, and
 * either every case is changed (each with its event and audit row, in one transaction) or none is
 * and the answer (422) names each case refused and why.
 */
@Injectable()
export class CaseBulkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: CaseWorkService,
    private readonly tags: CaseTagsService,
  ) {}

  setOwner(dto: BulkSetOwnerDto, ctx: RequestContext): Promise<BulkResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lockCases(manager, dto.caseIds);
      const owner = await this.work.newOwner(manager, dto.ownerId);
      refuseAny(
        rows.map((row) => {
          const reason = refuseOwnerChange({
            actorId: ctx.user.id,
            actorRoles: ctx.user.roles,
            currentOwnerId: row.owner_id,
            newOwnerId: dto.ownerId,
            caseStatus: row.status,
          });
          return reason ? { caseId: row.id, caseNumber: row.case_number, reason } : null;
        }),
      );
      const result: BulkResultDto = { changed: [], unchanged: [] };
      for (const row of rows) {
        if (row.owner_id === dto.ownerId) {
          result.unchanged.push(row.id);
          continue;
        }
        await this.work.writeOwner(manager, row, owner, ctx);
        result.changed.push(row.id);
      }
      return result;
    });
  }

  setFollowUp(dto: BulkSetFollowUpDto, ctx: RequestContext): Promise<BulkResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lockCases(manager, dto.caseIds);
      refuseAny(
        rows.map((row) =>
          isTerminalStatus(row.status)
            ? { caseId: row.id, caseNumber: row.case_number, reason: 'A closed case needs no follow-up.' }
            : null,
        ),
      );
      const reason = dto.date ? (dto.reason ?? null) : null;
      for (const row of rows) await this.work.writeFollowUp(manager, row, dto.date, reason, ctx);
      return { changed: rows.map((row) => row.id), unchanged: [] };
    });
  }

  addTag(dto: BulkAddTagDto, ctx: RequestContext): Promise<BulkResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lockCases(manager, dto.caseIds);
      const counts = await this.tags.counts(manager, dto.caseIds, dto.tag);
      refuseAny(
        rows.map((row) => {
          const tags = counts.get(row.id);
          const reason = tags?.has ? null : caseTagLimitProblem(tags?.count ?? 0);
          return reason ? { caseId: row.id, caseNumber: row.case_number, reason } : null;
        }),
      );
      const tag = await this.tags.spelling(manager, dto.tag);
      const result: BulkResultDto = { changed: [], unchanged: [] };
      for (const row of rows) {
        if (await this.tags.writeTag(manager, row, tag, ctx)) result.changed.push(row.id);
        else result.unchanged.push(row.id);
      }
      return result;
    });
  }

  /** The cases, locked in id order (two bulk changes never wait on each other in a circle); unknown ids are refused. */
  private async lockCases(manager: EntityManager, caseIds: string[]): Promise<LockedBulkCase[]> {
    const rows = await manager.query<LockedBulkCase[]>(
      `SELECT id, case_number, status, owner_id, patient_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [caseIds],
    );
    const found = new Set(rows.map((row) => row.id));
    refuseAny(
      caseIds
        .filter((id) => !found.has(id))
        .map((caseId) => ({ caseId, caseNumber: null, reason: 'There is no such case.' })),
    );
    return rows;
  }
}

function refuseAny(refusals: (Refusal | null)[]): void {
  const refused = refusals.filter((r): r is Refusal => r !== null);
  if (!refused.length) return;
  const named = refused.map((r) => r.caseNumber ?? r.caseId);
  throw new RuleViolatedError(
    `Nothing was changed: ${refused.length === 1 ? 'one case refuses' : `${refused.length} cases refuse`} the change (${named.slice(0, 10).join(', ')}${named.length > 10 ? ', …' : ''}).`,
    'bulk_refused',
    { refused },
  );
}
