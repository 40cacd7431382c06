import type { EntityManager } from 'typeorm';

export interface NewPerformedProcedure {
  caseId: string;
  performedOn: string;
  units: number;
  eventId: string;
  recordedBy: string;
}

export async function insertPerformedProcedure(manager: EntityManager, entry: NewPerformedProcedure): Promise<void> {
  await manager.query(
    `INSERT INTO case_procedures_performed (case_id, performed_on, units, event_id, recorded_by)
     VALUES ($1, $2, $3, $4, $5)`,
    [entry.caseId, entry.performedOn, entry.units, entry.eventId, entry.recordedBy],
  );
}

/** The case page's performed entries, oldest first, as JSON in the page's one query. */
export const PERFORMED_PROCEDURES_JSON = `(SELECT coalesce(json_agg(json_build_object(
    'id', pp.id, 'performedOn', to_char(pp.performed_on, 'YYYY-MM-DD'), 'units', pp.units,
    'recordedBy', u.display_name, 'recordedAt', pp.created_at)
    ORDER BY pp.performed_on, pp.created_at), '[]')
  FROM case_procedures_performed pp LEFT JOIN users u ON u.id = pp.recorded_by WHERE pp.case_id = c.id)`;
