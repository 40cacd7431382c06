export const CASE_STATUSES = [
  'documented',
  'submitted',
  'more_info_requested',
  'approved',
  'partially_approved',
  'denied',
  'peer_to_peer',
  'appealed',
  'external_review',
  'self_pay',
  'expired',
  'withdrawn',
  'completed',
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  documented: 'Documented',
  submitted: 'Submitted',
  more_info_requested: 'More info requested',
  approved: 'Approved',
  partially_approved: 'Partially approved',
  denied: 'Denied',
  peer_to_peer: 'Peer-to-peer',
  appealed: 'Appealed',
  external_review: 'External review',
  self_pay: 'Self-pay',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  completed: 'Completed',
};

export const TERMINAL_STATUSES = [
  'expired',
  'withdrawn',
  // Every approved unit was used: the procedure is done.
  'completed',
] as const satisfies readonly CaseStatus[];

export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type OpenStatus = Exclude<CaseStatus, TerminalStatus>;

export const OPEN_STATUSES: readonly OpenStatus[] = CASE_STATUSES.filter(
  (status): status is OpenStatus => !isTerminalStatus(status),
);

export function isTerminalStatus(status: CaseStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export const URGENCIES = ['standard', 'expedited'] as const;

export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  standard: 'Standard',
  expedited: 'Expedited',
};

export function isUrgency(value: unknown): value is Urgency {
  return typeof value === 'string' && (URGENCIES as readonly string[]).includes(value);
}
