import sharp from 'sharp';
import { apiAs, createOwnCase, ownPatients } from './session';

const DAY = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const clinicDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });
/** The demo clinic's calendar day (America/New_York) of an instant, as YYYY-MM-DD, as date inputs take it. */
export const clinicDayOf = (instant: Date | string) => clinicDayFormat.format(new Date(instant));
/** The clinic's day `n` days from today (negative: before). */
export const clinicDay = (n: number) => clinicDayOf(new Date(Date.now() + n * DAY));

export interface OwnPatient {
  mrnPrefix: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

/**
 * A case of the journey's own, complete (a clinical note, a photo) and submitted ten days ago by
 * the front desk, so journeys running beside it cannot move it. Returns its id and version.
 */
export async function createSubmittedCase(
  patient: OwnPatient,
  lesions: { bodySite: string; lesionCount: number; noteText: string },
): Promise<{ id: string; version: number }> {
  const physician = await apiAs('physician@demo.clinic');
  const frontDesk = await apiAs('frontdesk@demo.clinic');
  const payers = (await physician('GET', '/api/payers')) as unknown as { id: string }[];
  const providers = (await physician('GET', '/api/providers')) as unknown as { id: string }[];
  const created = await physician('POST', '/api/patients', {
    mrn: `${patient.mrnPrefix}-${Date.now()}`,
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    sex: 'female',
  });
  const detail = await physician('POST', '/api/cases', {
    patientId: created.id,
    payerId: payers[0].id,
    providerId: providers[0].id,
    procedureLines: [{ cpt: '17110', units: 1, bodySite: lesions.bodySite, lesionCount: lesions.lesionCount }],
    diagnoses: ['L72.0'],
    findings: { criteria: ['itching', 'burning'], symptoms: 'Itching and burning', symptomDurationWeeks: 30 },
    failedTreatments: [
      { therapy: 'Topical retinol', startDate: '2026-01-05', endDate: '2026-04-01', outcome: 'Little result' },
    ],
  });
  const id = detail.id as string;
  await physician('POST', `/api/cases/${id}/notes`, { kind: 'clinical_note', text: lesions.noteText });
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 60 } } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('bodySite', lesions.bodySite);
  form.append('lesionCount', String(lesions.lesionCount));
  form.append('takenAt', daysAgo(12).slice(0, 10));
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'lesions.jpg');
  await physician('POST', `/api/cases/${id}/photos`, form);
  const submitted = await frontDesk(
    'POST',
    `/api/cases/${id}/transitions`,
    { to: 'submitted', occurredAt: daysAgo(10) },
    { 'if-match': String(detail.version) },
  );
  return { id, version: submitted.version as number };
}

/**
 * Three cases of a journey's own, found by a surname nobody else has: Ada's and Bea's submitted,
 * Cy's documented. A list filtered to them keeps its rows while journeys running beside it move
 * demo cases between states.
 */
export async function createOwnList(prefix: string): Promise<{ surname: string }> {
  const { surname, patient } = ownPatients(prefix);
  const lesions = { bodySite: 'left cheek', lesionCount: 4, noteText: 'Milia on the left cheek, itching.' };
  const own = (firstName: string, n: number) => {
    const { mrn, lastName, dateOfBirth } = patient(firstName, n);
    return { mrnPrefix: mrn, firstName, lastName, dateOfBirth };
  };
  await createSubmittedCase(own('Ada', 1), lesions);
  await createSubmittedCase(own('Bea', 2), lesions);
  await createOwnCase('frontdesk@demo.clinic', patient('Cy', 3), { bodySite: lesions.bodySite, lesionCount: 4 });
  return { surname };
}
