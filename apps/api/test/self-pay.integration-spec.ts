import sharp from 'sharp';
import { signIn, SignedIn } from './helpers/auth';
import { getBinary } from './helpers/binary';
import { TEST_CLINIC_PROFILE } from './helpers/clinic-profile';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { parsePdf } from './helpers/pdf';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
const ESTIMATE = {
  estimateCents: 45_000,
  estimateCurrency: 'USD',
  estimateDescription: 'Destruction of 9 milia (17110)',
};

// A signature as the tablet's pad sends it: dark strokes on a transparent canvas.
async function drawnSignature(strokes = 6): Promise<string> {
  const paths = Array.from(
    { length: strokes },
    (_, i) => `<path d="M ${20 + i * 60} 120 C ${40 + i * 60} 20, ${60 + i * 60} 200, ${80 + i * 60} 90" />`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="200"><g stroke="#111" stroke-width="4" fill="none">${paths}</g></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

const blankPad = async () =>
  (
    await sharp({ create: { width: 420, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
  ).toString('base64');

describe('self-pay: conversion, estimate, signed waiver, report', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    const admin = await signIn(t, 'admin');
    await admin.put('/api/clinic-profile').send(TEST_CLINIC_PROFILE).expect(200);
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(() => t.close());

  async function newCase(evidence: boolean): Promise<string> {
    const id = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;
    if (evidence) await addEvidence(t, id);
    return id;
  }

  async function move(id: string, body: Record<string, unknown>, status = 201) {
    const current = await frontDesk.get(`/api/cases/${id}`).expect(200);
    return frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', String(current.body.version))
      .send(body)
      .expect(status);
  }

  async function deniedCase(denialCode = 'CO-50'): Promise<string> {
    const id = await newCase(true);
    await move(id, { to: 'submitted' });
    await move(id, { to: 'denied', denialCode });
    return id;
  }

  it('refuses self-pay without a request for a case that is ready to submit', async () => {
    const id = await newCase(true);
    const res = await move(id, { to: 'self_pay', reason: 'Patient prefers to pay', ...ESTIMATE }, 422);
    expect(res.body.reasons).toEqual([
      'The readiness checklist passes: submit the request to the payer rather than converting it to self-pay.',
    ]);
    expect(await t.countRows('self_pay_conversions')).toBe(0);
  });

  it('converts a case whose criteria are not met, storing the estimate with the event', async () => {
    const id = await newCase(false);
    const res = await move(id, {
      to: 'self_pay',
      reason: 'No photos possible; criteria not documented. Patient agrees to pay.',
      ...ESTIMATE,
    });
    expect(res.body.status).toBe('self_pay');
    const rows = (
      await t.db.query(
        `SELECT s.reason, s.amount_cents, s.currency, s.description, s.from_status, e.to_status
           FROM self_pay_conversions s JOIN case_events e ON e.id = s.event_id WHERE s.case_id = $1`,
        [id],
      )
    ).rows;
    expect(rows).toEqual([
      {
        reason: 'criteria_not_met',
        amount_cents: 45_000,
        currency: 'USD',
        description: 'Destruction of 9 milia (17110)',
        from_status: 'documented',
        to_status: 'self_pay',
      },
    ]);
  });

  it('names each missing part of the estimate and writes nothing', async () => {
    const id = await newCase(false);
    const res = await move(id, { to: 'self_pay', estimateCents: 0, estimateCurrency: 'USD' }, 422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'reason',
      'estimateCents',
      'estimateDescription',
    ]);
    const bad = await move(id, { to: 'self_pay', reason: 'x', ...ESTIMATE, estimateCurrency: 'EUR' }, 400);
    expect(JSON.stringify(bad.body)).toContain('estimateCurrency');
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.status).toBe('documented');
  });

  it('the database refuses an estimate that is not positive USD cents', async () => {
    const id = await newCase(false);
    await move(id, { to: 'self_pay', reason: 'Criteria not met', ...ESTIMATE });
    await expect(
      t.db.query(`UPDATE self_pay_conversions SET amount_cents = 0 WHERE case_id = $1`, [id]),
    ).rejects.toThrow(/self_pay_conversions_amount_valid/);
    await expect(
      t.db.query(`UPDATE self_pay_conversions SET currency = 'EUR' WHERE case_id = $1`, [id]),
    ).rejects.toThrow(/self_pay_conversions_currency_valid/);
  });

  it('after a denial: only a CO-50, and only once appeals are closed or declined', async () => {
    const other = await deniedCase('CO-197');
    const refused = await move(other, { to: 'self_pay', reason: 'x', appealsDeclined: true, ...ESTIMATE }, 422);
    expect(refused.body.reasons[0]).toMatch(/CO-50 \(not medically necessary\) denial; this denial is CO-197/);

    const id = await deniedCase();
    const open = await move(id, { to: 'self_pay', reason: 'Patient will pay', ...ESTIMATE }, 422);
    expect(open.body.reasons[0]).toMatch(
      /^The denial is not final yet\. An internal appeal \(level 1\) can still be filed until/,
    );
    await move(id, { to: 'self_pay', reason: 'Patient declined to appeal', appealsDeclined: true, ...ESTIMATE });
    const [row] = (await t.db.query(`SELECT reason, payer_id FROM self_pay_conversions WHERE case_id = $1`, [id])).rows;
    expect(row).toEqual({ reason: 'appeal_declined', payer_id: clinic.payerId });
  });

  describe('the waiver signed on the tablet', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await deniedCase();
      await move(caseId, { to: 'self_pay', reason: 'Patient declined to appeal', appealsDeclined: true, ...ESTIMATE });
    });

    it('shows the estimate and the waiver text to sign', async () => {
      const res = await frontDesk.get(`/api/cases/${caseId}/self-pay`).expect(200);
      expect(res.body.estimate).toMatchObject({
        reason: 'appeal_declined',
        amountCents: 45_000,
        currency: 'USD',
        description: 'Destruction of 9 milia (17110)',
      });
      expect(res.body.waiverText.title).toBe(`${TEST_CLINIC_PROFILE.practiceName}: financial responsibility waiver`);
      expect(res.body.waiverText.paragraphs.join(' ')).toContain('form CMS-R-131');
      expect(res.body.waiver).toBeNull();
      expect(res.body.today).toBe(today());
    });

    it.each([
      ['a blank pad', blankPad, 422, /is blank/],
      [
        'a JPEG',
        async () =>
          (
            await sharp({ create: { width: 40, height: 20, channels: 3, background: '#000' } })
              .jpeg()
              .toBuffer()
          ).toString('base64'),
        415,
        /not a PNG/,
      ],
      [
        'a filled rectangle',
        async () =>
          (
            await sharp({ create: { width: 40, height: 20, channels: 3, background: '#000' } })
              .png()
              .toBuffer()
          ).toString('base64'),
        422,
        /more than half of it is ink/,
      ],
      ['something that is not base64', () => Promise.resolve('not base64!'), 400, /not base64/],
      [
        'a PNG header and nothing more',
        () => Promise.resolve(Buffer.from('89504e470d0a1a0a0000', 'hex').toString('base64')),
        422,
        /damaged PNG/,
      ],
    ])('refuses %s, storing nothing', async (_name, make, status, message) => {
      const res = await frontDesk
        .post(`/api/cases/${caseId}/waiver`)
        .send({ signedName: 'Pat Example', signaturePng: await make() })
        .expect(status);
      expect(res.body.errors).toEqual([{ field: 'signaturePng', reason: expect.stringMatching(message) }]);
      expect(await t.countRows('financial_waivers')).toBe(0);
    });

    it('refuses a signature over 64 KB by its decoded size', async () => {
      // Random pixels do not compress: about 68 KB of PNG, under the 100 KB JSON body limit as base64.
      const side = 150;
      const pixels = Buffer.from(Array.from({ length: side * side * 3 }, () => Math.floor(Math.random() * 256)));
      const noise = await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
        .png({ compressionLevel: 0 })
        .toBuffer();
      expect(noise.length).toBeGreaterThan(64 * 1024);
      const res = await frontDesk
        .post(`/api/cases/${caseId}/waiver`)
        .send({ signedName: 'Pat Example', signaturePng: noise.toString('base64') })
        .expect(413);
      expect(res.body.errors).toEqual([{ field: 'signaturePng', reason: 'is larger than 64 KB' }]);
    });

    it('refuses a waiver on a case that is not self-pay', async () => {
      const other = await deniedCase();
      const res = await frontDesk
        .post(`/api/cases/${other}/waiver`)
        .send({ signedName: 'Pat Example', signaturePng: await drawnSignature() })
        .expect(409);
      expect(res.body.code).toBe('not_self_pay');
    });

    it('stores the signed PDF with its event and audit row, once', async () => {
      const signaturePng = `data:image/png;base64,${await drawnSignature()}`;
      const res = await frontDesk
        .post(`/api/cases/${caseId}/waiver`)
        .send({ signedName: '  Pat Example ', signaturePng })
        .expect(201);
      expect(res.body).toMatchObject({
        signedName: 'Pat Example',
        signedOn: today(),
        url: `/api/waivers/${res.body.id}/file`,
      });

      const event = (
        await t.db.query(`SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'waiver_signed'`, [
          caseId,
        ])
      ).rows;
      expect(event).toEqual([
        { actor_id: frontDesk.user.id, data: expect.objectContaining({ waiverId: res.body.id }) },
      ]);
      const audit = (
        await t.db.query(
          `SELECT action, user_id FROM audit_events WHERE object_type = 'financial_waiver' AND object_id = $1`,
          [res.body.id],
        )
      ).rows;
      expect(audit).toEqual([{ action: 'create', user_id: frontDesk.user.id }]);

      const again = await frontDesk
        .post(`/api/cases/${caseId}/waiver`)
        .send({ signedName: 'Pat Example', signaturePng })
        .expect(409);
      expect(again.body.code).toBe('waiver_signed');

      const shown = await manager.get(`/api/cases/${caseId}/self-pay`).expect(200);
      expect(shown.body.waiver).toMatchObject({ id: res.body.id, signedName: 'Pat Example' });

      const file = await getBinary(manager, res.body.url).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="financial-waiver-/);
      const pdf = parsePdf(file.body as Buffer);
      expect(pdf.pages).toBe(1);
      expect(pdf.imagesPerPage).toEqual([1]);
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain(`${TEST_CLINIC_PROFILE.practiceName}: financial responsibility waiver`);
      expect(text).toContain('Estimated cost to me: $450.00 (USD).');
      expect(text).toContain('Service: Destruction of 9 milia (17110).');
      expect(text).toContain('I have chosen not to appeal');
      expect(text).toContain('form CMS-R-131');
      expect(text).toContain('Printed name: Pat Example');
      expect(text).toMatch(/Date: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    });
  });

  it('reports conversions by payer and reason, leaving out an undone one', async () => {
    const undone = await newCase(false);
    await move(undone, { to: 'self_pay', reason: 'Mistake', ...ESTIMATE });
    const [event] = (await t.db.query(`SELECT event_id FROM self_pay_conversions WHERE case_id = $1`, [undone]))
      .rows as { event_id: string }[];
    const current = await frontDesk.get(`/api/cases/${undone}`).expect(200);
    await frontDesk
      .post(`/api/cases/${undone}/events/${event.event_id}/undo`)
      .set('If-Match', String(current.body.version))
      .send({})
      .expect(201);

    const res = await manager.get(`/api/reports/self-pay?from=${today()}&to=${today()}`).expect(200);
    const payer = (await t.db.query(`SELECT name FROM payers WHERE id = $1`, [clinic.payerId])).rows[0].name;
    expect(res.body.rows).toEqual([
      {
        payerId: clinic.payerId,
        payer,
        reason: 'appeal_declined',
        reasonLabel: 'CO-50 denial final: patient declined to appeal',
        conversions: 2,
        estimatedCents: 90_000,
      },
      {
        payerId: clinic.payerId,
        payer,
        reason: 'criteria_not_met',
        reasonLabel: 'Criteria not met: not requested',
        conversions: 2,
        estimatedCents: 90_000,
      },
    ]);
    const csv = await manager.get(`/api/reports/export?table=self-pay&from=${today()}&to=${today()}`).expect(200);
    expect(csv.text.split(/\r?\n/)[0]).toBe('Payer,Reason,Cases,Estimates (USD)');
  });
});
