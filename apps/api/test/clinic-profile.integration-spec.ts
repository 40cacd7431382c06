import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { signIn, SignedIn } from './helpers/auth';
import { getBinary } from './helpers/binary';
import { TEST_CLINIC_PROFILE } from './helpers/clinic-profile';
import { createTestApp, TestApp } from './helpers/create-test-app';

const PROFILE = { ...TEST_CLINIC_PROFILE, state: 'me', fax: '207.555.0141' };

describe('clinic profile over HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  let frontDesk: SignedIn;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-clinic-profile-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    admin = await signIn(t, 'admin');
    frontDesk = await signIn(t, 'front_desk');
  }, 60_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  it('is unconfigured at first, with the time zone from the configuration', async () => {
    const res = await frontDesk.get('/api/clinic-profile').expect(200);
    expect(res.body).toMatchObject({ configured: false, practiceName: '', logo: null, timeZone: 'America/New_York' });
  });

  it('refuses a logo before the profile exists (409)', async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const res = await admin.put('/api/clinic-profile/logo').attach('file', png, 'logo.png').expect(409);
    expect(res.body.code).toBe('clinic_profile_missing');
  });

  it('names each bad field: group NPI check digit, tax id, phone, state, ZIP, a missing name', async () => {
    const res = await admin
      .put('/api/clinic-profile')
      .send({
        ...PROFILE,
        practiceName: '  ',
        groupNpi: '1417293388',
        taxId: '012345678',
        phone: '555-0140',
        state: 'Maine',
        postalCode: '4101',
      })
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['groupNpi', 'phone', 'postalCode', 'practiceName', 'state', 'taxId']),
    );
    expect(res.body.errors).toContainEqual({
      field: 'groupNpi',
      reason: 'must be a 10-digit NPI with a valid check digit',
    });
    expect(await t.countRows('clinic_profile')).toBe(0);
  });

  it('is saved by an admin only, audited with the changed field names, and read by every role', async () => {
    await frontDesk.put('/api/clinic-profile').send(PROFILE).expect(403);
    const saved = await admin.put('/api/clinic-profile').send(PROFILE).expect(200);
    expect(saved.body).toMatchObject({ configured: true, ...PROFILE, state: 'ME' });
    const row = (await t.db.query(`SELECT practice_name, state, fax, group_npi, updated_by FROM clinic_profile`)).rows;
    expect(row).toEqual([
      {
        practice_name: 'Casco Bay Dermatology',
        state: 'ME',
        fax: '207.555.0141',
        group_npi: '1417293382',
        updated_by: admin.user.id,
      },
    ]);
    await admin
      .put('/api/clinic-profile')
      .send({ ...PROFILE, state: 'ME', addressLine2: '', taxId: null })
      .expect(200);
    const audits = (
      await t.db.query(
        `SELECT action, detail FROM audit_events WHERE object_type = 'clinic_profile' AND user_id = $1 ORDER BY id`,
        [admin.user.id],
      )
    ).rows;
    expect(audits).toEqual([
      { action: 'create', detail: { fields: expect.arrayContaining(['practiceName', 'groupNpi']) } },
      { action: 'update', detail: { fields: ['addressLine2', 'taxId'] } },
    ]);
    const read = await frontDesk.get('/api/clinic-profile').expect(200);
    expect(read.body).toMatchObject({ configured: true, addressLine2: null, taxId: null, phone: PROFILE.phone });
  });

  it('takes a logo by its content, stores it re-encoded as PNG without its metadata, and serves it sandboxed', async () => {
    const jpeg = await sharp({ create: { width: 2400, height: 600, channels: 3, background: '#1f5f8b' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-exif-marker' } } })
      .toBuffer();
    const res = await admin.put('/api/clinic-profile/logo').attach('file', jpeg, 'logo.txt').expect(200);
    expect(res.body.logo).toMatchObject({ contentType: 'image/png', width: 1200, height: 300 });
    const image = await getBinary(frontDesk, '/api/clinic-profile/logo').expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    const png = image.body as Buffer;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.includes(Buffer.from('secret-exif-marker'))).toBe(false);
    expect((await sharp(png).metadata()).exif).toBeUndefined();
    expect(
      await t.countRows(
        'audit_events',
        `object_type = 'clinic_profile' AND detail->'fields' ? 'logo' AND action = 'update'`,
      ),
    ).toBe(1);
  });

  it('refuses a logo that is not an image (415), damaged (422) or too big (413), and keeps the old one', async () => {
    const before = (await admin.get('/api/clinic-profile').expect(200)).body.logo.sha256;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const notImage = await admin.put('/api/clinic-profile/logo').attach('file', svg, 'logo.png').expect(415);
    expect(notImage.body.message).toMatch(/JPEG, PNG, WebP and HEIC/);
    const damaged = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    await admin.put('/api/clinic-profile/logo').attach('file', damaged, 'logo.png').expect(422);
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024 + 10)]);
    await admin.put('/api/clinic-profile/logo').attach('file', huge, 'logo.jpg').expect(413);
    await frontDesk
      .put('/api/clinic-profile/logo')
      .attach(
        'file',
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .png()
          .toBuffer(),
        'l.png',
      )
      .expect(403);
    expect((await admin.get('/api/clinic-profile').expect(200)).body.logo.sha256).toBe(before);
  });

  it('removes the logo (admin), then answers 404 for it', async () => {
    await frontDesk.delete('/api/clinic-profile/logo').expect(403);
    const res = await admin.delete('/api/clinic-profile/logo').expect(200);
    expect(res.body.logo).toBeNull();
    await frontDesk.get('/api/clinic-profile/logo').expect(404);
    await admin.delete('/api/clinic-profile/logo').expect(404);
    expect((await t.db.query(`SELECT logo IS NULL AS gone FROM clinic_profile`)).rows[0].gone).toBe(true);
  });
});
