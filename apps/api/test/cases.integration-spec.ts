import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

describe('cases over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  async function createReadyCase(): Promise<{ id: string; version: number }> {
    const res = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    // The checklist also wants a photo and a physician note (issue #4); these tests are not about them.
    await addEvidence(t, res.body.id);
    return { id: res.body.id, version: res.body.version };
  }

  async function move(actor: SignedIn, id: string, version: number, body: Record<string, unknown>, status = 201) {
    return actor.post(`/api/cases/${id}/transitions`).set('If-Match', String(version)).send(body).expect(status);
  }

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/cases', () => {
    it('creates a documented case with its lines, treatments and a created event', async () => {
      const res = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
      expect(res.body).toMatchObject({ status: 'documented', version: 1, cptCodes: ['17110'], diagnoses: ['L72.0'] });
      expect(res.body.caseNumber).toMatch(/^PA-\d{6}$/);
      expect(res.headers.etag).toBe('"1"');
      const row = (
        await t.db.query(`SELECT status, necessity_criteria, created_by FROM cases WHERE id = $1`, [res.body.id])
      ).rows[0];
      expect(row).toEqual({
        status: 'documented',
        necessity_criteria: ['itching', 'burning'],
        created_by: physician.user.id,
      });
      expect(await t.countRows('case_procedure_lines', 'case_id = $1', [res.body.id])).toBe(1);
      expect(await t.countRows('case_failed_treatments', 'case_id = $1', [res.body.id])).toBe(1);
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'created'`, [res.body.id])).toBe(1);
      // Everything but the evidence, which comes after the case exists (photos and notes).
      const failing = res.body.readiness.items
        .filter((i: { passed: boolean }) => !i.passed)
        .map((i: { id: string }) => i.id);
      expect(failing).toEqual(['photos', 'physician_note']);
    });

    it('lets front desk open a case without clinical findings but not write them', async () => {
      const { findings, failedTreatments, ...administrative } = readyCaseBody(clinic);
      const ok = await frontDesk.post('/api/cases').send(administrative).expect(201);
      expect(ok.body.readiness.ready).toBe(false);
      expect(
        ok.body.readiness.items.find((i: { field?: string; passed: boolean }) => i.field === 'findings' && !i.passed),
      ).toBeDefined();
      const before = await t.countRows('cases');
      const refused = await frontDesk
        .post('/api/cases')
        .send({ ...administrative, findings, failedTreatments })
        .expect(403);
      expect(refused.body.message).toMatch(/physician/i);
      expect(await t.countRows('cases')).toBe(before);
    });

    it.each([
      ['an unknown field', { color: 'red' }, 'color'],
      [
        'a malformed CPT code',
        { procedureLines: [{ cpt: '17A', units: 1, bodySite: 'ear', lesionCount: 3 }] },
        'procedureLines.0.cpt',
      ],
      ['a malformed ICD-10 code', { diagnoses: ['72.0'] }, 'diagnoses'],
      [
        'a missing body site',
        { procedureLines: [{ cpt: '17110', units: 1, lesionCount: 3 }] },
        'procedureLines.0.bodySite',
      ],
      ['an unknown criterion', { findings: { criteria: ['boredom'] } }, 'findings.criteria'],
      [
        'a bad date',
        { failedTreatments: [{ therapy: 'x', startDate: '2026-02-30', outcome: 'none' }] },
        'failedTreatments.0.startDate',
      ],
      ['an urgency that does not exist', { urgency: 'whenever' }, 'urgency'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_label, patch, field) => {
      const before = await t.countRows('cases');
      const res = await physician
        .post('/api/cases')
        .send({ ...readyCaseBody(clinic), ...patch })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.countRows('cases')).toBe(before);
    });

    it('refuses a patient that does not exist with 400 on patientId', async () => {
      const res = await physician
        .post('/api/cases')
        .send({ ...readyCaseBody(clinic), patientId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'patientId', reason: 'is not a known patient' }]);
    });
  });

  describe('transitions', () => {
    it('needs If-Match (428) and refuses a stale version (409) without changing anything', async () => {
      const { id } = await createReadyCase();
      await frontDesk.post(`/api/cases/${id}/transitions`).send({ to: 'submitted' }).expect(428);
      const stale = await move(frontDesk, id, 7, { to: 'submitted' }, 409);
      expect(stale.body.message).toMatch(/reload/);
      const row = (await t.db.query(`SELECT status, version FROM cases WHERE id = $1`, [id])).rows[0];
      expect(row).toEqual({ status: 'documented', version: 1 });
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'transition'`, [id])).toBe(0);
    });

    it('submits a ready case: status, version, clock and event commit together', async () => {
      const { id } = await createReadyCase();
      const res = await move(frontDesk, id, 1, { to: 'submitted' });
      expect(res.body).toMatchObject({ status: 'submitted', version: 2 });
      expect(res.body.currentClock).toMatchObject({ kind: 'payer_decision', owner: 'payer', overdue: false });
      const row = (
        await t.db.query(`SELECT status, version, submitted_at, next_due_kind, next_due_at FROM cases WHERE id = $1`, [
          id,
        ])
      ).rows[0];
      expect(row).toMatchObject({ status: 'submitted', version: 2, next_due_kind: 'payer_decision' });
      expect(row.next_due_at.toISOString()).toBe(res.body.currentClock.dueAt);
      const events = await t.db.query(
        `SELECT from_status, to_status, actor_id FROM case_events WHERE case_id = $1 AND type = 'transition'`,
        [id],
      );
      expect(events.rows).toEqual([{ from_status: 'documented', to_status: 'submitted', actor_id: frontDesk.user.id }]);
    });

    it('refuses to submit a case that fails the readiness checklist, with the reasons (422)', async () => {
      const { findings, ...body } = readyCaseBody(clinic);
      const created = await physician
        .post('/api/cases')
        .send({ ...body, diagnoses: [] })
        .expect(201);
      const res = await move(frontDesk, created.body.id, 1, { to: 'submitted' }, 422);
      expect(res.body.code).toBe('guard_failed');
      expect(res.body.reasons.join(' ')).toMatch(/diagnos/i);
      expect(res.body.reasons.join(' ')).toMatch(/criteri|necessity/i);
      expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [created.body.id])).rows[0].status).toBe(
        'documented',
      );
      void findings;
    });

    // The contract of libs/domain/README.md: 422 when a rule refuses a move the state allows (a
    // guard failed), 409 when the move conflicts with the case as it stands (a stale version, or a
    // state that has no such move).
    it('refuses a denial without a CARC reason: a guard fails (422, guard_failed)', async () => {
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      const noReason = await move(frontDesk, id, 2, { to: 'denied' }, 422);
      expect(noReason.body.code).toBe('guard_failed');
      expect(noReason.body.reasons.join(' ')).toMatch(/CARC/);
      expect((await t.db.query(`SELECT status, version FROM cases WHERE id = $1`, [id])).rows[0]).toEqual({
        status: 'submitted',
        version: 2,
      });
    });

    it('refuses a denial dated before the submission it answers (422 on occurredAt), writing nothing', async () => {
      const { id } = await createReadyCase();
      const submitted = await move(frontDesk, id, 1, { to: 'submitted' });
      const submittedAt = new Date(submitted.body.submittedAt as string);
      const eventsBefore = await t.countRows('case_events', 'case_id = $1', [id]);
      const decisionsBefore = await t.countRows('case_decisions', 'case_id = $1', [id]);
      const early = new Date(submittedAt.getTime() - 86_400_000).toISOString();
      const res = await move(frontDesk, id, 2, { to: 'denied', denialCode: 'CO-50', occurredAt: early }, 422);
      expect(res.body.code).toBe('guard_failed');
      expect(res.body.reasons).toEqual([
        expect.stringMatching(/^The event cannot be dated before the submission it answers \(/),
      ]);
      expect(res.body.errors).toEqual([{ field: 'occurredAt', reason: res.body.reasons[0] }]);
      expect((await t.db.query(`SELECT status, version, denied_at FROM cases WHERE id = $1`, [id])).rows[0]).toEqual({
        status: 'submitted',
        version: 2,
        denied_at: null,
      });
      expect(await t.countRows('case_events', 'case_id = $1', [id])).toBe(eventsBefore);
      expect(await t.countRows('case_decisions', 'case_id = $1', [id])).toBe(decisionsBefore);
      // The same instant as the submission is possible (recorded at once from the portal).
      await move(frontDesk, id, 2, { to: 'denied', denialCode: 'CO-50', occurredAt: submittedAt.toISOString() });
    });

    it('refuses a move the current state does not allow (409, not_allowed)', async () => {
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      const jump = await move(frontDesk, id, 2, { to: 'external_review' }, 409);
      expect(jump.body.code).toBe('not_allowed');
      expect(jump.body.reasons.join(' ')).toMatch(/cannot move to/);
      expect((await t.db.query(`SELECT status, version FROM cases WHERE id = $1`, [id])).rows[0]).toEqual({
        status: 'submitted',
        version: 2,
      });
    });

    it('lets only the roles of the transition table take it (403 otherwise)', async () => {
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      const res = await move(
        physician,
        id,
        2,
        { to: 'approved', authorizationNumber: 'A1', validFrom: '2026-12-01', validTo: '2027-02-28' },
        403,
      );
      expect(res.body.message).toMatch(/front desk|manager/i);
    });

    it('walks denial → appeal → overturned, recording decisions with their legal deadlines', async () => {
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      const denied = await move(frontDesk, id, 2, { to: 'denied', denialCode: 'co-50', denialText: 'Cosmetic' });
      expect(denied.body).toMatchObject({ status: 'denied', denialCode: 'CO-50', denialText: 'Cosmetic' });
      expect(denied.body.clocks.map((c: { kind: string }) => c.kind)).toEqual(
        expect.arrayContaining(['appeal_filing', 'peer_to_peer_request']),
      );
      expect(denied.body.currentClock.kind).toBe('peer_to_peer_request');

      // A denied request is never edited.
      const edit = await physician
        .patch(`/api/cases/${id}`)
        .set('If-Match', '3')
        .send({ diagnoses: ['L72.8'] })
        .expect(409);
      expect(edit.body.message).toMatch(/corrected request/);

      const noLetter = await move(physician, id, 3, { to: 'appealed', appealLevel: 1 }, 422);
      expect(noLetter.body.reasons.join(' ')).toMatch(/letter|documentation/i);
      const appealed = await move(physician, id, 3, {
        to: 'appealed',
        appealLevel: 1,
        letterAttached: true,
        note: 'LMN attached',
      });
      expect(appealed.body).toMatchObject({ status: 'appealed', appealLevel: 1 });
      expect(appealed.body.currentClock.kind).toBe('appeal_decision');

      const approved = await move(manager, id, 4, {
        to: 'approved',
        authorizationNumber: 'AUTH-9',
        validFrom: '2026-12-01',
        validTo: '2027-03-01',
      });
      expect(approved.body).toMatchObject({ status: 'approved', authorizationNumber: 'AUTH-9', validTo: '2027-03-01' });

      const decisions = await t.db.query(
        `SELECT stage, outcome, denial_code, due_at IS NOT NULL AS has_due FROM case_decisions WHERE case_id = $1 ORDER BY decided_at`,
        [id],
      );
      expect(decisions.rows).toEqual([
        { stage: 'initial', outcome: 'denied', denial_code: 'CO-50', has_due: true },
        { stage: 'appeal_1', outcome: 'approved', denial_code: null, has_due: true },
      ]);
      const last = await t.db.query(
        `SELECT data FROM case_events WHERE case_id = $1 AND type = 'transition' ORDER BY id DESC LIMIT 1`,
        [id],
      );
      expect(last.rows[0].data).toMatchObject({ outcome: 'overturned', authorizationNumber: 'AUTH-9' });
    });

    it('lets exactly one of two concurrent transitions win', async () => {
      const { id } = await createReadyCase();
      const attempts = await Promise.all([
        frontDesk.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }),
        manager.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'withdrawn', reason: 'Self-pay' }),
      ]);
      expect(attempts.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'transition'`, [id])).toBe(1);
      expect((await t.db.query(`SELECT version FROM cases WHERE id = $1`, [id])).rows[0].version).toBe(2);
    });
  });

  describe('PATCH /api/cases/:id', () => {
    it('changes the fields the state allows and bumps the version', async () => {
      const { id } = await createReadyCase();
      const res = await frontDesk
        .patch(`/api/cases/${id}`)
        .set('If-Match', '1')
        .send({ diagnoses: ['l72.8'], urgency: 'expedited' })
        .expect(200);
      expect(res.body).toMatchObject({ diagnoses: ['L72.8'], urgency: 'expedited', version: 2 });
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'updated'`, [id])).toBe(1);
    });

    it('refuses clinical fields from front desk (403) and clinical edits after submission (409)', async () => {
      const { id } = await createReadyCase();
      await frontDesk
        .patch(`/api/cases/${id}`)
        .set('If-Match', '1')
        .send({ findings: { criteria: ['pain'] } })
        .expect(403);
      await move(frontDesk, id, 1, { to: 'submitted' });
      const res = await physician
        .patch(`/api/cases/${id}`)
        .set('If-Match', '2')
        .send({ findings: { criteria: ['pain'] } })
        .expect(409);
      expect(res.body.errors).toEqual([{ field: 'findings', reason: 'cannot be changed while the case is submitted' }]);
      await frontDesk.patch(`/api/cases/${id}`).set('If-Match', '2').send({ payerReference: 'REF-77' }).expect(200);
    });
  });

  describe('GET /api/cases', () => {
    it('pages with a keyset cursor without gaps or repeats, and filters', async () => {
      for (let i = 0; i < 5; i++) await createReadyCase();
      const total = await t.countRows('cases');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await frontDesk
          .get(`/api/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);

      const submitted = await frontDesk.get('/api/cases?status=submitted,approved').expect(200);
      expect(submitted.body.items.every((c: { status: string }) => ['submitted', 'approved'].includes(c.status))).toBe(
        true,
      );
      const mrn = (await t.db.query(`SELECT mrn FROM patients WHERE id = $1`, [clinic.patientId])).rows[0]
        .mrn as string;
      const found = await frontDesk.get(`/api/cases?q=${encodeURIComponent(mrn.toLowerCase())}&limit=100`).expect(200);
      expect(found.body.items.length).toBe(await t.countRows('cases', 'patient_id = $1', [clinic.patientId]));
      const due = await frontDesk.get('/api/cases?sort=due_asc').expect(200);
      const dues = due.body.items.map((c: { currentClock: { dueAt: string } }) => c.currentClock.dueAt);
      expect([...dues].sort()).toEqual(dues);
    });

    it('lists a case with every summary field as its own page shows it', async () => {
      // Approved on appeal, so that no summary field is empty or zero: a value read from a
      // neighbouring column cannot pass for it.
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      await move(frontDesk, id, 2, { to: 'denied', denialCode: 'CO-50', denialText: 'Cosmetic' });
      await move(physician, id, 3, { to: 'appealed', appealLevel: 1, letterAttached: true, note: 'LMN attached' });
      await move(manager, id, 4, {
        to: 'approved',
        authorizationNumber: 'AUTH-77',
        validFrom: '2026-12-01',
        validTo: '2027-03-01',
      });
      const detail = (await frontDesk.get(`/api/cases/${id}`).expect(200)).body;
      expect(detail).toMatchObject({ status: 'approved', appealLevel: 1, authorizationNumber: 'AUTH-77', version: 5 });
      const listed = (await frontDesk.get('/api/cases?limit=100').expect(200)).body.items.find(
        (c: { id: string }) => c.id === id,
      );
      // A date of birth is a calendar date, never an instant shifted by the server's time zone.
      expect(listed.patient.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // The list reads its columns by position: each field must come from its own column.
      const { currentClock, ...summary } = listed;
      expect(Object.keys(summary).sort()).toEqual(
        [
          'appealLevel',
          'authorizationNumber',
          'caseNumber',
          'cptCodes',
          'createdAt',
          'denialCode',
          'deniedAt',
          'id',
          'owner',
          'patient',
          'payer',
          'procedureScheduledOn',
          'provider',
          'status',
          'tags',
          'unitsUsed',
          'updatedAt',
          'urgency',
          'validFrom',
          'validTo',
          'version',
        ].sort(),
      );
      for (const [field, value] of Object.entries(summary))
        expect({ field, value }).toEqual({ field, value: detail[field] });
      // The list shows the stored clock, the page works it out again: the same deadline either way.
      const { text: _listedText, ...listedClock } = currentClock;
      const { text: _detailText, ...detailClock } = detail.currentClock;
      expect(listedClock).toEqual(detailClock);
      expect(listedClock).toMatchObject({ kind: expect.any(String), dueAt: expect.any(String), overdue: false });
    });

    it('finds overdue cases once their clock has passed', async () => {
      const { id } = await createReadyCase();
      await move(frontDesk, id, 1, { to: 'submitted' });
      await t.db.query(`UPDATE cases SET next_due_at = now() - interval '1 day' WHERE id = $1`, [id]);
      const res = await frontDesk.get('/api/cases?overdue=true&limit=100').expect(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toContain(id);
      expect(res.body.items.find((c: { id: string }) => c.id === id).currentClock.overdue).toBe(true);
    });

    it('pages past cases that share a millisecond (the cursor keeps microseconds)', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await createReadyCase()).id);
      // Three cases created in the same transaction (one now()) and one 56 µs before them.
      await t.db.query(
        `UPDATE cases SET created_at = '2025-01-05 10:00:00.123456+00', next_due_at = '2027-01-05 10:00:00.123456+00', next_due_kind = 'payer_decision' WHERE id = ANY($1::uuid[])`,
        [ids.slice(0, 3)],
      );
      await t.db.query(
        `UPDATE cases SET created_at = '2025-01-05 10:00:00.1234+00', next_due_at = '2027-01-05 10:00:00.1234+00', next_due_kind = 'payer_decision' WHERE id = $1`,
        [ids[3]],
      );
      for (const sort of ['created_desc', 'due_asc']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res: { body: { items: { id: string; createdAt: string }[]; nextCursor: string | null } } =
            await frontDesk.get(`/api/cases?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
          seen.push(...res.body.items.map((c) => c.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        expect({ sort, missing: ids.filter((id) => !seen.includes(id)) }).toEqual({ sort, missing: [] });
        expect(new Set(seen).size).toBe(seen.length);
      }
      // The list still writes instants as the case page does: milliseconds, UTC.
      const listed = (await frontDesk.get('/api/cases?limit=100').expect(200)).body.items.find(
        (c: { id: string }) => c.id === ids[3],
      );
      expect(listed.createdAt).toBe('2025-01-05T10:00:00.123Z');
      expect(listed.currentClock.dueAt).toBe('2027-01-05T10:00:00.123Z');
    });

    it('answers a garbled cursor with 400, not 500', async () => {
      const res = await frontDesk.get('/api/cases?cursor=not-a-cursor').expect(400);
      expect(res.body.errors[0].field).toBe('cursor');
    });

    it('answers an unknown case with 404', async () => {
      await frontDesk.get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
      await frontDesk.get('/api/cases/not-a-uuid').expect(400);
    });
  });

  describe('deadline rules', () => {
    it('are data an admin or manager edits, and open cases follow the change', async () => {
      const { id } = await createReadyCase();
      const submitted = await move(frontDesk, id, 1, { to: 'submitted' });
      const rules = await frontDesk.get('/api/deadline-rules').expect(200);
      const erisa = rules.body.find((r: { planType: string }) => r.planType === 'commercial_erisa');
      expect(erisa.decisionStandardDays).toBe(15);
      const { planType, updatedAt, ...body } = erisa;
      await frontDesk
        .put('/api/deadline-rules/commercial_erisa')
        .send({ ...body, decisionStandardDays: 5 })
        .expect(403);
      await manager
        .put('/api/deadline-rules/commercial_erisa')
        .send({ ...body, decisionStandardDays: 5 })
        .expect(200);
      const after = (await t.db.query(`SELECT next_due_at FROM cases WHERE id = $1`, [id])).rows[0].next_due_at as Date;
      const before = new Date(submitted.body.currentClock.dueAt);
      expect(Math.round((before.getTime() - after.getTime()) / 86_400_000)).toBe(10);
      await manager
        .put('/api/deadline-rules/commercial_erisa')
        .send({ ...body, maxInternalAppealLevels: 5 })
        .expect(400);
      void planType;
      void updatedAt;
    });
  });
});
