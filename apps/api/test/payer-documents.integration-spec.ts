import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { multipart, type Part } from './helpers/multipart';
import { parsePdf } from './helpers/pdf';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

// A real (small) payer letter, as a payer's system would produce it.
function letterPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.text(text);
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

// A three-page fax, as a fax server stores it.
async function faxTiff(): Promise<Buffer> {
  const page = (v: number) =>
    sharp({ create: { width: 170, height: 220, channels: 3, background: { r: v, g: v, b: v } } })
      .png()
      .toBuffer();
  const pages = await Promise.all([page(250), page(200), page(120)]);
  return sharp(pages, { join: { animated: true } })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

describe('payer documents on a case', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let caseId: string;
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-documents-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
    caseId = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  function upload(actor: SignedIn, fields: Record<string, string>, file?: Part, forCase = caseId) {
    const { body, contentType } = multipart(fields, file);
    return actor.post(`/api/cases/${forCase}/documents`).set('Content-Type', contentType).send(body);
  }

  it('files a PDF letter, lists it, and serves it only as a sandboxed download', async () => {
    const pdf = await letterPdf('We have denied the request. Reason code CO-50.');
    const res = await upload(
      frontDesk,
      { kind: 'denial', receivedOn: today() },
      { data: pdf, filename: 'denial letter.pdf', contentType: 'application/pdf' },
    ).expect(201);
    expect(res.body).toMatchObject({
      caseId,
      kind: 'denial',
      receivedOn: today(),
      dueOn: null,
      fileName: 'denial letter.pdf',
      byteSize: pdf.length,
      pageCount: 1,
      convertedFrom: null,
      url: `/api/documents/${res.body.id}/file`,
    });
    const audit = await t.db.query(
      `SELECT action, user_id FROM audit_events WHERE object_type = 'payer_document' AND object_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([{ action: 'create', user_id: frontDesk.user.id }]);

    const listed = await physician.get(`/api/cases/${caseId}/documents`).expect(200);
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(res.body.id);

    const file = await physician
      .get(res.body.url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="denial letter.pdf"/);
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('converts a multi-page TIFF fax to a PDF of every page', async () => {
    const res = await upload(
      manager,
      { kind: 'information_request', receivedOn: today(), dueOn: today() },
      { data: await faxTiff(), filename: 'FAX0042.TIF', contentType: 'image/tiff' },
    ).expect(201);
    expect(res.body).toMatchObject({ fileName: 'FAX0042.pdf', pageCount: 3, convertedFrom: 'tiff', dueOn: today() });
    const row = (await t.db.query(`SELECT content FROM case_documents WHERE id = $1`, [res.body.id])).rows[0];
    expect(row.content.subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = parsePdf(row.content);
    expect(parsed.pages).toBe(3);
  });

  it.each([
    ['a text file named .pdf', Buffer.from('Dear clinic, this is not a PDF at all.'), 'letter.pdf'],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n'), 'cut.pdf'],
    ['a PNG named .tif', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'fax.tif'],
  ])('refuses %s with 415 naming the file, storing nothing', async (_label, data, filename) => {
    const before = await t.countRows('case_documents');
    const res = await upload(frontDesk, { kind: 'denial', receivedOn: today() }, { data, filename }).expect(415);
    expect(res.body.message).toBe(
      'Only a PDF or a TIFF fax image is accepted, recognised by its content; this file is neither, whatever its name or type says.',
    );
    expect(res.body.errors).toEqual([{ field: 'file', reason: res.body.message }]);
    expect(await t.countRows('case_documents')).toBe(before);
  });

  it('refuses a damaged TIFF with 422', async () => {
    const tiff = await faxTiff();
    const res = await upload(
      frontDesk,
      { kind: 'other', receivedOn: today() },
      { data: Buffer.concat([tiff.subarray(0, 8), Buffer.alloc(64)]), filename: 'fax.tif' },
    ).expect(422);
    expect(res.body.errors).toEqual([{ field: 'file', reason: 'is a damaged TIFF image that cannot be read' }]);
  });

  it.each([
    ['an unknown kind', { kind: 'love_letter', receivedOn: '2026-01-02' }, 'kind'],
    ['a missing date', { kind: 'denial' }, 'receivedOn'],
    ['a due date on a denial', { kind: 'denial', receivedOn: '2026-01-02', dueOn: '2026-01-09' }, 'dueOn'],
    [
      'a due date before it arrived',
      { kind: 'information_request', receivedOn: '2026-01-09', dueOn: '2026-01-02' },
      'dueOn',
    ],
  ])('refuses %s with 400 naming the field', async (_label, fields, field) => {
    const res = await upload(frontDesk, fields, {
      data: await letterPdf('x'),
      filename: 'a.pdf',
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only the front desk and managers file, and answers 404 for an unknown case', async () => {
    await upload(
      physician,
      { kind: 'denial', receivedOn: today() },
      { data: await letterPdf('x'), filename: 'a.pdf' },
    ).expect(403);
    await upload(
      frontDesk,
      { kind: 'denial', receivedOn: today() },
      { data: await letterPdf('x'), filename: 'a.pdf' },
      '00000000-0000-4000-8000-000000000000',
    ).expect(404);
    await physician.get('/api/documents/00000000-0000-4000-8000-000000000000/file').expect(404);
  });

  describe('as the evidence of a step', () => {
    const inDays = (n: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + n * 86_400_000));

    async function submitted(): Promise<{ id: string; version: number }> {
      const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
      await addEvidence(t, created.body.id);
      const res = await frontDesk
        .post(`/api/cases/${created.body.id}/transitions`)
        .set('If-Match', '1')
        .send({ to: 'submitted' })
        .expect(201);
      return { id: created.body.id, version: res.body.version };
    }

    it("records the payer's information request with its letter, whose earlier due date becomes the clock", async () => {
      const { id, version } = await submitted();
      const letter = await upload(
        frontDesk,
        { kind: 'information_request', receivedOn: today(), dueOn: inDays(5) },
        { data: await letterPdf('Send the dated photos by the date below.'), filename: 'request.pdf' },
        id,
      ).expect(201);
      const res = await frontDesk
        .post(`/api/cases/${id}/transitions`)
        .set('If-Match', String(version))
        .send({ to: 'more_info_requested', note: 'Dated photos', documentId: letter.body.id })
        .expect(201);
      expect(res.body.currentClock).toMatchObject({ kind: 'info_response', dueDate: inDays(5) });
      const row = (await t.db.query(`SELECT info_due_on, next_due_kind FROM cases WHERE id = $1`, [id])).rows[0];
      expect(row.next_due_kind).toBe('info_response');
      const event = (
        await t.db.query(
          `SELECT data FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id DESC LIMIT 1`,
          [id],
        )
      ).rows[0];
      expect(event.data).toMatchObject({ documentId: letter.body.id, infoDueOn: inDays(5) });
    });

    it("refuses another case's document (400 on documentId) and a client's own infoDueOn", async () => {
      const { id, version } = await submitted();
      const elsewhere = await upload(
        frontDesk,
        { kind: 'information_request', receivedOn: today() },
        { data: await letterPdf('x'), filename: 'other.pdf' },
      ).expect(201);
      const res = await frontDesk
        .post(`/api/cases/${id}/transitions`)
        .set('If-Match', String(version))
        .send({ to: 'more_info_requested', note: 'x', documentId: elsewhere.body.id })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'documentId', reason: 'is not a payer document filed on this case' }]);
      await frontDesk
        .post(`/api/cases/${id}/transitions`)
        .set('If-Match', String(version))
        .send({ to: 'more_info_requested', note: 'x', infoDueOn: inDays(1) })
        .expect(400);
      expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [id])).rows[0].status).toBe('submitted');
    });
  });
});
