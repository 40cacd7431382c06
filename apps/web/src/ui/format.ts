import { clinicFormat } from '../app/clinic';

const dateTimeFormat = clinicFormat({
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const dayFormat = clinicFormat({}, 'en-CA');

const dateFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat().format(date);
}

// A calendar date (YYYY-MM-DD) has no zone: format it as-is, not shifted into another day.
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return '—';
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat.format(parsed);
}

// Today in the clinic's zone, as YYYY-MM-DD (the default for "when did this happen" fields).
export function todayInClinic(now = new Date()): string {
  return dayFormat().format(now);
}

// Clinics often prefix MRNs with "MRN-"; do not print "MRN MRN-…".
export function formatMrn(mrn: string): string {
  return /^mrn/i.test(mrn) ? mrn : `MRN ${mrn}`;
}

/** An hour of the clinic's day (0–23) as on a clock: 07:00. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
