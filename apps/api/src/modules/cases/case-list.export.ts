import {
  CASE_CSV_DEFAULT_COLUMNS,
  PLAN_TYPE_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
  toLocalDate,
  type CaseOptionalColumn,
} from '@preauth/domain';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { csvLine } from '../../common/csv';
import { caseListQuery, readCasePage } from './case-list.query';
import type { ExportCasesQuery, ListCasesQuery } from './dto/case-input.dto';
import type { CaseSummaryDto } from './dto/case-output.dto';

const localDate = (iso: string, timeZone: string) => toLocalDate(new Date(iso), timeZone);

type CsvColumn = [string, (c: CaseSummaryDto, timeZone: string) => unknown, CaseOptionalColumn?];

/**
 * The list's CSV columns, in the order a spreadsheet shows them; dates are clinic-local days. The
 * ones tagged with an optional column are there only when it is chosen (CASE_CSV_DEFAULT_COLUMNS
 * when the export names none).
 */
const COLUMNS: readonly CsvColumn[] = [
  ['Case number', (c) => c.caseNumber],
  ['Patient', (c) => c.patient.name],
  ['MRN', (c) => c.patient.mrn],
  ['Date of birth', (c) => c.patient.dateOfBirth],
  ['Member ID', (c) => c.patient.memberId],
  ['Payer', (c) => c.payer.name],
  ['Plan type', (c) => PLAN_TYPE_LABELS[c.payer.planType]],
  ['Physician', (c) => c.provider.name],
  ['CPT codes', (c) => c.cptCodes.join(' ')],
  ['State', (c) => STATUS_LABELS[c.status]],
  ['Urgency', (c) => URGENCY_LABELS[c.urgency]],
  ['Clock', (c) => c.currentClock?.label],
  ['Due date', (c) => c.currentClock?.dueDate],
  ['Overdue', (c) => (c.currentClock ? (c.currentClock.overdue ? 'Yes' : 'No') : '')],
  ['Authorization number', (c) => c.authorizationNumber, 'authorization_number'],
  ['Valid from', (c) => c.validFrom, 'validity'],
  ['Valid to', (c) => c.validTo, 'validity'],
  ['Denial date', (c, tz) => (c.deniedAt ? localDate(c.deniedAt, tz) : null), 'denied_at'],
  ['CARC', (c) => c.denialCode, 'denial_code'],
  ['Owner', (c) => c.owner?.name, 'owner'],
  ['Tags', (c) => c.tags.join(', '), 'tags'],
  ['Appeal level', (c) => c.appealLevel],
  ['Procedure scheduled', (c) => c.procedureScheduledOn],
  ['Units used', (c) => c.unitsUsed],
  ['Created', (c, tz) => localDate(c.createdAt, tz)],
  ['Last change', (c, tz) => localDate(c.updatedAt, tz), 'last_activity'],
];

function csvColumns(chosen: readonly CaseOptionalColumn[] = CASE_CSV_DEFAULT_COLUMNS): CsvColumn[] {
  return COLUMNS.filter(([, , optional]) => !optional || chosen.includes(optional));
}

/** The CSV's headers for these optional columns (the default set when none are named). */
export const caseCsvHeaders = (chosen?: readonly CaseOptionalColumn[]) => csvColumns(chosen).map(([header]) => header);

/** Pages of this size are read one after another while the response streams. */
const EXPORT_PAGE = 100;

/**
 * Every case the list's filters match, in the list's order, as CSV: read page by page along the
 * same keyset (each page one index range read), so memory stays flat whatever the count. The
 * query is checked before the stream starts, so bad filters still get a 400, not a cut response.
 */
export function caseListCsv(dataSource: DataSource, query: ExportCasesQuery, timeZone: string): Readable {
  const { columns: chosen, ...filters } = query;
  const pageQuery: ListCasesQuery = { ...filters, cursor: undefined, limit: EXPORT_PAGE };
  caseListQuery(pageQuery, timeZone);
  const columns = csvColumns(chosen);
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(columns.map(([header]) => header));
    let cursor: string | undefined;
    do {
      const page = await readCasePage(dataSource, { ...pageQuery, cursor }, timeZone);
      yield page.items.map((item) => csvLine(columns.map(([, value]) => value(item, timeZone)))).join('');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return Readable.from(lines());
}
