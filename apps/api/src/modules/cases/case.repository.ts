import { normalizeCpt } from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { StaleVersionError } from '../../common/app-errors';
import { CaseFailedTreatment } from './case-failed-treatment.entity';
import { CaseProcedureLine } from './case-procedure-line.entity';
import type { FailedTreatmentInput, ProcedureLineInput } from './dto/case-input.dto';
import { PreauthCase } from './preauth-case.entity';

/**
 * Writes a change to the case row only if nobody changed it since `expectedVersion`, and bumps
 * the version; when no row matches, a concurrent writer got there first (stale → 409).
 */
export async function updateCaseAtVersion(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<PreauthCase>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(PreauthCase)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id, version: expectedVersion })
    .execute();
  if (result.affected !== 1) throw StaleVersionError.ofCase();
}

// A case's procedure lines and failed treatments are written whole: the new list replaces the old.

export async function replaceProcedureLines(
  manager: EntityManager,
  caseId: string,
  lines: ProcedureLineInput[],
): Promise<CaseProcedureLine[]> {
  const repo = manager.getRepository(CaseProcedureLine);
  await repo.delete({ caseId });
  const rows = lines.map((l, position) =>
    repo.create({
      caseId,
      position,
      cptCode: normalizeCpt(l.cpt),
      units: l.units,
      bodySite: l.bodySite,
      lesionCount: l.lesionCount,
    }),
  );
  return rows.length ? repo.save(rows) : [];
}

export async function replaceFailedTreatments(
  manager: EntityManager,
  caseId: string,
  treatments: FailedTreatmentInput[],
): Promise<CaseFailedTreatment[]> {
  const repo = manager.getRepository(CaseFailedTreatment);
  await repo.delete({ caseId });
  const rows = treatments.map((t, position) =>
    repo.create({
      caseId,
      position,
      therapy: t.therapy,
      startDate: t.startDate,
      endDate: t.endDate ?? null,
      outcome: t.outcome,
    }),
  );
  return rows.length ? repo.save(rows) : [];
}
