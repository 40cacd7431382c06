import { addDaysToDate, toLocalDate } from '@preauth/domain';
import { ApprovalExpiryJob } from '../src/modules/cases/approval-expiry.job';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { SYSTEM_USER_ID } from '../src/modules/jobs/system-actor';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

// Procedures performed against an approval: scheduling, recording the units used, the case
// completing on its last unit, and what the expiry job and the reports make of partly used ones.

describe('procedures of an approved case', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
    today = toLocalDate(new Date(), t.app.get<AppConfig>(APP_CONFIG).clinicTimeZone);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A case of three requested units, approved (in full, or `approvedUnits` of them) from ten days ago. */
  async function approvedCase(approvedUnits?: number): Promise<string> {
    const body = {
      ...readyCaseBody(clinic),
      procedureLines: [
        { cpt: '11104', units: 1, bodySite: 'Left forearm', lesionCount: 1 },
        { cpt: '11105', units: 2, bodySite: 'Left forearm', lesionCount: 2 },
      ],
    };
    const id = (await physician.post('/api/cases').send(body).expect(201)).body.id as string;
    await addEvidence(t, id);
    await frontDesk.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }).expect(201);
    const validity = {
      authorizationNumber: 'AUTH-77',
      validFrom: addDaysToDate(today, -10),
      validTo: addDaysToDate(today, 30),
    };
    await frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', '2')
      .send(approvedUnits ? { to: 'partially_approved', approvedUnits, ...validity } : { to: 'approved', ...validity })
      .expect(201);
    return id;
  }

  const perform = (who: SignedIn, id: string, body: Record<string, unknown>) =>
    who.post(`/api/cases/${id}/procedure/performed`).send(body);

  it('has no procedure section before an approval', async () => {
    const id = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;
    expect((await frontDesk.get(`/api/cases/${id}`).expect(200)).body.procedure).toBeNull();
    const res = await frontDesk.post(`/api/cases/${id}/procedure/schedule`).send({ scheduledOn: today }).expect(409);
    expect(res.body.code).toBe('case_not_approved');
  });

  it('schedules the procedure inside the approval, with an event and an audit row', async () => {
    const id = await approvedCase();
    const before = (await frontDesk.get(`/api/cases/${id}`).expect(200)).body;
    expect(before.procedure).toEqual({
      scheduledOn: null,
      approvedUnits: 3,
      unitsUsed: 0,
      unitsRemaining: 3,
      performed: [],
      canRecord: true,
    });

    const early = await frontDesk
      .post(`/api/cases/${id}/procedure/schedule`)
      .send({ scheduledOn: addDaysToDate(today, -11) })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'procedure_rule', errors: [{ field: 'scheduledOn' }] });
    expect(early.body.message).toMatch(/cannot be before the approval/);
    await frontDesk.post(`/api/cases/${id}/procedure/schedule`).send({ scheduledOn: '2026-02-30' }).expect(400);
    await manager.post(`/api/cases/${id}/procedure/schedule`).send({ scheduledOn: today }).expect(403);

    const day = addDaysToDate(today, 7);
    const res = await frontDesk.post(`/api/cases/${id}/procedure/schedule`).send({ scheduledOn: day }).expect(201);
    expect(res.body.procedure.scheduledOn).toBe(day);
    expect(res.body.procedureScheduledOn).toBe(day);
    expect(res.body.version).toBe(before.version + 1);
    const row = (await t.db.query(`SELECT procedure_scheduled_on::text AS d FROM cases WHERE id = $1`, [id])).rows[0];
    expect(row.d).toBe(day);
    expect(await t.countRows('case_events', `case_id = $1 AND type = 'procedure_scheduled'`, [id])).toBe(1);
    expect(await t.countRows('audit_events', `case_id = $1 AND detail->>'event' = 'procedure_scheduled'`, [id])).toBe(
      1,
    );
  });

  it('adds up performed entries and completes the case on the last approved unit', async () => {
    const id = await approvedCase();

    // The rules of a performed entry answer 422, naming the field; nothing is written.
    const future = await perform(physician, id, { performedOn: addDaysToDate(today, 1), units: 1 }).expect(422);
    expect(future.body.errors).toEqual([
      { field: 'performedOn', reason: 'A procedure cannot be recorded as performed on a future day.' },
    ]);
    const none = await perform(physician, id, { performedOn: today, units: 0 }).expect(422);
    expect(none.body.errors).toEqual([{ field: 'units', reason: expect.stringMatching(/at least 1/) }]);
    const tooMany = await perform(physician, id, { performedOn: today, units: 4 }).expect(422);
    expect(tooMany.body.message).toBe('Only 3 of the 3 approved units remain; 4 cannot be recorded.');
    await perform(physician, id, { performedOn: 'yesterday', units: 1 }).expect(400);
    await perform(manager, id, { performedOn: today, units: 1 }).expect(403);
    expect(await t.countRows('case_procedures_performed', 'case_id = $1', [id])).toBe(0);

    const first = await perform(physician, id, { performedOn: addDaysToDate(today, -2), units: 2 }).expect(201);
    expect(first.body).toMatchObject({ status: 'approved', unitsUsed: 2 });
    expect(first.body.procedure).toMatchObject({ unitsUsed: 2, unitsRemaining: 1, approvedUnits: 3 });
    expect(first.body.procedure.performed).toEqual([
      expect.objectContaining({ performedOn: addDaysToDate(today, -2), units: 2, recordedBy: expect.any(String) }),
    ]);

    const over = await perform(frontDesk, id, { performedOn: today, units: 2 }).expect(422);
    expect(over.body.message).toBe('Only 1 of the 3 approved units remain; 2 cannot be recorded.');

    const last = await perform(frontDesk, id, { performedOn: today, units: 1 }).expect(201);
    expect(last.body).toMatchObject({ status: 'completed', unitsUsed: 3, currentClock: null, actions: [] });
    expect(last.body.procedure).toMatchObject({ unitsUsed: 3, unitsRemaining: 0, canRecord: false });
    expect(last.body.procedure.performed.map((p: { units: number }) => p.units)).toEqual([2, 1]);

    const row = (await t.db.query(`SELECT status, units_used, closed_at FROM cases WHERE id = $1`, [id])).rows[0];
    expect(row).toMatchObject({ status: 'completed', units_used: 3 });
    expect(row.closed_at).not.toBeNull();
    const events = await t.db.query(
      `SELECT type, from_status, to_status, data FROM case_events WHERE case_id = $1 AND type IN ('procedure_performed', 'transition') ORDER BY id`,
      [id],
    );
    expect(events.rows.slice(-3)).toEqual([
      expect.objectContaining({ type: 'procedure_performed', data: expect.objectContaining({ units: 2 }) }),
      expect.objectContaining({ type: 'procedure_performed', data: expect.objectContaining({ unitsUsed: 3 }) }),
      expect.objectContaining({ type: 'transition', from_status: 'approved', to_status: 'completed' }),
    ]);
    expect(await t.countRows('audit_events', `case_id = $1 AND object_type = 'procedure'`, [id])).toBe(2);
    expect(
      await t.countRows('audit_events', `case_id = $1 AND detail->>'transition' = 'approved->completed'`, [id]),
    ).toBe(1);

    // Closed: nothing more is recorded on it, and its steps are not taken back under the units.
    const closed = await perform(physician, id, { performedOn: today, units: 1 }).expect(409);
    expect(closed.body.code).toBe('case_not_approved');
    const list = await frontDesk.get('/api/cases?status=completed').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('completes a partial approval on its own approved units', async () => {
    const id = await approvedCase(1);
    const res = await perform(physician, id, { performedOn: today, units: 1 }).expect(201);
    expect(res.body.status).toBe('completed');
  });

  it('lets only one of two entries racing for the last unit through', async () => {
    const id = await approvedCase(1);
    const results = await Promise.all([
      perform(physician, id, { performedOn: today, units: 1 }),
      perform(frontDesk, id, { performedOn: today, units: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.countRows('case_procedures_performed', 'case_id = $1', [id])).toBe(1);
  });

  it('refuses to take back the approval once units are used against it', async () => {
    const id = await approvedCase();
    const used = (await perform(frontDesk, id, { performedOn: today, units: 1 }).expect(201)).body;
    const approval = used.events.find((e: { toStatus: string | null }) => e.toStatus === 'approved');
    // The recorder's undo window is still open, but the page no longer offers it.
    expect(approval).toMatchObject({ undoUntil: null, mayReverse: false });
    const res = await manager
      .post(`/api/cases/${id}/events/${approval.id}/reversal`)
      .set('If-Match', String(used.version))
      .send({ reason: 'Recorded on the wrong case' })
      .expect(422);
    expect(res.body.code).toBe('procedures_recorded');
  });

  it('expires a partly used approval by the job and counts it in the reports; a used one stays completed', async () => {
    const partly = await approvedCase();
    await perform(frontDesk, partly, { performedOn: today, units: 1 }).expect(201);
    const used = await approvedCase(1);
    await perform(frontDesk, used, { performedOn: today, units: 1 }).expect(201);
    // Their validity windows end yesterday.
    await t.db.query(`UPDATE cases SET valid_from = $2, valid_to = $3 WHERE id = ANY($1::uuid[])`, [
      [partly, used],
      addDaysToDate(today, -40),
      addDaysToDate(today, -1),
    ]);

    const expired = await t.app.get(ApprovalExpiryJob).run(new Date());
    expect(expired).toContain(partly);
    expect(expired).not.toContain(used);
    const rows = (
      await t.db.query(`SELECT id, status, units_used FROM cases WHERE id = ANY($1::uuid[]) ORDER BY status`, [
        [partly, used],
      ])
    ).rows;
    expect(rows).toEqual([
      { id: used, status: 'completed', units_used: 1 },
      { id: partly, status: 'expired', units_used: 1 },
    ]);
    const event = await t.db.query(`SELECT actor_id FROM case_events WHERE case_id = $1 AND to_status = 'expired'`, [
      partly,
    ]);
    expect(event.rows).toEqual([{ actor_id: SYSTEM_USER_ID }]);

    const range = `from=${addDaysToDate(today, -1)}&to=${addDaysToDate(today, 1)}`;
    const misses = (await manager.get(`/api/reports/clinic-misses?${range}`).expect(200)).body;
    expect(misses.approvalsExpiredPartlyUsed).toBe(1);
    expect(misses.approvalsExpiredUnused).toBeGreaterThanOrEqual(1);
    const summary = (await manager.get(`/api/reports/summary?${range}`).expect(200)).body;
    // Completed in this file so far: the full approval, the partial one, the race's and this one.
    expect(summary.completed).toBe(4);
    expect(summary.approvalsUsedShare).toBeCloseTo(4 / 5);

    const csv = await frontDesk.get('/api/cases/export?status=completed').expect(200);
    expect(csv.text).toMatch(/,Completed,/);
  });
});
