import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

interface EventBody {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  correctsEventId: string | null;
  effective: boolean;
  undoUntil: string | null;
  mayReverse: boolean;
  mayCorrect: boolean;
  note: string | null;
  data: Record<string, unknown>;
}

describe('corrections of recorded steps over HTTP', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let otherDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    otherDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t.close();
  });

  async function move(actor: SignedIn, id: string, version: number, body: Record<string, unknown>) {
    return actor.post(`/api/cases/${id}/transitions`).set('If-Match', String(version)).send(body).expect(201);
  }

  /** A case submitted 10 days ago and denied (CO-50) 8 days ago by the front desk. */
  async function deniedCase() {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const id: string = created.body.id;
    await addEvidence(t, id);
    await move(frontDesk, id, 1, { to: 'submitted', occurredAt: daysAgo(10) });
    const denied = await move(frontDesk, id, 2, { to: 'denied', denialCode: 'CO-50', occurredAt: daysAgo(8) });
    return { id, detail: denied.body, denial: lastStep(denied.body) };
  }

  function lastStep(detail: { events: EventBody[] }): EventBody {
    const steps = detail.events.filter((e) => e.type === 'transition');
    return steps.reduce((a, b) => (BigInt(a.id) > BigInt(b.id) ? a : b));
  }

  function clock(detail: { clocks: { kind: string; dueDate: string; dueAt: string }[] }, kind: string) {
    return detail.clocks.find((c) => c.kind === kind);
  }

  const caseRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT status, version, denial_code, denied_at, decided_at, appealed_at, appeal_level, next_due_kind, next_due_at
           FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const auditRows = async (id: string) =>
    (
      await t.db.query(
        `SELECT user_id, action, detail FROM audit_events WHERE case_id = $1 AND action = 'update' ORDER BY id`,
        [id],
      )
    ).rows;

  // The undo window is measured on the database's clock (created_at); age a step as time would.
  async function ageEvent(eventId: string, minutes: number): Promise<void> {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await client.query(`UPDATE case_events SET created_at = created_at - make_interval(mins => $2) WHERE id = $1`, [
        eventId,
        minutes,
      ]);
      await client.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  describe('undo', () => {
    it('lets the recorder undo their latest step: the case, its clock and decisions go back, the step stays', async () => {
      const { id, detail, denial } = await deniedCase();
      expect(denial.undoUntil).not.toBeNull();
      const submittedRow = (await t.db.query(`SELECT next_due_at FROM cases WHERE id = $1`, [id])).rows[0];
      expect(await t.countRows('case_decisions', 'case_id = $1', [id])).toBe(1);

      const res = await frontDesk
        .post(`/api/cases/${id}/events/${denial.id}/undo`)
        .set('If-Match', String(detail.version))
        .send({})
        .expect(201);
      expect(res.body).toMatchObject({ status: 'submitted', version: detail.version + 1, denialCode: null });
      expect(res.headers.etag).toBe(`"${detail.version + 1}"`);
      expect(res.body.currentClock).toMatchObject({ kind: 'payer_decision', owner: 'payer' });
      const row = await caseRow(id);
      expect(row).toMatchObject({ status: 'submitted', denial_code: null, denied_at: null, decided_at: null });
      expect(row.next_due_kind).toBe('payer_decision');
      expect(row.next_due_at.toISOString()).toBe(res.body.currentClock.dueAt);
      expect(row.next_due_at.getTime()).not.toBe(submittedRow.next_due_at.getTime());
      expect(await t.countRows('case_decisions', 'case_id = $1', [id])).toBe(0);

      // The denial is still in the history, marked as no longer counting, with what undid it.
      const original = res.body.events.find((e: EventBody) => e.id === denial.id);
      expect(original).toMatchObject({ type: 'transition', toStatus: 'denied', effective: false, undoUntil: null });
      const reversal = res.body.events.find((e: EventBody) => e.correctsEventId === denial.id);
      expect(reversal).toMatchObject({
        type: 'reversal',
        fromStatus: 'denied',
        toStatus: 'submitted',
        data: { undo: true, step: 'submitted->denied' },
      });
      expect(await t.countRows('case_events', `case_id = $1 AND type = 'transition'`, [id])).toBe(2);
      const audit = await auditRows(id);
      expect(audit[audit.length - 1]).toEqual({
        user_id: frontDesk.user.id,
        action: 'update',
        detail: { undo: denial.id, event: reversal.id, step: 'submitted->denied' },
      });

      // The payer's real answer can be recorded now, as if the mistaken one had never been.
      await move(frontDesk, id, res.body.version, { to: 'denied', denialCode: 'CO-96', occurredAt: daysAgo(7) });
      expect(await caseRow(id)).toMatchObject({ status: 'denied', denial_code: 'CO-96' });
    });

    it('refuses anyone but the recorder (403) and shows them no undo', async () => {
      const { id, detail, denial } = await deniedCase();
      const seen = await otherDesk.get(`/api/cases/${id}`).expect(200);
      expect(seen.body.events.find((e: EventBody) => e.id === denial.id).undoUntil).toBeNull();
      const res = await otherDesk
        .post(`/api/cases/${id}/events/${denial.id}/undo`)
        .set('If-Match', String(detail.version))
        .send({})
        .expect(403);
      expect(res.body.message).toMatch(/Only the person who recorded a step may undo it/);
      expect(await caseRow(id)).toMatchObject({ status: 'denied', version: detail.version });
    });

    it('refuses an undo after the 15-minute window with 422 naming the rule, writing nothing', async () => {
      const { id, detail, denial } = await deniedCase();
      await ageEvent(denial.id, 16);
      const events = await t.countRows('case_events', 'case_id = $1', [id]);
      const res = await frontDesk
        .post(`/api/cases/${id}/events/${denial.id}/undo`)
        .set('If-Match', String(detail.version))
        .send({})
        .expect(422);
      expect(res.body.message).toBe(
        'A step can be undone only within 15 minutes of recording it; ask a manager to reverse it with a reason.',
      );
      expect(await caseRow(id)).toMatchObject({ status: 'denied', version: detail.version, denial_code: 'CO-50' });
      expect(await t.countRows('case_events', 'case_id = $1', [id])).toBe(events);
    });

    it('refuses to undo a step a later step depends on (422), and a stale version (409)', async () => {
      const { id, detail } = await deniedCase();
      const submission = detail.events.find((e: EventBody) => e.toStatus === 'submitted');
      const later = await frontDesk
        .post(`/api/cases/${id}/events/${submission.id}/undo`)
        .set('If-Match', String(detail.version))
        .send({})
        .expect(422);
      expect(later.body.message).toMatch(/^A later step depends on this one: "Submitted → Denied" recorded on /);
      const stale = await frontDesk
        .post(`/api/cases/${id}/events/${lastStep(detail).id}/undo`)
        .set('If-Match', String(detail.version - 1))
        .send({})
        .expect(409);
      expect(stale.body.code).toBe('stale_version');
      await frontDesk
        .post(`/api/cases/${id}/events/${lastStep(detail).id}/undo`)
        .send({})
        .expect(428);
      await frontDesk
        .post(`/api/cases/${id}/events/99999999/undo`)
        .set('If-Match', String(detail.version))
        .send({})
        .expect(404);
    });
  });

  describe("a manager's correction", () => {
    it('moves a denial date: the event stays, the case, its appeal clock, the decision and the audit follow', async () => {
      const { id, detail, denial } = await deniedCase();
      const appealBefore = clock(detail, 'appeal_filing');
      expect(denial.mayCorrect).toBe(false);
      const seen = await manager.get(`/api/cases/${id}`).expect(200);
      expect(seen.body.events.find((e: EventBody) => e.id === denial.id)).toMatchObject({
        mayCorrect: true,
        mayReverse: true,
      });

      const newDate = daysAgo(2);
      const res = await manager
        .post(`/api/cases/${id}/events/${denial.id}/correction`)
        .set('If-Match', String(detail.version))
        .send({ occurredAt: newDate, denialCode: 'co-96', reason: 'The payer letter is dated six days later.' })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'denied', denialCode: 'CO-96', deniedAt: newDate });
      const appealAfter = clock(res.body, 'appeal_filing');
      expect(Date.parse(appealAfter!.dueDate) - Date.parse(appealBefore!.dueDate)).toBe(6 * DAY);
      const row = await caseRow(id);
      expect(row).toMatchObject({ denial_code: 'CO-96', next_due_kind: 'appeal_filing' });
      expect(row.denied_at.toISOString()).toBe(newDate);
      expect(row.next_due_at.toISOString()).toBe(appealAfter!.dueAt);

      // The original step is unchanged; the correction points at it with the old and new values.
      const original = (await t.db.query(`SELECT occurred_at, data FROM case_events WHERE id = $1`, [denial.id]))
        .rows[0];
      expect(original.data.denialCode).toBe('CO-50');
      expect(original.occurred_at.toISOString()).toBe(detail.deniedAt);
      const correction = res.body.events.find((e: EventBody) => e.correctsEventId === denial.id);
      expect(correction).toMatchObject({
        type: 'correction',
        note: 'The payer letter is dated six days later.',
        data: {
          changes: { occurredAt: newDate, denialCode: 'CO-96' },
          previous: { occurredAt: detail.deniedAt, denialCode: 'CO-50' },
        },
      });
      expect(res.body.events.find((e: EventBody) => e.id === denial.id).effective).toBe(true);

      // Reports read the decision rows: the denial is now CO-96 on the corrected day.
      const decision = (
        await t.db.query(`SELECT decided_at, denial_code, event_id FROM case_decisions WHERE case_id = $1`, [id])
      ).rows;
      expect(decision).toEqual([{ decided_at: new Date(newDate), denial_code: 'CO-96', event_id: denial.id }]);

      // A letter drafted now argues from the corrected denial: its code and its filing deadline.
      const letter = await physician.post(`/api/cases/${id}/letters`).send({ kind: 'appeal' }).expect(201);
      expect(letter.body.facts).toMatchObject({ denialCode: 'CO-96', filingDeadline: appealAfter!.dueDate });

      const audit = await auditRows(id);
      expect(audit[audit.length - 1]).toEqual({
        user_id: manager.user.id,
        action: 'update',
        detail: {
          correction: denial.id,
          event: correction.id,
          step: 'submitted->denied',
          fields: ['occurredAt', 'denialCode'],
        },
      });
    });

    it.each([
      [
        'before the submission it answers',
        () => ({ occurredAt: daysAgo(12) }),
        /^The event cannot be dated before the submission it answers \(/,
        'occurredAt',
      ],
      ['in the future', () => ({ occurredAt: new Date(Date.now() + DAY).toISOString() }), /future/, 'occurredAt'],
      ['a code that is not CARC', () => ({ denialCode: 'ZZ-1' }), /is not a CARC reason code/, 'denialCode'],
      ['a blank reason', () => ({ occurredAt: daysAgo(3), reason: '  ' }), /Say why the step is corrected/, 'reason'],
    ])('refuses a correction %s with 422 naming the field, writing nothing', async (_label, body, message, field) => {
      const { id, detail, denial } = await deniedCase();
      const events = await t.countRows('case_events', 'case_id = $1', [id]);
      const res = await manager
        .post(`/api/cases/${id}/events/${denial.id}/correction`)
        .set('If-Match', String(detail.version))
        .send({ reason: 'Typo', ...body() })
        .expect(422);
      expect(res.body.message).toMatch(message);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await t.countRows('case_events', 'case_id = $1', [id])).toBe(events);
      expect(await caseRow(id)).toMatchObject({ version: detail.version, denial_code: 'CO-50' });
    });

    it('refuses a submission date after the denial that answers it, and anyone but a manager (403)', async () => {
      const { id, detail } = await deniedCase();
      const submission = detail.events.find((e: EventBody) => e.toStatus === 'submitted');
      const late = await manager
        .post(`/api/cases/${id}/events/${submission.id}/correction`)
        .set('If-Match', String(detail.version))
        .send({ occurredAt: daysAgo(5), reason: 'Faxed later' })
        .expect(422);
      expect(late.body.message).toMatch(
        /^The event cannot be dated after the step that answers it, "Submitted → Denied"/,
      );
      const desk = await frontDesk
        .post(`/api/cases/${id}/events/${submission.id}/correction`)
        .set('If-Match', String(detail.version))
        .send({ occurredAt: daysAgo(9), reason: 'Faxed later' })
        .expect(403);
      expect(desk.body.statusCode).toBe(403);
      // An earlier submission date is fine, and moves the first-submitted date with it.
      const ok = await manager
        .post(`/api/cases/${id}/events/${submission.id}/correction`)
        .set('If-Match', String(detail.version))
        .send({ occurredAt: daysAgo(9), reason: 'Faxed the day before' })
        .expect(201);
      expect(Date.parse(ok.body.submittedAt)).toBeGreaterThan(Date.parse(detail.submittedAt));
    });
  });

  describe("a manager's reversal", () => {
    it('reverses the latest step with a reason; a step with a later one depending on it is refused', async () => {
      const { id, detail, denial } = await deniedCase();
      const appealed = await move(physician, id, detail.version, {
        to: 'appealed',
        appealLevel: 1,
        letterAttached: true,
        occurredAt: daysAgo(1),
      });
      const appeal = lastStep(appealed.body);
      expect(appeal.toStatus).toBe('appealed');

      const dependent = await manager
        .post(`/api/cases/${id}/events/${denial.id}/reversal`)
        .set('If-Match', String(appealed.body.version))
        .send({ reason: 'Wrong case' })
        .expect(422);
      expect(dependent.body.message).toMatch(/^A later step depends on this one: "Denied → Appealed"/);
      await manager
        .post(`/api/cases/${id}/events/${appeal.id}/reversal`)
        .set('If-Match', String(appealed.body.version))
        .send({})
        .expect(400);
      const blank = await manager
        .post(`/api/cases/${id}/events/${appeal.id}/reversal`)
        .set('If-Match', String(appealed.body.version))
        .send({ reason: ' ' })
        .expect(422);
      expect(blank.body.errors).toEqual([{ field: 'reason', reason: expect.stringMatching(/^Say why/) }]);
      await frontDesk
        .post(`/api/cases/${id}/events/${appeal.id}/reversal`)
        .set('If-Match', String(appealed.body.version))
        .send({ reason: 'Wrong case' })
        .expect(403);

      const res = await manager
        .post(`/api/cases/${id}/events/${appeal.id}/reversal`)
        .set('If-Match', String(appealed.body.version))
        .send({ reason: 'The appeal was filed on another case.' })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'denied', appealLevel: 0, appealedAt: null });
      expect(clock(res.body, 'appeal_filing')).toBeDefined();
      expect(await caseRow(id)).toMatchObject({ status: 'denied', appeal_level: 0, appealed_at: null });
      const reversal = res.body.events.find((e: EventBody) => e.correctsEventId === appeal.id);
      expect(reversal).toMatchObject({
        type: 'reversal',
        note: 'The appeal was filed on another case.',
        data: { undo: false, step: 'denied->appealed' },
      });
      // Reversed once is reversed: a second reversal is a conflict.
      const again = await manager
        .post(`/api/cases/${id}/events/${appeal.id}/reversal`)
        .set('If-Match', String(res.body.version))
        .send({ reason: 'Again' })
        .expect(409);
      expect(again.body.message).toMatch(/already reversed/);
      expect((await auditRows(id)).at(-1)!.detail).toEqual({
        reversal: appeal.id,
        event: reversal.id,
        step: 'denied->appealed',
      });
    });
  });
});
