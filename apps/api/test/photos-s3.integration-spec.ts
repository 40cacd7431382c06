import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PhotoSweeper } from '../src/modules/evidence/photo-sweeper.service';
import { PhotoUploadHooks } from '../src/modules/evidence/photo-upload-hooks';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { startFakeS3, type FakeS3 } from './helpers/fake-s3';
import { createClinic, readyCaseBody } from './helpers/fixtures';

// The same upload path with S3_* set, against an in-memory S3-compatible endpoint.
describe('photos in an S3-compatible bucket', () => {
  let s3: FakeS3;
  let t: TestApp;
  let uploadDir: string;
  let physician: SignedIn;
  let frontDesk: SignedIn;
  let caseId: string;

  let jpeg: Buffer;
  // Not async: a supertest request is a thenable, and returning one from an async function sends it.
  const upload = (actor: SignedIn) =>
    actor
      .post(`/api/cases/${caseId}/photos`)
      .field('bodySite', 'Left cheek')
      .field('lesionCount', '4')
      .field('takenAt', '2026-11-18')
      .attach('file', jpeg, 'cheek.jpg');

  beforeAll(async () => {
    jpeg = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#a44' } })
      .jpeg()
      .withMetadata({ exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 30/1 0/1' } } })
      .toBuffer();
    s3 = await startFakeS3('clinic-photos');
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-s3-scratch-'));
    t = await createTestApp({
      UPLOAD_DIR: uploadDir,
      S3_BUCKET: 'clinic-photos',
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test-secret',
      S3_PREFIX: 'preauth/test',
    });
    physician = await signIn(t, 'physician');
    frontDesk = await signIn(t, 'front_desk');
    const manager = await signIn(t, 'manager');
    const clinic = await createClinic(manager, frontDesk);
    caseId = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  afterEach(() => {
    t.app.get(PhotoUploadHooks).afterCommit = undefined;
  });

  it('stores the re-encoded photo and thumbnail as final objects and serves them', async () => {
    const res = await upload(physician).expect(201);
    const id = res.body.id as string;
    expect([...s3.objects.keys()].sort()).toEqual(
      [`preauth/test/photos/${id}-thumb.webp`, `preauth/test/photos/${id}.jpg`].sort(),
    );
    const stored = await sharp(s3.objects.get(`preauth/test/photos/${id}.jpg`)).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    // Nothing kept locally: the scratch folder is empty and there is no local photo store.
    expect(readdirSync(join(uploadDir, 'incoming'))).toEqual([]);
    expect(readdirSync(uploadDir)).toEqual(['incoming']);

    const image = await frontDesk.get(`/api/photos/${id}`).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(image.body as Buffer, s3.objects.get(`preauth/test/photos/${id}.jpg`)!)).toBe(0);
    await frontDesk.get(`/api/photos/${id}/thumbnail`).expect(200).expect('Content-Type', 'image/webp');
  });

  it('refuses a non-image without writing any object', async () => {
    const before = s3.objects.size;
    await physician
      .post(`/api/cases/${caseId}/photos`)
      .field('bodySite', 'x')
      .field('lesionCount', '1')
      .field('takenAt', '2026-11-18')
      .attach('file', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.jpg')
      .expect(415);
    expect(s3.objects.size).toBe(before);
  });

  it('after a crash right after the commit, the sweeper moves the objects from pending to final', async () => {
    let crashedId = '';
    t.app.get(PhotoUploadHooks).afterCommit = (id) => {
      crashedId = id;
      return new Promise<void>(() => undefined);
    };
    await expect(upload(physician).timeout(1500)).rejects.toThrow();
    expect(await t.db.query(`SELECT 1 FROM case_photos WHERE id = $1`, [crashedId]).then((r) => r.rowCount)).toBe(1);
    expect([...s3.objects.keys()].filter((k) => k.includes(crashedId)).sort()).toEqual(
      [`preauth/test/pending/${crashedId}-thumb.webp`, `preauth/test/pending/${crashedId}.jpg`].sort(),
    );

    const result = await t.app.get(PhotoSweeper).sweep();
    expect(result.finalized.sort()).toEqual([`${crashedId}-thumb.webp`, `${crashedId}.jpg`].sort());
    expect([...s3.objects.keys()].filter((k) => k.includes(crashedId)).sort()).toEqual(
      [`preauth/test/photos/${crashedId}-thumb.webp`, `preauth/test/photos/${crashedId}.jpg`].sort(),
    );
    await frontDesk.get(`/api/photos/${crashedId}`).expect(200);
  });
});
