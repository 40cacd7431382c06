import type { DeadlineRule } from '@preauth/domain';
import { EntityManager } from 'typeorm';
import { LoadedCase, loadCase, snapshotOf } from '../cases/case-loader';
import { CaseNote } from '../evidence/case-note.entity';
import { CasePhoto } from '../evidence/case-photo.entity';
import { Patient } from '../patients/patient.entity';
import { Payer } from '../payers/payer.entity';
import { Provider } from '../providers/provider.entity';

/** Everything a letter, the appeal packet or a FHIR export says about one case. */
export interface CaseDossier {
  loaded: LoadedCase;
  patient: Patient;
  payer: Payer;
  provider: Provider;
  /** Photos not deleted, oldest first (as taken). */
  photos: CasePhoto[];
  /** The current version of each note (a version no later version replaced), oldest first. */
  notes: (CaseNote & { authorName: string | null })[];
  rule: DeadlineRule;
}

export async function loadDossier(
  manager: EntityManager,
  caseId: string,
  getRule: (planType: LoadedCase['planType'], manager: EntityManager) => Promise<DeadlineRule>,
): Promise<CaseDossier> {
  const loaded = await loadCase(manager, caseId);
  const { row } = loaded;
  const patient = await manager.getRepository(Patient).findOneByOrFail({ id: row.patientId });
  const payer = await manager.getRepository(Payer).findOneByOrFail({ id: row.payerId });
  const provider = await manager.getRepository(Provider).findOneByOrFail({ id: row.providerId });
  const photos = await manager
    .getRepository(CasePhoto)
    .createQueryBuilder('p')
    .where('p.case_id = :caseId AND p.deleted_at IS NULL', { caseId })
    .orderBy('p.taken_at', 'ASC')
    .addOrderBy('p.id', 'ASC')
    .getMany();
  const noteRows = await manager.query<Record<string, unknown>[]>(
    `SELECT n.id, n.kind, n.text, n.author_id, n.version, n.root_id, n.previous_id, n.created_at, u.display_name
       FROM case_notes n LEFT JOIN users u ON u.id = n.author_id
      WHERE n.case_id = $1 AND NOT EXISTS (SELECT 1 FROM case_notes later WHERE later.previous_id = n.id)
      ORDER BY n.created_at ASC, n.id ASC`,
    [caseId],
  );
  const notes = noteRows.map((n) =>
    Object.assign(new CaseNote(), {
      id: n.id as string,
      caseId,
      kind: n.kind as CaseNote['kind'],
      text: n.text as string,
      authorId: n.author_id as string,
      version: Number(n.version),
      rootId: n.root_id as string,
      previousId: (n.previous_id as string | null) ?? null,
      createdAt: n.created_at as Date,
      authorName: (n.display_name as string | null) ?? null,
    }),
  );
  const rule = await getRule(loaded.planType, manager);
  return { loaded, patient, payer, provider, photos, notes, rule };
}

export const dossierSnapshot = (d: CaseDossier) => snapshotOf(d.loaded);
