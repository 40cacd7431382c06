import { randomUUID } from 'node:crypto';
import { createUser } from './auth';
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
