import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { createUser, TEST_PASSWORD, type SignedIn } from './auth';
import type { TestApp } from './create-test-app';

/**
 * Inserts one photo row and one physician clinical note straight into the database, so a case
 * passes the evidence items of the readiness checklist. For tests about something else: the
 * photo row has no file behind it (GET /api/photos/:id answers 404 for it).
 */
export async function addEvidence(t: TestApp, caseId: string): Promise<{ photoId: string; noteId: string }> {
  const physician = await createUser(t, 'physician');
  const photoId = randomUUID();
  const noteId = randomUUID();
  await t.db.query(
    `INSERT INTO case_photos (id, case_id, uploaded_by, body_site, lesion_count, taken_at, original_name, original_type,
       original_size, original_sha256, content_type, byte_size, width, height, storage_key, thumbnail_key)
     VALUES ($1, $2, $3, 'Behind both ears', 9, now() - interval '1 day', 'fixture.jpg', 'jpeg', 1, $4, 'image/jpeg', 1, 1, 1, $5, $6)`,
    [photoId, caseId, physician.id, '0'.repeat(64), `${photoId}.jpg`, `${photoId}-thumb.webp`],
  );
  await t.db.query(
    `INSERT INTO case_notes (id, case_id, kind, text, author_id, version, root_id) VALUES ($1, $2, 'clinical_note', $3, $4, 1, $1)`,
    [noteId, caseId, 'Multiple milia behind both ears, itching and burning for 30 weeks.', physician.id],
  );
  return { photoId, noteId };
}

/**
 * A real photo (a small JPEG, behind the left ear) uploaded and a letter of medical necessity
 * signed by `physician`, through the API: for tests that send the evidence somewhere.
 */
export async function addPhotoAndSignedLetter(physician: SignedIn, caseId: string): Promise<{ letterId: string }> {
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 180, g: 90, b: 90 } } })
    .jpeg()
    .toBuffer();
  await physician
    .post(`/api/cases/${caseId}/photos`)
    .field('bodySite', 'Behind the left ear')
    .field('lesionCount', '6')
    .field('takenAt', '2026-11-02T15:00:00Z')
    .attach('file', jpeg, 'ear.jpg')
    .expect(201);
  const letter = await physician.post(`/api/cases/${caseId}/letters`).send({ kind: 'medical_necessity' }).expect(201);
  await physician
    .post(`/api/cases/${caseId}/letters/${letter.body.id}/sign`)
    .send({ password: TEST_PASSWORD })
    .expect(201);
  return { letterId: letter.body.id as string };
}

/**
 * A case made ready to send through the API, with a photo file behind it (unlike addEvidence):
 * the photo, the signed letter and a physician's clinical note. Returns the case's version.
 */
export async function makeSendable(physician: SignedIn, caseId: string): Promise<number> {
  await addPhotoAndSignedLetter(physician, caseId);
  await physician
    .post(`/api/cases/${caseId}/notes`)
    .send({ kind: 'clinical_note', text: 'Milia behind both ears, itching for 30 weeks.' })
    .expect(201);
  return (await physician.get(`/api/cases/${caseId}`).expect(200)).body.version as number;
}
