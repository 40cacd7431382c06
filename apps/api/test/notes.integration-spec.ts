import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { createClinic, readyCaseBody, type ClinicFixture } from './helpers/fixtures';

describe('notes over HTTP', () => {
  let t: TestApp;
  let physician: SignedIn;
  let otherPhysician: SignedIn;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;
  let caseId: string;

  const newCase = async () =>
    (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await createTestApp();
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
  });

  describe('POST /api/cases/:id/notes', () => {
    it('records a physician’s clinical note with its author, time and a note_added event', async () => {
      const text = 'Eleven 1–2 mm milia on the left lower eyelid; pruritic, irritated by eyeglass frames.';
      const res = await physician.post(`/api/cases/${caseId}/notes`).send({ kind: 'clinical_note', text }).expect(201);
      expect(res.body).toMatchObject({
        caseId,
        kind: 'clinical_note',
        text,
        version: 1,
        previousId: null,
        rootId: res.body.id,
        current: true,
        author: { id: physician.user.id, name: physician.user.displayName },
      });
      expect(Date.parse(res.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      const row = (
        await t.db.query(`SELECT kind, text, author_id, version, previous_id FROM case_notes WHERE id = $1`, [
          res.body.id,
        ])
      ).rows[0];
      expect(row).toEqual({ kind: 'clinical_note', text, author_id: physician.user.id, version: 1, previous_id: null });
      const events = await t.db.query(
        `SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'note_added'`,
        [caseId],
      );
      expect(events.rows).toEqual([
        { actor_id: physician.user.id, data: { noteId: res.body.id, kind: 'clinical_note', version: 1 } },
      ]);
      expect(
        await t.countRows('audit_events', `action = 'create' AND object_type = 'note' AND object_id = $1`, [
          res.body.id,
        ]),
      ).toBe(1);
    });

    it.each([
      ['front desk', 'payer_call', 201],
      ['front desk', 'other', 201],
      ['front desk', 'clinical_note', 403],
      ['front desk', 'letter_draft', 403],
      ['manager', 'payer_call', 201],
      ['manager', 'letter_draft', 201],
      ['manager', 'clinical_note', 403],
      ['physician', 'letter_draft', 201],
      ['admin', 'other', 403],
    ] as const)('%s writing a %s note → %i', async (who, kind, status) => {
      const actor = { 'front desk': frontDesk, manager, physician, admin }[who];
      const before = await t.countRows('case_notes');
      const res = await actor
        .post(`/api/cases/${caseId}/notes`)
        .send({ kind, text: `A ${kind} note.` })
        .expect(status);
      expect(await t.countRows('case_notes')).toBe(before + (status === 201 ? 1 : 0));
      if (status === 403 && who !== 'admin') expect(res.body.message).toMatch(/may only be written by/);
    });

    it.each([
      ['an unknown kind', { kind: 'gossip', text: 'x' }, 'kind'],
      ['an empty text', { kind: 'other', text: '' }, 'text'],
      ['a text over 20,000 characters', { kind: 'other', text: 'x'.repeat(20_001) }, 'text'],
      ['an unknown field', { kind: 'other', text: 'x', authorId: '00000000-0000-4000-8000-000000000000' }, 'authorId'],
    ])('refuses %s with 400, writing nothing', async (_label, body, field) => {
      const before = await t.countRows('case_notes');
      const res = await physician.post(`/api/cases/${caseId}/notes`).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.countRows('case_notes')).toBe(before);
    });

    it('accepts exactly 20,000 characters', async () => {
      await frontDesk
        .post(`/api/cases/${caseId}/notes`)
        .send({ kind: 'other', text: 'y'.repeat(20_000) })
        .expect(201);
    });

    it('answers 404 for a case that does not exist', async () => {
      await physician
        .post('/api/cases/00000000-0000-4000-8000-000000000000/notes')
        .send({ kind: 'other', text: 'x' })
        .expect(404);
    });
  });

  describe('versions', () => {
    it('adds an immutable version linked to the one it replaces; both are in the case events', async () => {
      const id = await newCase();
      const v1 = (
        await physician.post(`/api/cases/${id}/notes`).send({ kind: 'clinical_note', text: 'Nine milia.' }).expect(201)
      ).body;
      const v2 = (
        await otherPhysician
          .post(`/api/notes/${v1.id}/versions`)
          .send({ text: 'Eleven milia (recounted).' })
          .expect(201)
      ).body;
      expect(v2).toMatchObject({
        caseId: id,
        kind: 'clinical_note',
        text: 'Eleven milia (recounted).',
        version: 2,
        previousId: v1.id,
        rootId: v1.id,
        current: true,
        author: { id: otherPhysician.user.id },
      });

      // The first version is unchanged.
      expect((await t.db.query(`SELECT text, version FROM case_notes WHERE id = $1`, [v1.id])).rows[0]).toEqual({
        text: 'Nine milia.',
        version: 1,
      });

      const current = await frontDesk.get(`/api/cases/${id}/notes`).expect(200);
      expect(current.body.map((n: { id: string }) => n.id)).toEqual([v2.id]);
      const history = await frontDesk.get(`/api/cases/${id}/notes?history=true`).expect(200);
      expect(history.body.map((n: { id: string; current: boolean }) => [n.id, n.current])).toEqual([
        [v2.id, true],
        [v1.id, false],
      ]);

      const events = await t.db.query(
        `SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'note_added' ORDER BY id`,
        [id],
      );
      expect(events.rows).toEqual([
        { actor_id: physician.user.id, data: { noteId: v1.id, kind: 'clinical_note', version: 1 } },
        {
          actor_id: otherPhysician.user.id,
          data: { noteId: v2.id, kind: 'clinical_note', version: 2, previousId: v1.id, rootId: v1.id },
        },
      ]);
      expect(
        await t.countRows('audit_events', `action = 'update' AND object_type = 'note' AND object_id = $1`, [v2.id]),
      ).toBe(1);
    });

    it('refuses to branch an older version with 409 naming the latest', async () => {
      const id = await newCase();
      const v1 = (
        await frontDesk
          .post(`/api/cases/${id}/notes`)
          .send({ kind: 'payer_call', text: 'Called, on hold.' })
          .expect(201)
      ).body;
      const v2 = (
        await frontDesk.post(`/api/notes/${v1.id}/versions`).send({ text: 'Called, reference 123.' }).expect(201)
      ).body;
      const res = await manager.post(`/api/notes/${v1.id}/versions`).send({ text: 'Something else' }).expect(409);
      expect(res.body).toMatchObject({ code: 'note_version_stale', latestId: v2.id });
      expect(await t.countRows('case_notes', 'root_id = $1', [v1.id])).toBe(2);
    });

    it('lets exactly one of two concurrent edits of a version win', async () => {
      const id = await newCase();
      const v1 = (await frontDesk.post(`/api/cases/${id}/notes`).send({ kind: 'other', text: 'v1' }).expect(201)).body;
      const results = await Promise.all([
        frontDesk.post(`/api/notes/${v1.id}/versions`).send({ text: 'a' }),
        manager.post(`/api/notes/${v1.id}/versions`).send({ text: 'b' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await t.countRows('case_notes', 'root_id = $1', [v1.id])).toBe(2);
    });

    it('applies the kind rules to versions too', async () => {
      const v1 = (
        await physician
          .post(`/api/cases/${caseId}/notes`)
          .send({ kind: 'clinical_note', text: 'Findings.' })
          .expect(201)
      ).body;
      await frontDesk.post(`/api/notes/${v1.id}/versions`).send({ text: 'Front desk rewrite' }).expect(403);
      await manager.post(`/api/notes/${v1.id}/versions`).send({ text: 'Manager rewrite' }).expect(403);
      await admin.post(`/api/notes/${v1.id}/versions`).send({ text: 'Admin rewrite' }).expect(403);
      expect(await t.countRows('case_notes', 'previous_id = $1', [v1.id])).toBe(0);
    });

    it('answers 404 for a note that does not exist', async () => {
      await physician.post('/api/notes/00000000-0000-4000-8000-000000000000/versions').send({ text: 'x' }).expect(404);
    });

    it('is immutable in the database too', async () => {
      const v1 = (
        await physician.post(`/api/cases/${caseId}/notes`).send({ kind: 'other', text: 'Fixed.' }).expect(201)
      ).body;
      await expect(t.db.query(`UPDATE case_notes SET text = 'changed' WHERE id = $1`, [v1.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`DELETE FROM case_notes WHERE id = $1`, [v1.id])).rejects.toThrow(/append-only/);
    });
  });

  describe('GET /api/cases/:id/notes', () => {
    it('lists for every clinic role, newest first, audited; never for admin', async () => {
      const id = await newCase();
      const a = (await frontDesk.post(`/api/cases/${id}/notes`).send({ kind: 'payer_call', text: 'first' }).expect(201))
        .body;
      const b = (
        await physician.post(`/api/cases/${id}/notes`).send({ kind: 'clinical_note', text: 'second' }).expect(201)
      ).body;
      for (const actor of [frontDesk, physician, manager]) {
        const res = await actor.get(`/api/cases/${id}/notes`).expect(200);
        expect(res.body.map((n: { id: string }) => n.id)).toEqual([b.id, a.id]);
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
      expect(
        await t.countRows('audit_events', `action = 'read' AND object_type = 'case_notes' AND case_id = $1`, [id]),
      ).toBe(3);
      await admin.get(`/api/cases/${id}/notes`).expect(403);
      await t.http().get(`/api/cases/${id}/notes`).expect(401);
    });

    it('does not show another case’s notes', async () => {
      const mine = await newCase();
      const other = await newCase();
      const foreign = (
        await physician.post(`/api/cases/${other}/notes`).send({ kind: 'other', text: 'elsewhere' }).expect(201)
      ).body;
      const res = await frontDesk.get(`/api/cases/${mine}/notes?history=true`).expect(200);
      expect(res.body.map((n: { id: string }) => n.id)).not.toContain(foreign.id);
    });
  });

  describe('the readiness checklist', () => {
    const noteItem = async (id: string) =>
      (await frontDesk.get(`/api/cases/${id}/readiness`).expect(200)).body.items.find(
        (i: { id: string }) => i.id === 'physician_note',
      ) as { passed: boolean };

    it('counts a physician’s clinical note once, whatever its versions, and nothing else', async () => {
      const id = await newCase();
      expect((await noteItem(id)).passed).toBe(false);
      await frontDesk
        .post(`/api/cases/${id}/notes`)
        .send({ kind: 'payer_call', text: 'Called the payer.' })
        .expect(201);
      await physician.post(`/api/cases/${id}/notes`).send({ kind: 'letter_draft', text: 'Dear reviewer' }).expect(201);
      expect((await noteItem(id)).passed).toBe(false);
      const v1 = (
        await physician.post(`/api/cases/${id}/notes`).send({ kind: 'clinical_note', text: 'Findings.' }).expect(201)
      ).body;
      await physician.post(`/api/notes/${v1.id}/versions`).send({ text: 'Findings, amended.' }).expect(201);
      expect((await noteItem(id)).passed).toBe(true);
    });
  });
});
