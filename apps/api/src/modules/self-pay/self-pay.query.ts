import type { CaseStatus } from '@preauth/domain';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/app-errors';
import { FinancialWaiver } from './financial-waiver.entity';
import { SelfPayConversion } from './self-pay-conversion.entity';

export interface SelfPayCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  patientId: string;
  patientName: string;
  dateOfBirth: string;
  payerName: string;
}

/** The case facts a waiver prints; with `lock`, the case row is held until the waiver is stored. */
export async function findSelfPayCase(manager: EntityManager, caseId: string, lock = false): Promise<SelfPayCase> {
  const rows = await manager.query<Record<string, string>[]>(
    `SELECT c.id, c.case_number, c.status, c.patient_id, p.first_name || ' ' || p.last_name AS patient_name,
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, y.name AS payer_name
       FROM cases c JOIN patients p ON p.id = c.patient_id JOIN payers y ON y.id = c.payer_id
      WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId],
  );
  if (!rows.length) throw new NotFoundError('No such case.');
  const r = rows[0];
  return {
    id: r.id,
    caseNumber: r.case_number,
    status: r.status as CaseStatus,
    patientId: r.patient_id,
    patientName: r.patient_name,
    dateOfBirth: r.date_of_birth,
    payerName: r.payer_name,
  };
}

/** The case's latest conversion to self-pay whose step was not taken back. */
export async function findCurrentConversion(manager: EntityManager, caseId: string): Promise<SelfPayConversion | null> {
  return manager
    .getRepository(SelfPayConversion)
    .createQueryBuilder('s')
    .where('s.case_id = :caseId', { caseId })
    .andWhere(`NOT EXISTS (SELECT 1 FROM case_events r WHERE r.corrects_event_id = s.event_id AND r.type = 'reversal')`)
    .orderBy('s.event_id', 'DESC')
    .getOne();
}

export async function findWaiverOf(manager: EntityManager, conversionEventId: string): Promise<FinancialWaiver | null> {
  return manager
    .getRepository(FinancialWaiver)
    .findOne({ where: { conversionEventId }, relations: { collectedBy: true } });
}

export async function findWaiverFile(
  manager: EntityManager,
  id: string,
): Promise<Pick<FinancialWaiver, 'caseId' | 'fileName' | 'pdf'> | null> {
  return manager
    .getRepository(FinancialWaiver)
    .createQueryBuilder('w')
    .select(['w.caseId', 'w.fileName'])
    .addSelect('w.pdf')
    .where('w.id = :id', { id })
    .getOne();
}
