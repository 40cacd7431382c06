import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { signIn, SignedIn, TEST_PASSWORD } from './helpers/auth';
import { getBinary } from './helpers/binary';
import { TEST_CLINIC_PROFILE } from './helpers/clinic-profile';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, linkProvider, readyCaseBody } from './helpers/fixtures';
import { multipart } from './helpers/multipart';
import { parsePdf, type ParsedPdf } from './helpers/pdf';
import PDFDocument from 'pdfkit';

const PROFILE = TEST_CLINIC_PROFILE;
const PAYER_FAX = '(800) 555-0199';

const squash = (text: string) => text.replace(/\s+/g, ' ');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
const longDay = (ymd: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(`${ymd}T12:00:00Z`),
  );

// A payer's letter as its system produces it, one page per string.
function payerLetter(pages: string[]): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.text(text);
  });
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

describe('the packet PDF', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let uploadDir: string;

  async function createCase(): Promise<{ id: string; version: number; caseNumber: string }> {
    const res = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    return { id: res.body.id, version: res.body.version, caseNumber: res.body.caseNumber };
  }

  async function move(id: string, version: number, body: Record<string, unknown>): Promise<number> {
    const res = await frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', String(version))
      .send(body)
      .expect(201);
    return res.body.version as number;
  }

  async function packet(id: string, name?: string): Promise<ParsedPdf> {
    const res = await getBinary(frontDesk, `/api/cases/${id}/packet`).expect(200);
    // PACKET_PDF_DIR=/tmp/x keeps the PDFs, to look at them.
    if (process.env.PACKET_PDF_DIR && name) {
      mkdirSync(process.env.PACKET_PDF_DIR, { recursive: true });
      writeFileSync(join(process.env.PACKET_PDF_DIR, `${name}.pdf`), res.body as Buffer);
    }
    return parsePdf(res.body as Buffer);
  }

  async function signLetter(caseId: string, kind: 'medical_necessity' | 'appeal') {
    const letter = await physician.post(`/api/cases/${caseId}/letters`).send({ kind }).expect(201);
    return (
      await physician
        .post(`/api/cases/${caseId}/letters/${letter.body.id}/sign`)
        .send({ password: TEST_PASSWORD })
        .expect(201)
    ).body as { signedAt: string };
  }

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'preauth-packet-'));
    t = await createTestApp({ UPLOAD_DIR: uploadDir });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
    await linkProvider(t, physician.user.id, clinic.providerId);
    await t.db.query(`UPDATE payers SET fax = $2, phone = '(800) 555-0100' WHERE id = $1`, [clinic.payerId, PAYER_FAX]);
    await admin.put('/api/clinic-profile').send(PROFILE).expect(200);
    const logo = await sharp({ create: { width: 360, height: 120, channels: 3, background: '#1f5f8b' } })
      .png()
      .toBuffer();
    await admin.put('/api/clinic-profile/logo').attach('file', logo, 'logo.png').expect(200);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  }, 60_000);

  it('carries the letterhead, the patient, the case and "Page N of M" on every page, a fax cover sheet first and a contents list', async () => {
    const { id, version, caseNumber } = await createCase();
    for (const [site, count, day] of [
      ['Behind the left ear', 6, '2026-11-02'],
      ['Posterior scalp line', 11, '2026-11-09'],
    ] as const) {
      await physician
        .post(`/api/cases/${id}/photos`)
        .field('bodySite', site)
        .field('lesionCount', String(count))
        .field('takenAt', `${day}T15:00:00Z`)
        .attach(
          'file',
          await sharp({ create: { width: 640, height: 480, channels: 3, background: '#d9a888' } })
            .jpeg()
            .toBuffer(),
          'photo.jpg',
        )
        .expect(201);
    }
    await physician
      .post(`/api/cases/${id}/notes`)
      .send({ kind: 'clinical_note', text: 'Milia en plaque behind both ears; pruritic; retinol failed.' })
      .expect(201);
    await signLetter(id, 'medical_necessity');
    const v = await move(id, version, { to: 'submitted' });
    await move(id, v, { to: 'denied', denialCode: 'CO-50', denialText: 'Cosmetic procedure.' });
    const appeal = await signLetter(id, 'appeal');
    const before = Date.now();
    const parsed = await packet(id, 'appeal-level-1');

    const pages = parsed.pageTexts.map(squash);
    expect(pages.length).toBe(parsed.pages);
    expect(parsed.pages).toBeGreaterThanOrEqual(7);
    pages.forEach((page, i) => {
      expect(page).toContain('Casco Bay Dermatology');
      expect(page).toContain('Phone (207) 555-0140 · Fax (207) 555-0141');
      expect(page).toContain(
        `Patient: Evelyn Thibodeau · DOB: September 14, 1968 · Member ID: W123 · Case: ${caseNumber}`,
      );
      expect(page).toContain(`Page ${i + 1} of ${parsed.pages}`);
    });

    // The cover sheet: to the payer's UM fax, from the clinic, the page count, the notice.
    const cover = pages[0];
    const payerName = (await t.db.query(`SELECT name FROM payers WHERE id = $1`, [clinic.payerId])).rows[0].name;
    for (const expected of [
      'FAX',
      'Level 1 appeal of a denied pre-authorization',
      payerName,
      'Utilization Management / Prior Authorization',
      `Fax: ${PAYER_FAX}`,
      'From',
      'Fax: (207) 555-0141',
      '120 Exchange Street',
      'Portland, ME 04101',
      `Pages: ${parsed.pages}, including this cover sheet`,
      'CONFIDENTIALITY NOTICE',
    ]) {
      expect(cover).toContain(expected);
    }
    expect(parsed.imagesPerPage[0]).toBe(1); // the logo

    // The contents list names each part with its page.
    const contents = pages[1];
    expect(contents).toContain('Contents');
    expect(contents).toMatch(/Fax cover sheet page 1/);
    expect(contents).toMatch(/Appeal letter \(version 1\) page 3/);
    const photosPage = pages.findIndex((p) => p.includes('Photograph 1 of 2')) + 1;
    expect(contents).toContain(`Clinical photographs (2) page ${photosPage}`);
    const notesPage = pages.findIndex((p) => p.includes('Milia en plaque behind both ears; pruritic')) + 1;
    expect(contents).toContain(`Clinical notes page ${notesPage}`);
    // The appeal leads, the letter of medical necessity follows.
    expect(pages.findIndex((p) => p.includes('RE: Level 1 appeal'))).toBeLessThan(
      pages.findIndex((p) => p.includes('RE: Letter of medical necessity')),
    );

    // Photos captioned with site, lesion count and date.
    expect(pages[photosPage - 1]).toContain('Photograph 1: Behind the left ear: 6 lesions, taken November 2, 2026');
    expect(pages[photosPage]).toContain('Photograph 2: Posterior scalp line: 11 lesions, taken November 9, 2026');

    // No signature alone on its page: the closing is on the signature's page.
    for (const page of pages.filter((p) => p.includes('Electronically signed by'))) {
      expect(page).toContain('Sincerely,');
    }

    // Times in the clinic's zone, never an ISO timestamp.
    const day = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    expect(cover).toMatch(
      new RegExp(
        `Date: (${day.format(new Date(before))}|${day.format(new Date())}),? (at )?\\d{1,2}:\\d{2}:\\d{2} [AP]M E[SD]T`,
      ),
    );
    expect(squash(parsed.text)).toContain(`on ${day.format(new Date(appeal.signedAt))}`);
    expect(parsed.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(parsed.info).toMatchObject({ Title: `Level 1 appeal of a denied pre-authorization: case ${caseNumber}` });
    expect(
      (
        await t.db.query(
          `SELECT detail->>'purpose' AS purpose FROM audit_events WHERE object_type = 'appeal_packet' AND case_id = $1`,
          [id],
        )
      ).rows,
    ).toEqual([{ purpose: 'appeal_level_1' }]);
  });

  it('is titled by the stage of the case: request, answer to an information request, level 1 and 2 appeals, external review', async () => {
    const titles: string[] = [];
    const title = async (caseId: string, name: string) => {
      const parsed = await packet(caseId, name);
      const first = squash(parsed.pageTexts[0]);
      titles.push(
        [
          'Pre-authorization request',
          'Response to a request for additional information',
          'Level 1 appeal',
          'Level 2 appeal',
          'Request for external review',
        ].find((candidate) => first.includes(candidate)) ?? first,
      );
      return parsed;
    };
    const { id, version } = await createCase();
    await addEvidence(t, id);
    const request = await title(id, 'request');
    // A request sends the letter of medical necessity alone, and says when none is signed.
    expect(squash(request.text)).toContain('No signed letter is on file for this case yet.');
    let v = await move(id, version, { to: 'submitted' });
    await title(id, 'request-submitted');
    v = await move(id, v, { to: 'more_info_requested', note: 'Dates of the retinol trial' });
    await title(id, 'info');
    v = await move(id, v, { to: 'submitted' });
    await title(id, 'info-sent');
    v = await move(id, v, { to: 'denied', denialCode: 'CO-50' });
    await title(id, 'denied');
    v = await move(id, v, { to: 'appealed', appealLevel: 1, letterAttached: true });
    v = await move(id, v, { to: 'denied', denialCode: 'CO-50' });
    await title(id, 'denied-again');
    v = await move(id, v, { to: 'appealed', appealLevel: 2, letterAttached: true, newDocumentation: true });
    v = await move(id, v, { to: 'denied', denialCode: 'CO-50' });
    await title(id, 'external');
    expect(titles).toEqual([
      'Pre-authorization request',
      'Pre-authorization request',
      'Response to a request for additional information',
      'Response to a request for additional information',
      'Level 1 appeal',
      'Level 2 appeal',
      'Request for external review',
    ]);
    expect(v).toBeGreaterThan(version);
  });

  it("encloses the payer's letter the packet answers as its own pages, in the contents and the page count", async () => {
    async function file(caseId: string, kind: string, data: Buffer, filename: string): Promise<string> {
      const { body, contentType } = multipart(
        { kind, receivedOn: today() },
        { data, filename, contentType: 'application/pdf' },
      );
      const res = await frontDesk
        .post(`/api/cases/${caseId}/documents`)
        .set('Content-Type', contentType)
        .send(body)
        .expect(201);
      return res.body.id as string;
    }
    const payerName = (await t.db.query(`SELECT name FROM payers WHERE id = $1`, [clinic.payerId])).rows[0].name;
    const { id, version } = await createCase();
    await addEvidence(t, id);
    await signLetter(id, 'medical_necessity');
    let v = await move(id, version, { to: 'submitted' });
    const request = await file(
      id,
      'information_request',
      await payerLetter(['REQUEST FOR INFORMATION: send the dates of the retinol and tretinoin trials.']),
      'request.pdf',
    );
    v = await move(id, v, { to: 'more_info_requested', note: 'Dates of the trials', documentId: request });

    // The response to the information request encloses the request itself.
    const response = await packet(id, 'info-response-enclosure');
    const requestPage = response.pageTexts.findIndex((p) => p.includes('REQUEST FOR INFORMATION: send the dates')) + 1;
    expect(requestPage).toBeGreaterThan(2);
    expect(squash(response.pageTexts[1])).toContain(
      `Information request from ${payerName}, received ${longDay(today())} page ${requestPage}`,
    );

    v = await move(id, v, { to: 'submitted' });
    await move(id, v, { to: 'denied', denialCode: 'CO-50' });
    const denial = await file(
      id,
      'denial',
      await payerLetter([
        'NOTICE OF ADVERSE DETERMINATION. The requested service is considered cosmetic.',
        'YOUR RIGHT TO APPEAL. You may appeal within 180 days of this notice.',
      ]),
      'denial.pdf',
    );
    await file(id, 'other', await payerLetter(['PLAN NEWSLETTER, not for the packet.']), 'news.pdf');
    await signLetter(id, 'appeal');
    const parsed = await packet(id, 'appeal-enclosure');
    const pages = parsed.pageTexts.map(squash);

    // Both pages of the denial, each on a packet page with the running header and the continuous count.
    const first = pages.findIndex((p) => p.includes('NOTICE OF ADVERSE DETERMINATION'));
    expect(first).toBeGreaterThan(1);
    expect(pages[first + 1]).toContain('YOUR RIGHT TO APPEAL. You may appeal within 180 days');
    const title = `Denial from ${payerName}, received ${longDay(today())}`;
    expect(pages[first]).toContain(`Enclosure: ${title}, page 1 of 2`);
    expect(pages[first + 1]).toContain(`Enclosure: ${title}, page 2 of 2`);
    pages.forEach((page, i) => {
      expect(page).toContain('Case: ');
      expect(page).toContain(`Page ${i + 1} of ${parsed.pages}`);
    });
    expect(pages[0]).toContain(`Pages: ${parsed.pages}, including this cover sheet`);
    expect(pages[1]).toContain(`${title} page ${first + 1}`);
    // Only what this packet answers: not the answered information request, not the newsletter.
    expect(parsed.text).not.toContain('REQUEST FOR INFORMATION');
    expect(parsed.text).not.toContain('PLAN NEWSLETTER');
    const audit = await t.db.query(
      `SELECT detail->'payerDocuments' AS documents FROM audit_events
        WHERE object_type = 'appeal_packet' AND case_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [id],
    );
    expect(audit.rows[0].documents).toEqual([denial]);
  });

  it('says so on its page when an enclosed payer document cannot be read', async () => {
    const { id, version } = await createCase();
    await addEvidence(t, id);
    const v = await move(id, version, { to: 'submitted' });
    await move(id, v, { to: 'denied', denialCode: 'CO-50' });
    const { body, contentType } = multipart(
      { kind: 'denial', receivedOn: today() },
      {
        data: Buffer.from('%PDF-1.7\nnot really a PDF\n%%EOF\n'),
        filename: 'broken.pdf',
        contentType: 'application/pdf',
      },
    );
    await frontDesk.post(`/api/cases/${id}/documents`).set('Content-Type', contentType).send(body).expect(201);
    const parsed = await packet(id, 'broken-enclosure');
    const pages = parsed.pageTexts.map(squash);
    const page = pages.findIndex((p) => p.includes('Enclosure: Denial from'));
    expect(pages[page]).toContain('This document could not be read as a PDF');
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${parsed.pages}`));
  });

  it('goes out without a letterhead while no profile is saved, and says where to set it', async () => {
    const { id } = await createCase();
    await t.db.query(`DELETE FROM clinic_profile`);
    try {
      const parsed = await packet(id, 'no-profile');
      const pages = parsed.pageTexts.map(squash);
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${parsed.pages}`));
      expect(pages[0]).toContain('No letterhead: an administrator sets it under Settings, Clinic profile.');
      expect(pages[0]).toContain('Clinic profile not set up: no return fax number');
    } finally {
      await admin.put('/api/clinic-profile').send(PROFILE).expect(200);
    }
  });
});
