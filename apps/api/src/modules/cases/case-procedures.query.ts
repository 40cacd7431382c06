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

/**
 * A case (as `c`) whose approval has units left: a partial approval names its units, a full one
 * covers every unit requested (libs/domain approvedUnitsOf, in SQL for the jobs' queries).
 */
export const UNITS_LEFT_SQL = `c.units_used < coalesce(c.approved_units,
  (SELECT sum(l.units) FROM case_procedure_lines l WHERE l.case_id = c.id), 1)`;
