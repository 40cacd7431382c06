import type { PayerDocumentKind } from '@preauth/domain';
import type { EntityManager } from 'typeorm';

/** A payer document filed on this case (null for another case's, or none). */
export async function findCaseDocument(
  manager: EntityManager,
  caseId: string,
  id: string,
): Promise<{ kind: PayerDocumentKind; dueOn: string | null } | null> {
  const [row] = await manager.query<{ kind: PayerDocumentKind; due_on: string | null }[]>(
    `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM case_documents WHERE id = $1 AND case_id = $2`,
    [id, caseId],
  );
  return row ? { kind: row.kind, dueOn: row.due_on } : null;
}
