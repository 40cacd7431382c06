import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, linkProvider, readyCaseBody } from './helpers/fixtures';

const tomorrow = () => new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);

describe('owners, tasks and notifications', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let otherDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  async function createCase(by: SignedIn = physician): Promise<string> {
    const res = await by.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    return res.body.id as string;
  }

  const unread = async (who: SignedIn) => (await who.get('/api/notifications').expect(200)).body.unreadCount as number;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    otherDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('owners', () => {
    it('the creator owns a new case, shown on the case and in the list', async () => {
      const id = await createCase();
      const detail = (await physician.get(`/api/cases/${id}`).expect(200)).body;
      expect(detail.owner).toEqual({ id: physician.user.id, name: physician.user.displayName });
      const mine = (await physician.get('/api/cases?owner=me&limit=100').expect(200)).body.items;
      expect(mine.map((c: { id: string }) => c.id)).toContain(id);
      const theirs = (await frontDesk.get('/api/cases?owner=me&limit=100').expect(200)).body.items;
      expect(theirs.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('the owner hands a case on; the new owner is told; the change is an event and an audit row', async () => {
      const id = await createCase();
      const before = await unread(frontDesk);
      const res = await physician.put(`/api/cases/${id}/owner`).send({ ownerId: frontDesk.user.id }).expect(200);
      expect(res.body.owner).toEqual({ id: frontDesk.user.id, name: frontDesk.user.displayName });
      expect(await unread(frontDesk)).toBe(before + 1);
      const list = (await frontDesk.get('/api/notifications').expect(200)).body.items;
      expect(list[0]).toMatchObject({ kind: 'case_assigned', caseId: id, readAt: null });

      const filtered = (await frontDesk.get(`/api/cases?owner=${frontDesk.user.id}&limit=100`).expect(200)).body.items;
      expect(filtered.map((c: { id: string }) => c.id)).toContain(id);
      const events = await t.db.query(
        `SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'owner_changed'`,
        [id],
      );
      expect(events.rows).toEqual([
        { actor_id: physician.user.id, data: { from: physician.user.id, to: frontDesk.user.id } },
      ]);
      expect(
        await t.countRows('audit_events', `case_id = $1 AND user_id = $2 AND detail->'owner'->>'to' = $3`, [
          id,
          physician.user.id,
          frontDesk.user.id,
        ]),
      ).toBe(1);

      await frontDesk.post(`/api/notifications/${list[0].id}/read`).expect(204);
      expect(await unread(frontDesk)).toBe(before);
    });

    it('someone else cannot take an owned case; a manager reassigns; an unowned case can be taken', async () => {
      const id = await createCase();
      const refused = await otherDesk.put(`/api/cases/${id}/owner`).send({ ownerId: otherDesk.user.id }).expect(403);
      expect(refused.body.message).toMatch(/owner or a manager/);

      await manager.put(`/api/cases/${id}/owner`).send({ ownerId: null }).expect(200);
      const unassigned = (await frontDesk.get('/api/cases?owner=unassigned&limit=100').expect(200)).body.items;
      expect(unassigned.map((c: { id: string }) => c.id)).toContain(id);
      await otherDesk.put(`/api/cases/${id}/owner`).send({ ownerId: frontDesk.user.id }).expect(403);
      await otherDesk.put(`/api/cases/${id}/owner`).send({ ownerId: otherDesk.user.id }).expect(200);
      await manager.put(`/api/cases/${id}/owner`).send({ ownerId: physician.user.id }).expect(200);
    });

    it('refuses an owner who is not active staff, and a bad owner filter', async () => {
      const id = await createCase();
      const admin = await signIn(t, 'admin');
      const res = await physician.put(`/api/cases/${id}/owner`).send({ ownerId: admin.user.id }).expect(422);
      expect(res.body.errors).toEqual([{ field: 'ownerId', reason: expect.any(String) }]);
      await physician.put(`/api/cases/${id}/owner`).send({ ownerId: 'nobody' }).expect(400);
      const bad = await physician.get('/api/cases?owner=someone').expect(400);
      expect(JSON.stringify(bad.body)).toMatch(/owner/);
    });
  });

  describe('tasks', () => {
    it('a task for the physician shows on their list, and closes when the letter is signed; the asker is told', async () => {
      const id = await createCase();
      await addEvidence(t, id);
      await linkProvider(t, physician.user.id, clinic.providerId);
      const task = (
        await frontDesk
          .post(`/api/cases/${id}/tasks`)
          .send({ kind: 'sign_letter', assigneeUserId: physician.user.id, dueDate: tomorrow() })
          .expect(201)
      ).body;
      expect(task).toMatchObject({ status: 'open', title: 'Sign the letter', assigneeUser: { id: physician.user.id } });
      const mine = (await physician.get('/api/tasks').expect(200)).body;
      expect(mine.map((x: { id: string }) => x.id)).toContain(task.id);
      const bell = (await physician.get('/api/notifications').expect(200)).body.items;
      expect(bell[0]).toMatchObject({
        kind: 'task_assigned',
        taskId: task.id,
        text: expect.stringMatching(/Sign the letter/),
      });

      const askerBefore = await unread(frontDesk);
      const letter = (await physician.post(`/api/cases/${id}/letters`).send({ kind: 'medical_necessity' }).expect(201))
        .body;
      await physician
        .post(`/api/cases/${id}/letters/${letter.id}/sign`)
        .send({ password: physician.user.password })
        .expect(201);

      const work = (await frontDesk.get(`/api/cases/${id}/work`).expect(200)).body;
      expect(work.tasks).toEqual([
        expect.objectContaining({ id: task.id, status: 'done', closeReason: 'The letter was signed.' }),
      ]);
      expect((await physician.get('/api/tasks').expect(200)).body.map((x: { id: string }) => x.id)).not.toContain(
        task.id,
      );
      expect(await unread(frontDesk)).toBe(askerBefore + 1);
    });

    it('a task for a role reaches everyone with it; done by one of them; submitting closes "document findings"', async () => {
      const id = await createCase(physician);
      await addEvidence(t, id);
      const roleTask = (
        await physician
          .post(`/api/cases/${id}/tasks`)
          .send({
            kind: 'call_payer',
            assigneeRole: 'front_desk',
            dueDate: tomorrow(),
            title: 'Call the payer about the fax',
          })
          .expect(201)
      ).body;
      for (const desk of [frontDesk, otherDesk]) {
        expect((await desk.get('/api/tasks').expect(200)).body.map((x: { id: string }) => x.id)).toContain(roleTask.id);
      }
      await manager.post(`/api/tasks/${roleTask.id}/done`).expect(200);
      await otherDesk.post(`/api/tasks/${roleTask.id}/done`).expect(409);

      const docTask = (
        await frontDesk
          .post(`/api/cases/${id}/tasks`)
          .send({ kind: 'document_findings', assigneeUserId: physician.user.id, dueDate: tomorrow() })
          .expect(201)
      ).body;
      await otherDesk.post(`/api/tasks/${docTask.id}/cancel`).expect(403);
      const [{ version }] = (await t.db.query(`SELECT version FROM cases WHERE id = $1`, [id])).rows;
      await frontDesk
        .post(`/api/cases/${id}/transitions`)
        .set('If-Match', String(version))
        .send({ to: 'submitted' })
        .expect(201);
      const work = (await physician.get(`/api/cases/${id}/work`).expect(200)).body;
      expect(work.tasks.find((x: { id: string }) => x.id === docTask.id)).toMatchObject({ status: 'done' });
    });

    it('the payer’s answer tells the owner; withdrawing cancels the open tasks', async () => {
      const id = await createCase(physician);
      await addEvidence(t, id);
      const move = async (to: string, extra: Record<string, unknown> = {}) => {
        const [{ version }] = (await t.db.query(`SELECT version FROM cases WHERE id = $1`, [id])).rows;
        await frontDesk
          .post(`/api/cases/${id}/transitions`)
          .set('If-Match', String(version))
          .send({ to, ...extra })
          .expect(201);
      };
      const task = (
        await physician
          .post(`/api/cases/${id}/tasks`)
          .send({ kind: 'other', title: 'Check the photos', assigneeUserId: physician.user.id, dueDate: tomorrow() })
          .expect(201)
      ).body;
      await move('submitted');
      const before = await unread(physician);
      await move('more_info_requested', { note: 'Send the biopsy report' });
      expect(await unread(physician)).toBe(before + 1);
      expect((await physician.get('/api/notifications').expect(200)).body.items[0]).toMatchObject({
        kind: 'payer_answer',
        caseId: id,
      });
      await move('withdrawn', { reason: 'Patient chose another treatment' });
      const work = (await physician.get(`/api/cases/${id}/work`).expect(200)).body;
      expect(work.tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({ status: 'cancelled' });
    });

    it('refuses a task without an assignee, with both, or due in the past', async () => {
      const id = await createCase();
      await frontDesk.post(`/api/cases/${id}/tasks`).send({ kind: 'other', dueDate: tomorrow() }).expect(400);
      await frontDesk
        .post(`/api/cases/${id}/tasks`)
        .send({ kind: 'other', assigneeRole: 'physician', assigneeUserId: physician.user.id, dueDate: tomorrow() })
        .expect(400);
      await frontDesk
        .post(`/api/cases/${id}/tasks`)
        .send({ kind: 'other', assigneeRole: 'physician', dueDate: '2020-01-01' })
        .expect(422);
    });
  });

  describe('follow-ups and payer calls', () => {
    const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());

    it('a payer call reads as structured fields and sets the next follow-up, which the list shows when due', async () => {
      const id = await createCase();
      const work = (
        await frontDesk
          .post(`/api/cases/${id}/payer-calls`)
          .send({
            representative: 'Jamie at Atlantic',
            referenceNumber: 'REF-20261206-9',
            summary: 'Still in clinical review; call back Thursday.',
            outcome: 'call_back',
            nextFollowUp: today(),
          })
          .expect(201)
      ).body;
      expect(work.followUp).toEqual({ date: today(), reason: 'Call the payer again' });
      const events = await t.db.query(
        `SELECT type, note, data FROM case_events WHERE case_id = $1 AND type IN ('payer_call', 'follow_up_set') ORDER BY id`,
        [id],
      );
      expect(events.rows).toEqual([
        {
          type: 'payer_call',
          note: 'Still in clinical review; call back Thursday.',
          data: {
            representative: 'Jamie at Atlantic',
            referenceNumber: 'REF-20261206-9',
            outcome: 'call_back',
            nextFollowUp: today(),
          },
        },
        { type: 'follow_up_set', note: expect.stringContaining(today()), data: { followUpOn: today() } },
      ]);
      const due = (await frontDesk.get('/api/follow-ups').expect(200)).body;
      expect(due).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            caseId: id,
            followUp: { date: today(), reason: 'Call the payer again' },
            overdue: false,
          }),
        ]),
      );

      await frontDesk
        .put(`/api/cases/${id}/follow-up`)
        .send({ date: '2099-01-05', reason: 'Check the portal' })
        .expect(200);
      const later = (await frontDesk.get('/api/follow-ups').expect(200)).body;
      expect(later.map((x: { caseId: string }) => x.caseId)).not.toContain(id);
      const cleared = (await frontDesk.put(`/api/cases/${id}/follow-up`).send({ date: null }).expect(200)).body;
      expect(cleared.followUp).toBeNull();
    });

    it('refuses a payer call without its required fields, and a malformed follow-up day', async () => {
      const id = await createCase();
      const res = await frontDesk
        .post(`/api/cases/${id}/payer-calls`)
        .send({ summary: 'x', outcome: 'maybe' })
        .expect(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'outcome',
        'representative',
      ]);
      await frontDesk.put(`/api/cases/${id}/follow-up`).send({ date: '2026-13-40' }).expect(400);
    });
  });
});
