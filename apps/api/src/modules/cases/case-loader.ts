import { NotFoundException } from '@nestjs/common';
import type { PlanType } from '@preauth/domain';
import { EntityManager } from 'typeorm';
import { Payer } from '../payers/payer.entity';
import { CaseFailedTreatment } from './case-failed-treatment.entity';
import { CaseProcedureLine } from './case-procedure-line.entity';
import { EvidenceCounts, toSnapshot } from './case-mapping';
import { PreauthCase } from './preauth-case.entity';

export interface LoadedCase {
  row: PreauthCase;
  lines: CaseProcedureLine[];
  treatments: CaseFailedTreatment[];
  planType: PlanType;
  evidence: EvidenceCounts;
}

/**
 * Photos and physician notes arrive with the evidence feature (issue #4); until then the
 * readiness checklist does not require them (REQUIRE_EVIDENCE) and the counts are zero.
 */
export const REQUIRE_EVIDENCE = false;

async function countEvidence(_manager: EntityManager, _caseId: string): Promise<EvidenceCounts> {
  return { photoCount: 0, physicianNoteCount: 0 };
}

/** Load a case with everything its rules read; `lock` takes the row lock for a write. */
export async function loadCase(manager: EntityManager, id: string, lock = false): Promise<LoadedCase> {
  const row = await manager.getRepository(PreauthCase).findOne({
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw new NotFoundException('No such case.');
  // Sequential: inside a transaction these share one connection.
  const lines = await manager.getRepository(CaseProcedureLine).find({ where: { caseId: id }, order: { position: 'ASC' } });
  const treatments = await manager.getRepository(CaseFailedTreatment).find({ where: { caseId: id }, order: { position: 'ASC' } });
  const payer = await manager.getRepository(Payer).findOneByOrFail({ id: row.payerId });
  const evidence = await countEvidence(manager, id);
  return { row, lines, treatments, planType: payer.planType, evidence };
}

export function snapshotOf(loaded: LoadedCase) {
  return toSnapshot(loaded.row, loaded.lines, loaded.treatments, loaded.planType, loaded.evidence);
}
