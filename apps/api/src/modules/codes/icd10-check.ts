import { classifyIcd10, type Icd10Entry, type Icd10Lookup, type Icd10ReleaseCheck } from '@preauth/domain';
import type { EntityManager } from 'typeorm';

interface RawCodeFacts {
  description: string | null;
  childCount: number;
  children: Icd10Entry[];
}

export interface RawIcd10Check {
  release: string;
  serviceDate: string;
  coversServiceDate: boolean;
  codes: Record<string, RawCodeFacts>;
}

/**
 * SQL for a request's diagnoses looked up in the release for its date of service (the
 * database's icd10_check function). Without a planned date, today's date in the database
 * server's zone: a release changes on October 1, and that day's cases carry a date anyway.
 */
export function icd10CheckSql(diagnoses: string, plannedServiceDate: string): string {
  return `icd10_check(${diagnoses}, coalesce(${plannedServiceDate}, current_date))`;
}

/** The database's facts about each code, classified by the domain's rule. */
export function toIcd10Check(raw: RawIcd10Check | null): Icd10ReleaseCheck | null {
  if (!raw) return null;
  const codes: Record<string, Icd10Lookup> = {};
  for (const [code, facts] of Object.entries(raw.codes)) {
    codes[code] = classifyIcd10(
      code,
      facts.description === null ? undefined : { code, description: facts.description },
      facts.children,
      facts.childCount,
    );
  }
  return { release: raw.release, serviceDate: raw.serviceDate, coversServiceDate: raw.coversServiceDate, codes };
}

export async function checkIcd10(
  manager: EntityManager,
  diagnoses: readonly string[],
  plannedServiceDate: string | null,
): Promise<Icd10ReleaseCheck | null> {
  const [row] = await manager.query<{ check: RawIcd10Check | null }[]>(
    `SELECT ${icd10CheckSql('$1::text[]', '$2::date')} AS "check"`,
    [diagnoses, plannedServiceDate],
  );
  return toIcd10Check(row?.check ?? null);
}
