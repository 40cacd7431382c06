import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/app-errors';

/**
 * The patient of a case, whom every evidence audit row names. With `lock`, a share lock on the case
 * row orders an evidence write against a transition that reads the case's evidence.
 */
export async function findCasePatient(manager: EntityManager, caseId: string, lock = false): Promise<string> {
  const rows = await manager.query<{ patient_id: string }[]>(
    `SELECT patient_id FROM cases WHERE id = $1${lock ? ' FOR SHARE' : ''}`,
    [caseId],
  );
  if (!rows.length) throw new NotFoundError('No such case.');
  return rows[0].patient_id;
}
