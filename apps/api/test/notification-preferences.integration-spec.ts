import { DIGEST_JOB } from '../src/modules/work/notification-jobs';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { sendOnAll, settled } from './helpers/jobs';
import { startSmtpReceiver, type SmtpReceiver } from './helpers/smtp-receiver';

describe('email preferences per user, against a real SMTP receiver', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp({ BACKGROUND_JOBS: 'true', SMTP_URL: smtp.url, APP_URL: 'https://preauth.example' });
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('starts with every kind by email, and each user changes only their own', async () => {
    const defaults = (await physician.get('/api/notifications/preferences').expect(200)).body;
    expect(defaults).toEqual({
      email: { case_assigned: true, task_assigned: true, task_done: true, payer_answer: true, clock_warning: true },
      digestHour: 7,
      timeZone: 'America/New_York',
      emailEnabled: true,
    });

    const saved = await physician
      .put('/api/notifications/preferences')
      .send({ email: { task_done: false } })
      .expect(200);
    expect(saved.body.email).toMatchObject({ task_done: false, task_assigned: true });
    expect((await physician.get('/api/notifications/preferences').expect(200)).body.email.task_done).toBe(false);
    // Nobody else's choices moved.
    expect((await manager.get('/api/notifications/preferences').expect(200)).body.email.task_done).toBe(true);

    const { rows } = await t.db.query(
      `SELECT user_id, detail FROM audit_events WHERE object_type = 'notification_preferences' AND object_id = $1`,
      [physician.user.id],
    );
    expect(rows).toEqual([
      { user_id: physician.user.id, detail: { changes: { task_done: { from: true, to: false } } } },
    ]);
  });

  it.each([
    [{ email: { task_done: 'no' } }, 'email.task_done'],
    [{ email: { birthday: true } }, 'email.birthday'],
    [{ email: 'none' }, 'email'],
    [{}, 'email'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await physician.put('/api/notifications/preferences').send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a kind turned off sends no email, yet still notifies in the app; a kind left on is emailed', async () => {
    await manager
      .put('/api/notifications/preferences')
      .send({ email: { task_assigned: false } })
      .expect(200);
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    const caseId = created.body.id as string;
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    for (const assignee of [manager, physician]) {
      await frontDesk
        .post(`/api/cases/${caseId}/tasks`)
        .send({ kind: 'other', title: 'Call the payer', assigneeUserId: assignee.user.id, dueDate: tomorrow })
        .expect(201);
    }

    const digestHour = new Date(Date.UTC(2030, 0, 1, 12, 0)); // 07:00 in New York, DIGEST_HOUR's default
    await sendOnAll([t], digestHour);
    expect(await settled(t, DIGEST_JOB, digestHour.toISOString())).toEqual([
      expect.objectContaining({ state: 'completed' }),
    ]);

    expect(smtp.mailTo(physician.user.email)).toHaveLength(1);
    expect(smtp.mailTo(physician.user.email)[0].raw).toMatch(/1 task for you/);
    expect(smtp.mailTo(manager.user.email)).toHaveLength(0);
    const bell = (await manager.get('/api/notifications').expect(200)).body;
    expect(bell.items).toEqual([expect.objectContaining({ kind: 'task_assigned', caseId, readAt: null })]);
    const { rows } = await t.db.query(`SELECT emailed_at FROM notifications WHERE user_id = $1`, [manager.user.id]);
    expect(rows).toEqual([{ emailed_at: null }]);
  });

  it('sends the digest at the hour a manager set instead of DIGEST_HOUR', async () => {
    const current = (await manager.get('/api/notification-settings').expect(200)).body;
    await manager
      .put('/api/notification-settings')
      .send({
        dayClockLeadDays: current.dayClockLeadDays,
        hourClockLeadHours: current.hourClockLeadHours,
        digestHour: 9,
      })
      .expect(200);
    // The manager's unread task waits for a digest: turned back on, it goes in the next one.
    await manager
      .put('/api/notifications/preferences')
      .send({ email: { task_assigned: true } })
      .expect(200);

    const oldHour = new Date(Date.UTC(2030, 0, 2, 12, 0)); // 07:00 in New York
    await sendOnAll([t], oldHour);
    await settled(t, DIGEST_JOB, oldHour.toISOString());
    expect(smtp.mailTo(manager.user.email)).toHaveLength(0);

    const newHour = new Date(Date.UTC(2030, 0, 2, 14, 0)); // 09:00 in New York
    await sendOnAll([t], newHour);
    expect(await settled(t, DIGEST_JOB, newHour.toISOString())).toEqual([
      expect.objectContaining({ state: 'completed' }),
    ]);
    expect(smtp.mailTo(manager.user.email)).toHaveLength(1);
  });
});
