const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const NO_VALUE = '—';

// The API sends shares as fractions (0.4286), null when there is nothing to divide by.
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? NO_VALUE : percentFormat.format(share);
}

export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined || !Number.isFinite(count) ? NO_VALUE : countFormat.format(count);
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// Payers answer in hours (expedited) or days (standard): pick the unit a reader expects.
export function formatDuration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return NO_VALUE;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 72) return `${oneDecimal.format(hours)} h`;
  return `${oneDecimal.format(hours / 24)} d`;
}

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return NO_VALUE;
  return `${oneDecimal.format(days)} d`;
}

const monthFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });

export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

export const STAGE_LABELS: Record<string, string> = {
  peer_to_peer: 'Peer-to-peer',
  appeal_1: 'First-level appeal',
  appeal_2: 'Second-level appeal',
  external_review: 'External review',
};

export const URGENCY_LABELS: Record<string, string> = { standard: 'Standard', expedited: 'Expedited' };

export const MISS_LABELS: Record<string, string> = {
  appeal_window_missed: 'Appeal window missed',
  approval_expired_unused: 'Approval expired unused',
};
