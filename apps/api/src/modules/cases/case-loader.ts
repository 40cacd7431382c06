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

/** The readiness checklist requires a photo and a physician's clinical note (issue #4). */
export const REQUIRE_EVIDENCE = true;

/**
 * Photos not deleted, and clinical notes by physicians counted once per note (its latest
 * version: an edited note is still one note).
 */
async function countEvidence(manager: EntityManager, caseId: string): Promise<EvidenceCounts> {
  const [row] = (await manager.query(
    `SELECT
       (SELECT count(*)::int FROM case_photos WHERE case_id = $1 AND deleted_at IS NULL) AS photos,
       (SELECT count(*)::int FROM case_notes n JOIN users u ON u.id = n.author_id
         WHERE n.case_id = $1 AND n.kind = 'clinical_note' AND 'physician' = ANY (u.roles)
           AND NOT EXISTS (SELECT 1 FROM case_notes newer WHERE newer.previous_id = n.id)) AS notes`,
    [caseId],
  )) as { photos: number; notes: number }[];
  return { photoCount: row.photos, physicianNoteCount: row.notes };
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
