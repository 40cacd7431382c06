import { clinicFormat } from '../../app/clinic';

// Where the readiness checklist's photo and note items lead on the case page.
export const EVIDENCE_SECTION_IDS: Record<string, string> = {
  photos: 'case-section-photos',
  notes: 'case-section-notes',
};

const takenFormat = clinicFormat({
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

// When a photo was taken is a day in the clinic, not an instant.
export function formatTakenAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : takenFormat().format(date);
}
