import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { PhotoSweeper } from '../src/modules/evidence/photo-sweeper.service';
import { PhotoUploadHooks } from '../src/modules/evidence/photo-upload-hooks';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createClinic, readyCaseBody, type ClinicFixture } from './helpers/fixtures';
import { multipart, type Part } from './helpers/multipart';

// Small enough that the oversized test stays fast, large enough for every real test image.
const MAX_UPLOAD_MB = '0.25';
const MAX_BYTES = Math.round(0.25 * 1024 * 1024);

const FIELDS = { bodySite: 'Left lower eyelid', lesionCount: '7', takenAt: '2026-11-20', caption: 'Before treatment' };

const solid = (format: 'jpeg' | 'png' | 'webp', width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 60 } } })
    [format]()
    .toBuffer();

/** A PNG whose header claims 20000 × 20000 pixels: a decompression bomb's signature. */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(await solid('png', 8, 8));
  // IHDR data starts at byte 16: width, height (big-endian), then its CRC over type + data.
  png.writeUInt32BE(20_000, 16);
  png.writeUInt32BE(20_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

const hasGpsIfd = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));

describe('photos over HTTP', () => {
  let t: TestApp;
  let uploadDir: string;
  let physician: SignedIn;
  let otherPhysician: SignedIn;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let caseId: string;

  const filesIn = (sub: string) => readdirSync(join(uploadDir, sub)).sort();

  async function newCase(): Promise<string> {
    return (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;
  }

  function upload(actor: SignedIn, forCase: string, fields: Record<string, string>, file?: Part) {
    const { body, contentType } = multipart(fields, file);
    return actor.post(`/api/cases/${forCase}/photos`).set('Content-Type', contentType).send(body);
  }

  async function expectNothingStored(photosBefore: number) {
    expect(await t.countRows('case_photos')).toBe(photosBefore);
    expect(filesIn('pending')).toEqual([]);
    expect(filesIn('incoming')).toEqual([]);
    expect(filesIn('photos')).toHaveLength(photosBefore * 2);
  }

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-uploads-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir, MAX_UPLOAD_MB });
    physician = await signIn(t, 'physician');
    otherPhysician = await signIn(t, 'physician');
    frontDesk = await signIn(t, 'front_desk');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
    caseId = await newCase();
  });

  afterAll(async () => {
    await t?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  afterEach(() => {
    const hooks = t.app.get(PhotoUploadHooks);
    hooks.afterFilesWritten = undefined;
    hooks.afterCommit = undefined;
  });

  describe('upload', () => {
    it('re-encodes a JPEG without its EXIF/GPS, upright, with a 320 px WebP thumbnail, a row and an event', async () => {
      const original = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#c33' } })
        .jpeg()
        .withMetadata({
          orientation: 6,
          exif: { IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 30/1 0/1' } },
        })
        .toBuffer();
      expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);

      const res = await upload(physician, caseId, FIELDS, { data: original, filename: 'IMG_0001.JPG' }).expect(201);
      expect(res.body).toMatchObject({
        caseId,
        bodySite: 'Left lower eyelid',
        lesionCount: 7,
        caption: 'Before treatment',
        fileName: 'IMG_0001.JPG',
        contentType: 'image/jpeg',
        // Orientation 6 is a quarter turn: the stored pixels are rotated, not tagged.
        width: 32,
        height: 64,
        originalSha256: createHash('sha256').update(original).digest('hex'),
        uploadedBy: { id: physician.user.id },
        url: `/api/photos/${res.body.id}`,
      });
      expect(res.body.takenAt).toBe('2026-11-20T00:00:00.000Z');

      const row = (await t.db.query(`SELECT * FROM case_photos WHERE id = $1`, [res.body.id])).rows[0];
      expect(row).toMatchObject({
        case_id: caseId,
        uploaded_by: physician.user.id,
        original_type: 'jpeg',
        original_size: original.length,
        deleted_at: null,
      });
      expect(filesIn('photos')).toEqual([`${res.body.id}-thumb.webp`, `${res.body.id}.jpg`].sort());
      expect(filesIn('pending')).toEqual([]);
      expect(filesIn('incoming')).toEqual([]);

      const stored = await sharp(join(uploadDir, 'photos', row.storage_key)).metadata();
      expect(stored).toMatchObject({ format: 'jpeg', width: 32, height: 64 });
      expect(stored.exif).toBeUndefined();
      expect(stored.orientation).toBeUndefined();
      expect(row.byte_size).toBe(readFileSync(join(uploadDir, 'photos', row.storage_key)).length);
      const thumb = await sharp(join(uploadDir, 'photos', row.thumbnail_key)).metadata();
      expect(thumb.format).toBe('webp');
      expect(thumb.exif).toBeUndefined();

      const events = await t.db.query(
        `SELECT type, actor_id, data FROM case_events WHERE case_id = $1 AND type = 'photo_added'`,
        [caseId],
      );
      expect(events.rows).toEqual([
        {
          type: 'photo_added',
          actor_id: physician.user.id,
          data: expect.objectContaining({ photoId: res.body.id, bodySite: 'Left lower eyelid' }),
        },
      ]);
      expect(
        await t.countRows('audit_events', `action = 'create' AND object_type = 'photo' AND object_id = $1`, [
          res.body.id,
        ]),
      ).toBe(1);
    });

    it('makes a thumbnail of at most 320 px', async () => {
      const big = await solid('png', 1200, 600);
      const res = await upload(physician, caseId, FIELDS, {
        data: big,
        filename: 'wide.png',
        contentType: 'image/png',
      }).expect(201);
      const thumb = await sharp(join(uploadDir, 'photos', `${res.body.id}-thumb.webp`)).metadata();
      expect([thumb.width, thumb.height]).toEqual([320, 160]);
    });

    it.each([
      ['png', 'image/png', 'png'],
      ['webp', 'image/webp', 'webp'],
    ] as const)('accepts a %s by its content, whatever it is called', async (format, contentType, extension) => {
      const data = await solid(format);
      // The name and declared type lie; the bytes decide.
      const res = await upload(physician, caseId, FIELDS, {
        data,
        filename: 'scan.bin',
        contentType: 'application/octet-stream',
      }).expect(201);
      expect(res.body.contentType).toBe(contentType);
      const stored = await sharp(join(uploadDir, 'photos', `${res.body.id}.${extension}`)).metadata();
      expect(stored.format).toBe(format);
    });

    it('accepts a HEIF-family image that the image library can decode, stored as JPEG', async () => {
      // sharp's prebuilt libheif decodes AV1-coded HEIF (AVIF) but not HEVC-coded HEIC.
      const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a3' } })
        .heif({ compression: 'av1' })
        .toBuffer();
      const res = await upload(physician, caseId, FIELDS, {
        data,
        filename: 'IMG_0002.HEIC',
        contentType: 'image/heic',
      }).expect(201);
      expect(res.body).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 30 });
      expect(
        (await t.db.query(`SELECT original_type FROM case_photos WHERE id = $1`, [res.body.id])).rows[0].original_type,
      ).toBe('heif');
    });

    it('accepts an iPhone HEIC (HEVC) that sharp cannot decode, through the WebAssembly decoder, stored as JPEG', async () => {
      // A real HEVC-coded HEIC, 64 × 48, a red square on skin tone (fixtures/photos/make-heic.py).
      const data = readFileSync(join(__dirname, 'fixtures/photos/iphone-hevc.heic'));
      await expect(sharp(data).raw().toBuffer()).rejects.toThrow(/HEVC/);
      const res = await upload(physician, caseId, FIELDS, {
        data,
        filename: 'IMG_0003.HEIC',
        contentType: 'image/heic',
      }).expect(201);
      expect(res.body).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
      const row = (
        await t.db.query(`SELECT original_type, storage_key, thumbnail_key FROM case_photos WHERE id = $1`, [
          res.body.id,
        ])
      ).rows[0];
      expect(row.original_type).toBe('heif');
      const stored = sharp(join(uploadDir, 'photos', row.storage_key));
      expect((await stored.metadata()).format).toBe('jpeg');
      // The pixels survived: the centre is the red square, the corner the background.
      const { data: pixels, info } = await stored.raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => [...pixels.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      const near = (rgb: number[], want: number[]) => rgb.every((v, i) => Math.abs(v - want[i]) < 24);
      expect(near(at(32, 24), [200, 30, 30])).toBe(true);
      expect(near(at(2, 2), [235, 200, 170])).toBe(true);
      expect((await sharp(join(uploadDir, 'photos', row.thumbnail_key)).metadata()).format).toBe('webp');
    });

    it('refuses a HEIC that is not one inside as damaged (422), storing nothing', async () => {
      const before = await t.countRows('case_photos');
      const data = Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
        randomBytes(2000),
      ]);
      const res = await upload(physician, caseId, FIELDS, {
        data,
        filename: 'IMG_0004.HEIC',
        contentType: 'image/heic',
      }).expect(422);
      expect(res.body.message).toMatch(/damaged/);
      await expectNothingStored(before);
    });

    it('accepts an upload made with supertest attach() and field()', async () => {
      const res = await physician
        .post(`/api/cases/${caseId}/photos`)
        .field('bodySite', 'Behind the right ear')
        .field('lesionCount', '3')
        .field('takenAt', '2026-11-19T15:30:00Z')
        .attach('file', await solid('jpeg'), 'ear.jpg')
        .expect(201);
      expect(res.body).toMatchObject({
        bodySite: 'Behind the right ear',
        lesionCount: 3,
        caption: null,
        takenAt: '2026-11-19T15:30:00.000Z',
      });
    });

    it.each([
      [
        'a text file renamed .jpg',
        415,
        () => Buffer.from('Just some notes about the patient, not a photo.\n'),
        'notes.jpg',
        'image/jpeg',
      ],
      [
        'an SVG',
        415,
        () =>
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
        'lesion.svg',
        'image/svg+xml',
      ],
      [
        'an HTML file',
        415,
        () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
        'photo.jpg',
        'image/jpeg',
      ],
      [
        'a PDF',
        415,
        () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
        'referral.pdf',
        'application/pdf',
      ],
      [
        'a GIF',
        415,
        () =>
          Buffer.from(
            'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
            'latin1',
          ),
        'a.gif',
        'image/gif',
      ],
      ['a zero-byte file', 400, () => Buffer.alloc(0), 'empty.jpg', 'image/jpeg'],
    ])('refuses %s with %i and keeps nothing', async (_label, status, data, filename, contentType) => {
      const before = await t.countRows('case_photos');
      const res = await upload(physician, caseId, FIELDS, { data: data(), filename, contentType }).expect(status);
      expect(res.body.message).toBeTruthy();
      if (status === 415) expect(res.body.message).toMatch(/JPEG, PNG, WebP and HEIC/);
      await expectNothingStored(before);
    });

    it('refuses a truncated JPEG with 422 and keeps nothing', async () => {
      const before = await t.countRows('case_photos');
      const full = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#33c' } })
        .jpeg()
        .toBuffer();
      const res = await upload(physician, caseId, FIELDS, {
        data: full.subarray(0, Math.floor(full.length / 2)),
        filename: 'cut.jpg',
      }).expect(422);
      expect(res.body.message).toMatch(/damaged or incomplete/);
      await expectNothingStored(before);
    });

    it('refuses a pixel bomb with 422 before decoding it', async () => {
      const before = await t.countRows('case_photos');
      const res = await upload(physician, caseId, FIELDS, {
        data: await pixelBomb(),
        filename: 'bomb.png',
        contentType: 'image/png',
      }).expect(422);
      expect(res.body.message).toMatch(/20000 × 20000 pixels; at most 50 megapixels/);
      await expectNothingStored(before);
    });

    it('refuses a file over MAX_UPLOAD_MB with 413 while streaming and keeps nothing', async () => {
      const before = await t.countRows('case_photos');
      // A JPEG header and noise: only the size is wrong. Just over the limit, so it is refused mid-stream.
      const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(MAX_BYTES)]);
      const res = await upload(physician, caseId, FIELDS, { data, filename: 'huge.jpg' }).expect(413);
      expect(res.body.message).toMatch(/larger than the 0\.3 MB limit|larger than the 0\.25 MB limit/);
      await expectNothingStored(before);
    });

    it('refuses a body far over the limit from its Content-Length, unread', async () => {
      const before = await t.countRows('case_photos');
      const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(MAX_BYTES * 4)]);
      await upload(physician, caseId, FIELDS, { data, filename: 'huger.jpg' }).expect(413);
      await expectNothingStored(before);
    });

    it.each([
      ['a missing body site', { ...FIELDS, bodySite: '' }, 'bodySite'],
      ['a negative lesion count', { ...FIELDS, lesionCount: '-1' }, 'lesionCount'],
      ['a lesion count that is not a number', { ...FIELDS, lesionCount: 'many' }, 'lesionCount'],
      ['a date that is not a date', { ...FIELDS, takenAt: 'yesterday' }, 'takenAt'],
      ['a date in the future', { ...FIELDS, takenAt: '2999-01-01' }, 'takenAt'],
      ['an unknown field', { ...FIELDS, gps: '43.5,-1.5' }, 'gps'],
    ])('refuses %s with 400 naming the field, keeping nothing', async (_label, fields, field) => {
      const before = await t.countRows('case_photos');
      const res = await upload(physician, caseId, fields, { data: await solid('jpeg'), filename: 'ok.jpg' }).expect(
        400,
      );
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      await expectNothingStored(before);
    });

    it('refuses a request without a file, or with two', async () => {
      const before = await t.countRows('case_photos');
      await upload(physician, caseId, FIELDS).expect(400);
      const jpeg = await solid('jpeg');
      await physician
        .post(`/api/cases/${caseId}/photos`)
        .field('bodySite', 'x')
        .field('lesionCount', '1')
        .field('takenAt', '2026-11-01')
        .attach('file', jpeg, 'a.jpg')
        .attach('file', jpeg, 'b.jpg')
        .expect(400);
      await physician.post(`/api/cases/${caseId}/photos`).send({ bodySite: 'x' }).expect(400);
      await expectNothingStored(before);
    });

    it('answers 404 for a case that does not exist, keeping nothing', async () => {
      const before = await t.countRows('case_photos');
      await upload(physician, '00000000-0000-4000-8000-000000000000', FIELDS, {
        data: await solid('jpeg'),
        filename: 'a.jpg',
      }).expect(404);
      await expectNothingStored(before);
    });

    it.each([
      ['a path', '../../../etc/passwd.jpg', 'passwd.jpg'],
      ['a Windows path', '..\\..\\windows\\win.ini.jpg', 'win.ini.jpg'],
      ['a NUL byte', 'lesion\u0000.php.jpg', 'lesion.php.jpg'],
      ['CR/LF', 'lesion\r\nSet-Cookie: x=1.jpg', 'lesionSet-Cookie x=1.jpg'],
      ['300 characters', `${'a'.repeat(296)}.jpg`, 'a'.repeat(120)],
    ])('stores a file name with %s safely', async (_label, filename, expected) => {
      const res = await upload(physician, caseId, FIELDS, { data: await solid('jpeg'), filename }).expect(201);
      expect(res.body.fileName).toBe(expected);
      // On disk only server-made names exist, inside the upload folder.
      expect(filesIn('photos')).toContain(`${res.body.id}.jpg`);
      expect(readdirSync(uploadDir).sort()).toEqual(['incoming', 'pending', 'photos']);
      const served = await frontDesk.get(`/api/photos/${res.body.id}`).expect(200);
      const disposition = served.headers['content-disposition'];
      expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._ ()-]+"; filename\*=UTF-8''[A-Za-z0-9._%!~-]+$/);
      expect(disposition).not.toMatch(/[\r\n\0/\\]/);
    });
  });

  describe('reading', () => {
    let photoId: string;
    let jpeg: Buffer;

    beforeAll(async () => {
      jpeg = await solid('jpeg');
      photoId = (await upload(physician, caseId, FIELDS, { data: jpeg, filename: 'eyelid.jpg' }).expect(201)).body.id;
    });

    it('streams the image to front desk with safe headers and audits the read', async () => {
      const before = await t.countRows('audit_events', `action = 'read' AND object_type = 'photo' AND object_id = $1`, [
        photoId,
      ]);
      const res = await frontDesk
        .get(`/api/photos/${photoId}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="eyelid\.jpg"/);
      const body = res.body as Buffer;
      expect(body.equals(readFileSync(join(uploadDir, 'photos', `${photoId}.jpg`)))).toBe(true);
      expect(
        await t.countRows(
          'audit_events',
          `action = 'read' AND object_type = 'photo' AND object_id = $1 AND user_id = $2`,
          [photoId, frontDesk.user.id],
        ),
      ).toBe(before + 1);
    });

    it('streams the thumbnail as WebP', async () => {
      const res = await manager.get(`/api/photos/${photoId}/thumbnail`).expect(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="eyelid-thumbnail\.webp"/);
    });

    it('lists a case’s photos for every clinic role, never for admin', async () => {
      for (const actor of [frontDesk, physician, manager]) {
        const res = await actor.get(`/api/cases/${caseId}/photos`).expect(200);
        expect(res.body.map((p: { id: string }) => p.id)).toContain(photoId);
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
      await admin.get(`/api/cases/${caseId}/photos`).expect(403);
      await admin.get(`/api/photos/${photoId}`).expect(403);
      await admin.get(`/api/photos/${photoId}/thumbnail`).expect(403);
    });

    it('lets only physicians upload', async () => {
      const before = await t.countRows('case_photos');
      for (const actor of [frontDesk, manager, admin]) {
        await upload(actor, caseId, FIELDS, { data: jpeg, filename: 'a.jpg' }).expect(403);
      }
      await expectNothingStored(before);
    });

    it('needs a session', async () => {
      await t.http().get(`/api/photos/${photoId}`).expect(401);
      await t.http().get(`/api/cases/${caseId}/photos`).expect(401);
    });

    it('answers 404 for a photo that does not exist', async () => {
      await frontDesk.get('/api/photos/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('does not reach another case’s photo through this case', async () => {
      const otherCase = await newCase();
      const foreign = (await upload(physician, otherCase, FIELDS, { data: jpeg, filename: 'other.jpg' }).expect(201))
        .body.id as string;
      const list = await frontDesk.get(`/api/cases/${caseId}/photos`).expect(200);
      expect(list.body.map((p: { id: string }) => p.id)).not.toContain(foreign);
      await physician.delete(`/api/cases/${caseId}/photos/${foreign}`).expect(404);
      await manager.delete(`/api/cases/${caseId}/photos/${foreign}`).expect(404);
      expect(
        (await t.db.query(`SELECT deleted_at FROM case_photos WHERE id = $1`, [foreign])).rows[0].deleted_at,
      ).toBeNull();
    });
  });

  describe('soft delete', () => {
    it('lets the uploader delete, keeps row and files, records the event, and hides the photo', async () => {
      const id = (await upload(physician, caseId, FIELDS, { data: await solid('jpeg'), filename: 'a.jpg' }).expect(201))
        .body.id as string;
      await otherPhysician.delete(`/api/cases/${caseId}/photos/${id}`).expect(403);
      await frontDesk.delete(`/api/cases/${caseId}/photos/${id}`).expect(403);
      await physician.delete(`/api/cases/${caseId}/photos/${id}`).expect(204);

      const row = (await t.db.query(`SELECT deleted_at, deleted_by FROM case_photos WHERE id = $1`, [id])).rows[0];
      expect(row.deleted_at).toBeInstanceOf(Date);
      expect(row.deleted_by).toBe(physician.user.id);
      expect(filesIn('photos')).toContain(`${id}.jpg`);
      const events = await t.db.query(
        `SELECT actor_id, data FROM case_events WHERE type = 'photo_deleted' AND data->>'photoId' = $1`,
        [id],
      );
      expect(events.rows).toEqual([{ actor_id: physician.user.id, data: expect.objectContaining({ photoId: id }) }]);
      expect(
        await t.countRows('audit_events', `action = 'delete' AND object_type = 'photo' AND object_id = $1`, [id]),
      ).toBe(1);

      await frontDesk.get(`/api/photos/${id}`).expect(404);
      const list = await frontDesk.get(`/api/cases/${caseId}/photos`).expect(200);
      expect(list.body.map((p: { id: string }) => p.id)).not.toContain(id);
      await physician.delete(`/api/cases/${caseId}/photos/${id}`).expect(404);
    });

    it('lets a manager delete any photo', async () => {
      const id = (await upload(physician, caseId, FIELDS, { data: await solid('png'), filename: 'a.png' }).expect(201))
        .body.id as string;
      await manager.delete(`/api/cases/${caseId}/photos/${id}`).expect(204);
      expect((await t.db.query(`SELECT deleted_by FROM case_photos WHERE id = $1`, [id])).rows[0].deleted_by).toBe(
        manager.user.id,
      );
    });
  });

  describe('crash safety', () => {
    const sweeper = () => t.app.get(PhotoSweeper);
    const hooks = () => t.app.get(PhotoUploadHooks);
    const inTwoHours = () => new Date(Date.now() + 2 * 60 * 60 * 1000);

    it('cleans up when the write fails between the files and the commit', async () => {
      const before = await t.countRows('case_photos');
      hooks().afterFilesWritten = () => Promise.reject(new Error('disk on fire'));
      await upload(physician, caseId, FIELDS, { data: await solid('jpeg'), filename: 'a.jpg' }).expect(500);
      await expectNothingStored(before);
    });

    it('after a crash before the commit, leaves only pending files, which the sweeper removes', async () => {
      const before = await t.countRows('case_photos');
      const eventsBefore = await t.countRows('case_events', `type = 'photo_added'`);
      let crashedId = '';
      // The process "dies" here: the upload never goes further.
      hooks().afterFilesWritten = (id) => {
        crashedId = id;
        return new Promise<void>(() => undefined);
      };
      await expect(
        upload(physician, caseId, FIELDS, { data: await solid('jpeg'), filename: 'a.jpg' }).timeout(1500),
      ).rejects.toThrow();
      expect(crashedId).not.toBe('');
      expect(filesIn('pending')).toEqual([`${crashedId}-thumb.webp`, `${crashedId}.jpg`].sort());
      expect(await t.countRows('case_photos', 'id = $1', [crashedId])).toBe(0);

      // A young pending file may be an upload in flight: left alone.
      expect((await sweeper().sweep()).deleted).toEqual([]);
      expect(filesIn('pending')).toHaveLength(2);

      const result = await sweeper().sweep(inTwoHours());
      expect(result.finalized).toEqual([]);
      expect(result.deleted).toEqual(expect.arrayContaining([`${crashedId}.jpg`, `${crashedId}-thumb.webp`]));
      expect(filesIn('pending')).toEqual([]);
      expect(filesIn('incoming')).toEqual([]);
      expect(filesIn('photos')).not.toContain(`${crashedId}.jpg`);
      expect(await t.countRows('case_photos')).toBe(before);
      expect(await t.countRows('case_events', `type = 'photo_added'`)).toBe(eventsBefore);
    });

    it('after a crash right after the commit, the sweeper makes the files final', async () => {
      let crashedId = '';
      hooks().afterCommit = (id) => {
        crashedId = id;
        return new Promise<void>(() => undefined);
      };
      await expect(
        upload(physician, caseId, FIELDS, { data: await solid('webp'), filename: 'a.webp' }).timeout(1500),
      ).rejects.toThrow();
      expect(await t.countRows('case_photos', 'id = $1', [crashedId])).toBe(1);
      expect(filesIn('pending')).toEqual([`${crashedId}-thumb.webp`, `${crashedId}.webp`].sort());
      expect(filesIn('photos')).not.toContain(`${crashedId}.webp`);

      const result = await sweeper().sweep();
      expect(result.finalized.sort()).toEqual([`${crashedId}-thumb.webp`, `${crashedId}.webp`].sort());
      expect(filesIn('pending')).toEqual([]);
      expect(filesIn('photos')).toEqual(expect.arrayContaining([`${crashedId}.webp`, `${crashedId}-thumb.webp`]));
      await frontDesk.get(`/api/photos/${crashedId}`).expect(200).expect('Content-Type', 'image/webp');
    });

    it('a read finishes a committed photo the sweeper has not reached yet', async () => {
      let crashedId = '';
      hooks().afterCommit = (id) => {
        crashedId = id;
        return new Promise<void>(() => undefined);
      };
      await expect(
        upload(physician, caseId, FIELDS, { data: await solid('png'), filename: 'a.png' }).timeout(1500),
      ).rejects.toThrow();
      await frontDesk.get(`/api/photos/${crashedId}/thumbnail`).expect(200).expect('Content-Type', 'image/webp');
      await frontDesk.get(`/api/photos/${crashedId}`).expect(200).expect('Content-Type', 'image/png');
      expect(filesIn('pending')).toEqual([]);
    });

    it('the sweeper removes stale raw uploads and leaves final files and young files alone', async () => {
      const stale = join(uploadDir, 'incoming', 'left-by-a-crash.upload');
      writeFileSync(stale, 'raw bytes');
      const old = new Date(Date.now() - 3 * 60 * 60 * 1000);
      utimesSync(stale, old, old);
      const young = join(uploadDir, 'incoming', 'in-flight.upload');
      writeFileSync(young, 'raw bytes');
      const finals = filesIn('photos');
      const result = await sweeper().sweep();
      expect(result.deleted).toEqual(['incoming/left-by-a-crash.upload']);
      // (The uploads "killed" above left their young raw files too: also still in flight, as far as anyone knows.)
      expect(filesIn('incoming')).toContain('in-flight.upload');
      expect(filesIn('incoming')).not.toContain('left-by-a-crash.upload');
      expect(filesIn('photos')).toEqual(finals);
      rmSync(young);
    });

    it('every row has its final files and every final file has its row', async () => {
      await sweeper().sweep();
      const rows = (
        await t.db.query<{ storage_key: string; thumbnail_key: string }>(
          `SELECT storage_key, thumbnail_key FROM case_photos`,
        )
      ).rows;
      const expected = rows.flatMap((r) => [r.storage_key, r.thumbnail_key]).sort();
      expect(filesIn('photos')).toEqual(expected);
      expect(filesIn('pending')).toEqual([]);
    });
  });

  describe('the readiness checklist', () => {
    it('counts live photos only', async () => {
      const id = await newCase();
      const photoItem = async () =>
        (await frontDesk.get(`/api/cases/${id}/readiness`).expect(200)).body.items.find(
          (i: { id: string }) => i.id === 'photos',
        ) as { passed: boolean };
      expect((await photoItem()).passed).toBe(false);
      const photo = (await upload(physician, id, FIELDS, { data: await solid('jpeg'), filename: 'a.jpg' }).expect(201))
        .body.id as string;
      expect((await photoItem()).passed).toBe(true);
      await physician.delete(`/api/cases/${id}/photos/${photo}`).expect(204);
      expect((await photoItem()).passed).toBe(false);
    });
  });
});
