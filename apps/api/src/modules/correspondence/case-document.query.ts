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

export interface FiledDocumentRow {
  id: string;
  kind: PayerDocumentKind;
  receivedOn: string;
  createdAt: string;
}

/** The payer documents filed on a case, without their content. */
export async function listCaseDocuments(manager: EntityManager, caseId: string): Promise<FiledDocumentRow[]> {
  return manager.query<FiledDocumentRow[]>(
    `SELECT id, kind, to_char(received_on, 'YYYY-MM-DD') AS "receivedOn",
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
       FROM case_documents WHERE case_id = $1`,
    [caseId],
  );
}

/** The stored PDF of one payer document. */
export async function readCaseDocumentContent(manager: EntityManager, id: string): Promise<Buffer> {
  const [row] = await manager.query<{ content: Buffer }[]>(`SELECT content FROM case_documents WHERE id = $1`, [id]);
  return row.content;
}
