import { addDaysToDate, toLocalDate } from '@preauth/domain';
import { APP_CONFIG, type AppConfig } from '../src/config/config';
import { APPROVAL_REMINDER_JOB } from '../src/modules/work/approval-reminder.job';
import { CLOCK_WARNINGS_JOB, DIGEST_JOB, URGENT_EMAIL_JOB } from '../src/modules/work/notification-jobs';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';
import { sendOnAll, settled } from './helpers/jobs';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './helpers/smtp-receiver';

// Patient data no email may carry, each of a shape no email would have by chance.
const SENTINEL = {
  firstName: 'Zebulonia',
  lastName: 'Quixworth',
  mrn: 'MRN-SENTINEL-7731',
  dateOfBirth: '1961-02-03',
  memberId: 'MEMBER-SENTINEL-55',
  symptoms: 'Sentinel-symptoms-of-itching',
  taskTitle: 'Sentinel-task-about-Quixworth',
  cpt: '17110',
  icd: 'L72.0',
};
const SENTINEL_TEXTS = [...Object.values(SENTINEL), '02/03/1961', 'Feb 3, 1961', '1961', SENTINEL.icd.replace('.', '')];

describe('notification emails over SMTP, from two API instances', () => {
  let smtp: SmtpReceiver;
  let a: TestApp;
  let b: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let clinic: ClinicFixture;

  const sendOnBoth = (moment: Date) => sendOnAll([a, b], moment);
  const mailTo = (email: string) => smtp.mailTo(email);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    const env = { BACKGROUND_JOBS: 'true', SMTP_URL: smtp.url, APP_URL: 'https://preauth.example' };
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
    frontDesk = await signIn(a, 'front_desk');
    physician = await signIn(a, 'physician');
    manager = await signIn(a, 'manager');
    clinic = await createClinic(manager, frontDesk);
    const patient = await frontDesk
      .post('/api/patients')
      .send({
        mrn: SENTINEL.mrn,
        firstName: SENTINEL.firstName,
        lastName: SENTINEL.lastName,
        dateOfBirth: SENTINEL.dateOfBirth,
        sex: 'female',
        memberId: SENTINEL.memberId,
      })
      .expect(201);
    clinic = { ...clinic, patientId: patient.body.id as string };
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await smtp?.close();
  });

  async function sentinelCase(urgency: 'standard' | 'expedited'): Promise<string> {
    const body = readyCaseBody(clinic);
    const res = await physician
      .post('/api/cases')
      .send({
        ...body,
        urgency,
        diagnoses: [SENTINEL.icd],
        findings: { ...body.findings, symptoms: SENTINEL.symptoms },
      })
      .expect(201);
    return res.body.id as string;
  }

  function expectNoPatientData(message: ReceivedMail) {
    // The Message-ID is random hex, which now and then holds a sentinel's digits ("…e7919614a8…").
    const sent = message.raw.replace(/^Message-ID: .*$/im, '');
    for (const text of SENTINEL_TEXTS) expect(sent).not.toContain(text);
  }

  it('warns the owner of an expedited case once, in the app and by email, though both instances run the jobs', async () => {
    const id = await sentinelCase('expedited');
    await addEvidence(a, id);
    await physician.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }).expect(201);
    // The payer's 72-hour clock has three hours left: inside the 4-hour warning of an hour clock.
    await a.db.query(`UPDATE cases SET next_due_at = now() + interval '3 hours' WHERE id = $1`, [id]);

    for (const moment of [new Date(Date.UTC(2030, 0, 1, 9, 0)), new Date(Date.UTC(2030, 0, 1, 9, 5))]) {
      await sendOnBoth(moment);
      expect(await settled(a, CLOCK_WARNINGS_JOB, moment.toISOString())).toEqual([
        expect.objectContaining({ state: 'completed' }),
      ]);
      await sendOnBoth(moment);
      expect(await settled(a, URGENT_EMAIL_JOB, moment.toISOString())).toEqual([
        expect.objectContaining({ state: 'completed' }),
      ]);
    }

    const bell = (await physician.get('/api/notifications').expect(200)).body;
    expect(
      bell.items.filter((n: { kind: string; caseId: string }) => n.kind === 'clock_warning' && n.caseId === id),
    ).toHaveLength(1);
    const emails = mailTo(physician.user.email);
    expect(emails).toHaveLength(1);
    const { rows } = await a.db.query(`SELECT case_number FROM cases WHERE id = $1`, [id]);
    expect(emails[0].raw).toContain(rows[0].case_number);
    expect(emails[0].raw).toContain('https://preauth.example/sign-in');
    expectNoPatientData(emails[0]);
  });

  it('sends the daily digest at the clinic hour without patient data; a standard case waits for it', async () => {
    const id = await sentinelCase('standard');
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    await frontDesk
      .post(`/api/cases/${id}/tasks`)
      .send({ kind: 'other', title: SENTINEL.taskTitle, assigneeUserId: manager.user.id, dueDate: tomorrow })
      .expect(201);

    const notDigestHour = new Date(Date.UTC(2030, 0, 1, 10, 0)); // 05:00 in New York
    await sendOnBoth(notDigestHour);
    await settled(a, URGENT_EMAIL_JOB, notDigestHour.toISOString());
    await settled(a, DIGEST_JOB, notDigestHour.toISOString());
    expect(mailTo(manager.user.email)).toHaveLength(0);

    const digestHour = new Date(Date.UTC(2030, 0, 1, 12, 0)); // 07:00 in New York, DIGEST_HOUR's default
    await sendOnBoth(digestHour);
    expect(await settled(a, DIGEST_JOB, digestHour.toISOString())).toEqual([
      expect.objectContaining({ state: 'completed' }),
    ]);
    const digests = mailTo(manager.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].raw).toMatch(/1 task for you/);
    expectNoPatientData(digests[0]);
  });
  it('reminds the owner once per threshold that an approval ends soon with nothing scheduled, in the app and by email', async () => {
    const id = await sentinelCase('expedited');
    await addEvidence(a, id);
    await physician.post(`/api/cases/${id}/transitions`).set('If-Match', '1').send({ to: 'submitted' }).expect(201);
    const today = toLocalDate(new Date(), a.app.get<AppConfig>(APP_CONFIG).clinicTimeZone);
    await frontDesk
      .post(`/api/cases/${id}/transitions`)
      .set('If-Match', '2')
      .send({
        to: 'approved',
        authorizationNumber: 'AUTH-REMIND',
        validFrom: addDaysToDate(today, -1),
        validTo: addDaysToDate(today, 10),
      })
      .expect(201);
    const reminders = async () =>
      (await physician.get('/api/notifications').expect(200)).body.items.filter(
        (n: { kind: string; caseId: string }) => n.kind === 'clock_warning' && n.caseId === id,
      );
    const runBoth = async (moment: Date) => {
      await sendOnBoth(moment);
      expect(await settled(a, APPROVAL_REMINDER_JOB, moment.toISOString())).toEqual([
        expect.objectContaining({ state: 'completed' }),
      ]);
      await sendOnBoth(moment);
      await settled(a, URGENT_EMAIL_JOB, moment.toISOString());
    };

    // Ten days left: the 14-day reminder, once though two instances run the job twice.
    await runBoth(new Date(Date.UTC(2030, 1, 1, 9, 0)));
    await runBoth(new Date(Date.UTC(2030, 1, 1, 10, 0)));
    expect(await reminders()).toHaveLength(1);
    const { rows } = await a.db.query(`SELECT case_number FROM cases WHERE id = $1`, [id]);
    // The payer's approval was emailed too; the reminder is the case's deadline email.
    const emails = mailTo(physician.user.email).filter(
      (m) => m.raw.includes(rows[0].case_number) && m.raw.includes('deadline coming up'),
    );
    expect(emails).toHaveLength(1);
    expectNoPatientData(emails[0]);

    // Two days left: the 3-day reminder, once.
    await a.db.query(`UPDATE cases SET valid_to = $2 WHERE id = $1`, [id, addDaysToDate(today, 2)]);
    await runBoth(new Date(Date.UTC(2030, 1, 1, 11, 0)));
    await runBoth(new Date(Date.UTC(2030, 1, 1, 12, 0)));
    expect(await reminders()).toHaveLength(2);

    // Booked: no reminder for a later end either.
    await frontDesk.post(`/api/cases/${id}/procedure/schedule`).send({ scheduledOn: today }).expect(201);
    await a.db.query(`UPDATE cases SET valid_to = $2 WHERE id = $1`, [id, addDaysToDate(today, 1)]);
    await runBoth(new Date(Date.UTC(2030, 1, 1, 13, 0)));
    expect(await reminders()).toHaveLength(2);
  });
});
