// The case list's optional columns: what the column chooser offers on All cases, and what the
// list's CSV export adds when they are chosen. Each is a value of the case's own row, except the
// tags (one index read per row shown, by the case's id), so showing it changes nothing in how the
// list is read.

export const CASE_OPTIONAL_COLUMNS = [
  'denied_at',
  'denial_code',
  'authorization_number',
  'validity',
  'owner',
  'last_activity',
  'tags',
] as const;
export type CaseOptionalColumn = (typeof CASE_OPTIONAL_COLUMNS)[number];

export const CASE_OPTIONAL_COLUMN_LABELS: Record<CaseOptionalColumn, string> = {
  denied_at: 'Denial date',
  denial_code: 'CARC',
  authorization_number: 'Authorization number',
  validity: 'Validity',
  owner: 'Owner',
  last_activity: 'Last activity',
  tags: 'Tags',
};

/** What the CSV export carried before columns could be chosen, and still carries when none are named. */
export const CASE_CSV_DEFAULT_COLUMNS: readonly CaseOptionalColumn[] = ['authorization_number', 'last_activity'];
