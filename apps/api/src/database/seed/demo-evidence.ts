import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientBase } from 'pg';
import sharp from 'sharp';

export interface DemoEvidenceOptions {
  /** Local upload folder (LocalPhotoStorage layout); null when photos go to S3, where no demo photos are made. */
  uploadDir: string | null;
  physicianId: string | null;
}

/** A synthetic clinical photo: skin tone with small white papules, the look of milia. */
async function renderDemoPhoto(seed: number): Promise<Buffer> {
  const dots = Array.from({ length: 14 + (seed % 9) }, (_, i) => {
    const x = 60 + ((i * 97 + seed * 53) % 520);
    const y = 60 + ((i * 61 + seed * 29) % 360);
    const r = 4 + ((i + seed) % 4);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#fbf6ea" stroke="#e8d9c0" stroke-width="1.5"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <defs><radialGradient id="g" cx="50%" cy="45%" r="70%"><stop offset="0" stop-color="#e7b99a"/><stop offset="1" stop-color="#c98f70"/></radialGradient></defs>
    <rect width="640" height="480" fill="url(#g)"/>${dots}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** One synthetic photo of a site, stored as the evidence module stores uploads (files, row, event). */
export async function addDemoPhoto(
  client: ClientBase,
  caseId: string,
  seed: number,
  at: Date,
  site: string,
  lesions: number,
  options: DemoEvidenceOptions,
): Promise<void> {
  if (!options.physicianId || !options.uploadDir) return;
  const id = randomUUID();
  const photo = await renderDemoPhoto(seed);
  const thumbnail = await sharp(photo)
    .resize({ width: 320, height: 320, fit: 'inside' })
    .webp({ quality: 75 })
    .toBuffer();
  const dir = join(options.uploadDir, 'photos');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const key = `${id}.jpg`;
  const thumbnailKey = `${id}-thumb.webp`;
  await writeFile(join(dir, key), photo, { mode: 0o600 });
  await writeFile(join(dir, thumbnailKey), thumbnail, { mode: 0o600 });
  await client.query(
    `INSERT INTO case_photos (id, case_id, uploaded_by, body_site, lesion_count, taken_at, caption, original_name, original_type,
       original_size, original_sha256, content_type, byte_size, width, height, storage_key, thumbnail_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'Demo photograph (synthetic)', 'demo.jpg', 'jpeg', $7, $8, 'image/jpeg', $7, 640, 480, $9, $10, $6)`,
    [
      id,
      caseId,
      options.physicianId,
      site,
      lesions,
      at,
      photo.length,
      createHash('sha256').update(photo).digest('hex'),
      key,
      thumbnailKey,
    ],
  );
  await client.query(
    `INSERT INTO case_events (case_id, type, actor_id, data, occurred_at, created_at) VALUES ($1, 'photo_added', $2, $3, $4, $4)`,
    [caseId, options.physicianId, JSON.stringify({ photoId: id, bodySite: site, lesionCount: lesions }), at],
  );
}

/**
 * One photo and one physician clinical note for a demo case, written the way the evidence
 * module stores them (final files under photos/, rows and events), so the checklist counts them
 * and the gallery shows them.
 */
export async function addDemoEvidence(
  client: ClientBase,
  caseId: string,
  seed: number,
  at: Date,
  site: string,
  lesions: number,
  noteText: string,
  options: DemoEvidenceOptions,
): Promise<void> {
  if (!options.physicianId) return;
  await addDemoPhoto(client, caseId, seed, at, site, lesions, options);
  const noteId = randomUUID();
  await client.query(
    `INSERT INTO case_notes (id, case_id, kind, text, author_id, version, root_id, created_at) VALUES ($1, $2, 'clinical_note', $3, $4, 1, $1, $5)`,
    [noteId, caseId, noteText, options.physicianId, at],
  );
  await client.query(
    `INSERT INTO case_events (case_id, type, actor_id, data, occurred_at, created_at) VALUES ($1, 'note_added', $2, $3, $4, $4)`,
    [caseId, options.physicianId, JSON.stringify({ noteId, kind: 'clinical_note' }), at],
  );
}
