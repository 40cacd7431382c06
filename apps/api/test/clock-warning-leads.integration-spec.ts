import { NotificationJobs } from '../src/modules/work/notification-jobs';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('clock warning lead times set by a manager', () => {
  let t: TestApp;
  let physician: SignedIn;
  let manager: SignedIn;
  let frontDesk: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    t = await createTestApp();
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    frontDesk = await signIn(t, 'front_desk');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(() => t?.close());

  const warningsOn = async (caseId: string) =>
    (
      await t.db.query<{ dedupe_key: string }>(
        `SELECT dedupe_key FROM notifications WHERE case_id = $1 AND kind = 'clock_warning' ORDER BY created_at`,
        [caseId],
      )
    ).rows.map((r) => r.dedupe_key.split(':').pop());

  it('starts with 3 d and 1 d before day clocks, 24 h and 4 h before hour clocks', async () => {
    const res = await manager.get('/api/notification-settings').expect(200);
    expect(res.body).toMatchObject({
      dayClockLeadDays: [3, 1],
      hourClockLeadHours: [24, 4],
      digestHour: null,
      effectiveDigestHour: 7,
      shortestDayClockDays: 7,
      shortestHourClockHours: 72,
    });
  });

  it.each([
    [{ dayClockLeadDays: [0], hourClockLeadHours: [4], digestHour: null }, 'dayClockLeadDays'],
    [{ dayClockLeadDays: [7], hourClockLeadHours: [4], digestHour: null }, 'dayClockLeadDays.0'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [24, 12, 4, 1], digestHour: null }, 'hourClockLeadHours'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [4, 4], digestHour: null }, 'hourClockLeadHours'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [4], digestHour: 24 }, 'digestHour'],
    [{ dayClockLeadDays: [3], hourClockLeadHours: [4] }, 'digestHour'],
  ])('refuses %j with 400 naming %s and changes nothing', async (body, field) => {
    const res = await manager.put('/api/notification-settings').send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const { rows } = await t.db.query(`SELECT day_clock_lead_days, hour_clock_lead_hours FROM notification_settings`);
    expect(rows).toEqual([{ day_clock_lead_days: [3, 1], hour_clock_lead_hours: [24, 4] }]);
  });

  it('is for managers and admins only', async () => {
    await frontDesk.get('/api/notification-settings').expect(403);
    await physician
      .put('/api/notification-settings')
      .send({ dayClockLeadDays: [5], hourClockLeadHours: [4], digestHour: null })
      .expect(403);
  });

  it('a longer lead makes the warning job warn earlier; the change is audited', async () => {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const caseId = created.body.id as string;
    const now = new Date(Date.UTC(2030, 5, 1, 9, 0));
    // A standard case's day clock, four days from "now".
    await t.db.query(`UPDATE cases SET urgency = 'standard', next_due_at = $2 WHERE id = $1`, [
      caseId,
      new Date(now.getTime() + 4 * DAY),
    ]);
    const jobs = t.app.get(NotificationJobs);

    await jobs.warnClocks(now);
    expect(await warningsOn(caseId)).toEqual([]);

    const saved = await manager
      .put('/api/notification-settings')
      .send({ dayClockLeadDays: [1, 5], hourClockLeadHours: [12], digestHour: 8 })
      .expect(200);
    expect(saved.body).toMatchObject({
      dayClockLeadDays: [5, 1],
      hourClockLeadHours: [12],
      digestHour: 8,
      effectiveDigestHour: 8,
    });

    await jobs.warnClocks(now);
    expect(await warningsOn(caseId)).toEqual([String(5 * 24 * 60)]);
    // The old 3-day lead is gone: nothing new until the 1-day one.
    await jobs.warnClocks(new Date(now.getTime() + 1.5 * DAY));
    expect(await warningsOn(caseId)).toEqual([String(5 * 24 * 60)]);
    await jobs.warnClocks(new Date(now.getTime() + 3.5 * DAY));
    expect(await warningsOn(caseId)).toEqual([String(5 * 24 * 60), String(24 * 60)]);

    const { rows } = await t.db.query(
      `SELECT user_id, detail FROM audit_events WHERE object_type = 'notification_settings' ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        user_id: manager.user.id,
        detail: {
          changes: {
            dayClockLeadDays: { from: [3, 1], to: [5, 1] },
            hourClockLeadHours: { from: [24, 4], to: [12] },
            digestHour: { from: null, to: 8 },
          },
        },
      },
    ]);
  });

  it('an hour clock follows its own leads', async () => {
    const created = await physician
      .post('/api/cases')
      .send({ ...readyCaseBody(clinic), urgency: 'expedited' })
      .expect(201);
    const caseId = created.body.id as string;
    const now = new Date(Date.UTC(2030, 5, 1, 9, 0));
    await t.db.query(`UPDATE cases SET next_due_at = $2 WHERE id = $1`, [caseId, new Date(now.getTime() + 20 * HOUR)]);
    const jobs = t.app.get(NotificationJobs);
    // 20 hours left: the default 24-hour lead would warn, the clinic's 12-hour one does not yet.
    await jobs.warnClocks(now);
    expect(await warningsOn(caseId)).toEqual([]);
    await jobs.warnClocks(new Date(now.getTime() + 9 * HOUR));
    expect(await warningsOn(caseId)).toEqual([String(12 * 60)]);
  });
});
