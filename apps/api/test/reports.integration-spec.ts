import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// A known month of decisions (America/New_York); every figure below is worked out by hand.
describe('manager reports', () => {
  let t: TestApp;
  let manager: SignedIn;
  const range = 'from=2026-03-01&to=2026-03-31';

  async function insertCase(c: {
    payer: string;
    provider: string;
    patient: string;
    cpt: string;
    urgency?: string;
    status?: string;
    appealLevel?: number;
    submitted?: string;
    closed?: string;
    nextDue?: string;
    nextDueKind?: string;
  }): Promise<string> {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO cases (case_number, patient_id, payer_id, provider_id, status, urgency, appeal_level, first_submitted_at, submitted_at, closed_at, next_due_at, next_due_kind)
       VALUES ('PA-' || lpad(nextval('case_number_seq')::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10) RETURNING id`,
      [
        c.patient,
        c.payer,
        c.provider,
        c.status ?? 'approved',
        c.urgency ?? 'standard',
        c.appealLevel ?? 0,
        c.submitted ?? null,
        c.closed ?? null,
        c.nextDue ?? null,
        c.nextDueKind ?? null,
      ],
    );
    await t.db.query(
      `INSERT INTO case_procedure_lines (case_id, position, cpt_code, units, body_site, lesion_count) VALUES ($1, 0, $2, 1, 'ear', 5)`,
      [rows[0].id, c.cpt],
    );
    return rows[0].id;
  }

  async function decide(
    caseId: string,
    payer: string,
    d: {
      stage?: string;
      urgency?: string;
      requested: string;
      decided: string;
      due: string | null;
      outcome: string;
      code?: string;
    },
  ) {
    await t.db.query(
      `INSERT INTO case_decisions (case_id, payer_id, provider_id, cpt_codes, stage, urgency, requested_at, decided_at, due_at, outcome, denial_code)
       SELECT $1, $2, c.provider_id, ARRAY(SELECT l.cpt_code FROM case_procedure_lines l WHERE l.case_id = c.id), $3, $4, $5, $6, $7, $8, $9
         FROM cases c WHERE c.id = $1`,
      [
        caseId,
        payer,
        d.stage ?? 'initial',
        d.urgency ?? 'standard',
        d.requested,
        d.decided,
        d.due,
        d.outcome,
        d.code ?? null,
      ],
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ CLINIC_TIMEZONE: 'America/New_York' });
    manager = await signIn(t, 'manager');
    const one = async (sql: string, params: unknown[]) => (await t.db.query<{ id: string }>(sql, params)).rows[0].id;
    const A = await one(
      `INSERT INTO payers (name, payer_code, plan_type) VALUES ('Alpha Health', 'ALPHA', 'commercial_erisa') RETURNING id`,
      [],
    );
    const B = await one(
      `INSERT INTO payers (name, payer_code, plan_type) VALUES ('Beta Advantage', 'BETA', 'medicare_advantage') RETURNING id`,
      [],
    );
    const P1 = await one(
      `INSERT INTO providers (first_name, last_name, credentials, npi) VALUES ('Dana', 'Whitfield', 'MD', '1234567893') RETURNING id`,
      [],
    );
    const P2 = await one(
      `INSERT INTO providers (first_name, last_name, credentials, npi) VALUES ('Sam', 'Okafor', 'MD', '1245319599') RETURNING id`,
      [],
    );
    const X = await one(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex) VALUES ('MRN-R1', 'Report', 'Patient', '1970-01-01', 'female') RETURNING id`,
      [],
    );

    const c1 = await insertCase({ payer: A, provider: P1, patient: X, cpt: '17110', submitted: '2026-03-02T14:00Z' });
    await decide(c1, A, {
      requested: '2026-03-02T14:00Z',
      decided: '2026-03-03T14:00Z',
      due: '2026-03-17T14:00Z',
      outcome: 'approved',
    });
    const c2 = await insertCase({
      payer: A,
      provider: P1,
      patient: X,
      cpt: '17110',
      appealLevel: 1,
      submitted: '2026-03-05T14:00Z',
    });
    await decide(c2, A, {
      requested: '2026-03-05T14:00Z',
      decided: '2026-03-07T14:00Z',
      due: '2026-03-06T14:00Z',
      outcome: 'denied',
      code: 'CO-50',
    });
    await decide(c2, A, {
      stage: 'appeal_1',
      requested: '2026-03-10T14:00Z',
      decided: '2026-03-20T14:00Z',
      due: '2026-04-09T14:00Z',
      outcome: 'approved',
    });
    const c3 = await insertCase({
      payer: B,
      provider: P2,
      patient: X,
      cpt: '17111',
      status: 'denied',
      submitted: '2026-03-10T14:00Z',
    });
    await decide(c3, B, {
      requested: '2026-03-10T14:00Z',
      decided: '2026-03-14T14:00Z',
      due: '2026-03-18T14:00Z',
      outcome: 'denied',
      code: 'CO-16',
    });
    const c4 = await insertCase({
      payer: B,
      provider: P2,
      patient: X,
      cpt: '10040',
      urgency: 'expedited',
      status: 'partially_approved',
      submitted: '2026-03-12T12:00Z',
    });
    await decide(c4, B, {
      urgency: 'expedited',
      requested: '2026-03-12T12:00Z',
      decided: '2026-03-15T12:00Z',
      due: '2026-03-15T12:00Z',
      outcome: 'partially_approved',
    });
    const c5 = await insertCase({
      payer: B,
      provider: P1,
      patient: X,
      cpt: '17110',
      urgency: 'expedited',
      status: 'denied',
      appealLevel: 1,
      submitted: '2026-03-20T00:00Z',
    });
    await decide(c5, B, {
      urgency: 'expedited',
      requested: '2026-03-20T00:00Z',
      decided: '2026-03-24T00:00Z',
      due: '2026-03-23T00:00Z',
      outcome: 'denied',
      code: 'CO-50',
    });
    await decide(c5, B, {
      stage: 'appeal_1',
      urgency: 'expedited',
      requested: '2026-03-25T00:00Z',
      decided: '2026-03-28T00:00Z',
      due: '2026-04-27T00:00Z',
      outcome: 'denied',
      code: 'CO-50',
    });
    const c6 = await insertCase({ payer: A, provider: P1, patient: X, cpt: '17110', submitted: '2026-03-30T14:00Z' });
    await decide(c6, A, {
      requested: '2026-03-30T14:00Z',
      decided: '2026-04-02T14:00Z',
      due: '2026-04-14T14:00Z',
      outcome: 'approved',
    });
    await insertCase({
      payer: A,
      provider: P1,
      patient: X,
      cpt: '17110',
      status: 'withdrawn',
      submitted: '2026-02-20T14:00Z',
      closed: '2026-03-15T14:00Z',
    });
    await insertCase({
      payer: B,
      provider: P2,
      patient: X,
      cpt: '17110',
      status: 'denied',
      nextDue: '2026-03-25T03:59:59Z',
      nextDueKind: 'appeal_filing',
    });
    await insertCase({
      payer: A,
      provider: P2,
      patient: X,
      cpt: '17111',
      status: 'expired',
      closed: '2026-03-10T14:00Z',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('summarises outcomes, appeals and overturns', async () => {
    const res = await manager.get(`/api/reports/summary?${range}`).expect(200);
    expect(res.body).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      submitted: 6,
      decisions: 5,
      approved: 1,
      partiallyApproved: 1,
      denied: 3,
      withdrawn: 1,
      // One approval ended in March: it expired unused, none was used in full.
      completed: 0,
      approvalsUsedShare: 0,
      approvedShare: 0.2,
      partiallyApprovedShare: 0.2,
      deniedShare: 0.6,
      approvedAfterAppeal: 1,
      approvedAfterAppealShare: 0.2,
      deniedThenAppealed: 2,
      appealRate: 0.6667,
      overturnRate: 0.5,
      overturnByStage: [
        { stage: 'peer_to_peer', decisions: 0, overturned: 0, overturnRate: null },
        { stage: 'appeal_1', decisions: 2, overturned: 1, overturnRate: 0.5 },
        { stage: 'appeal_2', decisions: 0, overturned: 0, overturnRate: null },
        { stage: 'external_review', decisions: 0, overturned: 0, overturnRate: null },
      ],
    });
  });

  it('measures decision time (mean, median, p90) and the late share, standard and expedited apart', async () => {
    const res = await manager.get(`/api/reports/decision-times?${range}`).expect(200);
    expect(res.body.rows).toEqual([
      { urgency: 'standard', decisions: 3, meanHours: 56, medianHours: 48, p90Hours: 86.4, late: 1, lateShare: 0.3333 },
      { urgency: 'expedited', decisions: 2, meanHours: 84, medianHours: 84, p90Hours: 93.6, late: 1, lateShare: 0.5 },
    ]);
  });

  it('breaks decisions down by payer, CPT code, physician and denial reason', async () => {
    const payer = await manager.get(`/api/reports/by-payer?${range}`).expect(200);
    expect(
      payer.body.rows.map((r: Record<string, unknown>) => [r.label, r.decisions, r.denied, r.late, r.medianHours]),
    ).toEqual([
      ['Beta Advantage', 3, 2, 1, 96],
      ['Alpha Health', 2, 1, 1, 36],
    ]);
    const cpt = await manager.get(`/api/reports/by-cpt?${range}`).expect(200);
    expect(
      cpt.body.rows.map((r: Record<string, unknown>) => [
        r.key,
        r.decisions,
        r.approved,
        r.partiallyApproved,
        r.denied,
      ]),
    ).toEqual([
      ['17110', 3, 1, 0, 2],
      ['17111', 1, 0, 0, 1],
      ['10040', 1, 0, 1, 0],
    ]);
    expect(cpt.body.rows[0].label).toMatch(/^17110 Destruction of benign lesions/);
    const physician = await manager.get(`/api/reports/by-physician?${range}`).expect(200);
    expect(physician.body.rows.map((r: Record<string, unknown>) => [r.label, r.decisions, r.denied])).toEqual([
      ['Dana Whitfield, MD', 3, 2],
      ['Sam Okafor, MD', 2, 1],
    ]);
    const reasons = await manager.get(`/api/reports/by-denial-reason?${range}`).expect(200);
    expect(reasons.body.rows.map((r: Record<string, unknown>) => [r.code, r.label, r.denials, r.share])).toEqual([
      ['CO-50', expect.stringMatching(/^Not medically necessary/), 3, 0.75],
      ['CO-16', expect.stringMatching(/^Missing information/), 1, 0.25],
    ]);
  });

  it('names a code without a description as such, never as its own description', async () => {
    const id = async (sql: string) => (await t.db.query<{ id: string }>(sql)).rows[0].id;
    const payer = await id(`SELECT id FROM payers WHERE payer_code = 'ALPHA'`);
    const caseId = await insertCase({
      payer,
      provider: await id(`SELECT id FROM providers WHERE npi = '1234567893'`),
      patient: await id(`SELECT id FROM patients WHERE mrn = 'MRN-R1'`),
      cpt: '17110',
      status: 'denied',
      submitted: '2025-01-06T14:00Z',
    });
    await decide(caseId, payer, {
      requested: '2025-01-06T14:00Z',
      decided: '2025-01-08T14:00Z',
      due: null,
      outcome: 'denied',
      code: 'CO-45',
    });
    const res = await manager.get('/api/reports/by-denial-reason?from=2025-01-01&to=2025-01-31').expect(200);
    expect(res.body.rows.map((r: Record<string, unknown>) => [r.code, r.label, r.denials])).toEqual([
      ['CO-45', 'no description on file', 1],
    ]);
  });

  it('gives a monthly trend, the late payers and the clinic own misses', async () => {
    const trend = await manager.get(`/api/reports/trend?${range}`).expect(200);
    expect(trend.body.rows).toEqual([
      { month: '2026-03', submitted: 6, decisions: 5, approved: 1, denied: 3, medianHours: 72 },
    ]);
    const late = await manager.get(`/api/reports/late-payers?${range}`).expect(200);
    expect(
      late.body.rows.map((r: Record<string, unknown>) => [r.payer, r.decisions, r.late, r.lateShare, r.meanDaysLate]),
    ).toEqual([
      ['Alpha Health', 3, 1, 0.3333, 1],
      ['Beta Advantage', 4, 1, 0.25, 1],
    ]);
    const misses = await manager.get(`/api/reports/clinic-misses?${range}`).expect(200);
    expect(misses.body.appealWindowsMissed).toBe(1);
    expect(misses.body.approvalsExpiredUnused).toBe(1);
    expect(misses.body.approvalsExpiredPartlyUsed).toBe(0);
  });

  // The headers docs/reports.md documents, in the order of the screen's columns.
  const CSV_HEADERS: Record<string, string> = {
    summary: 'Figure,Value,Detail',
    'decision-times': 'Urgency,Decisions,Mean,Median,90th percentile,After deadline,Share late',
    trend: 'Month,Submitted,Decided,Approved,Denied,Median time',
    'by-payer': 'Payer,Decisions,Approved,Partially approved,Denied,Denied share,Late,Median time',
    'by-cpt': 'CPT code,Decisions,Approved,Partially approved,Denied,Denied share,Late,Median time',
    'by-physician': 'Physician,Decisions,Approved,Partially approved,Denied,Denied share,Late,Median time',
    'by-denial-reason': 'Code,Reason,Denials,Share of denials',
    'overturn-by-payer': 'Payer,Appeals decided,Overturned,Overturn rate',
    'overturn-by-reason': 'Code,Reason,Appeals decided,Overturned,Overturn rate',
    'late-payers':
      'Payer,Decisions with a deadline,Decided late,Share late,Mean days late,"Still waiting, past deadline (now)"',
    'clinic-misses': 'Case,What was missed,Payer,When',
  };

  it('exports every table as CSV with human headers, percentages, durations and clinic-local dates', async () => {
    const csv = async (table: string) => {
      const res = await manager.get(`/api/reports/export?table=${table}&${range}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      return res.text.split('\r\n').filter(Boolean);
    };
    for (const [table, header] of Object.entries(CSV_HEADERS)) {
      const lines = await csv(table);
      expect([table, lines[0]]).toEqual([table, header]);
      expect(lines.length).toBeGreaterThan(1);
    }
    expect(await csv('summary')).toEqual(
      expect.arrayContaining([
        'Requests submitted,6,5 initial decisions',
        'Approved,20%,1 of 5 decisions',
        'Appeal rate,66.7%,2 of 3 denials appealed',
        'Overturn rate,50%,Over every review level',
        'Overturn rate: First-level appeal,50%,1 of 2 decisions overturned',
      ]),
    );
    // Hours under three days, days above, as the screen writes them.
    expect((await csv('decision-times')).slice(1)).toEqual([
      'Standard,3,56 h,48 h,3.6 d,1,33.3%',
      'Expedited,2,3.5 d,3.5 d,3.9 d,1,50%',
    ]);
    expect((await csv('trend')).slice(1)).toEqual(['Mar 2026,6,5,1,3,3 d']);
    // The screen's order: most decisions first.
    expect((await csv('by-payer')).slice(1)).toEqual([
      'Beta Advantage,3,0,1,2,66.7%,1,4 d',
      'Alpha Health,2,1,0,1,50%,1,36 h',
    ]);
    expect((await csv('late-payers')).slice(1)).toEqual([
      'Alpha Health,3,1,33.3%,1 d,0',
      'Beta Advantage,4,1,25%,1 d,0',
    ]);
    // Instants as the clinic's clocks read them (New York, summer time from March 8).
    const misses = (await csv('clinic-misses')).slice(1);
    expect(misses).toEqual([
      expect.stringMatching(/^PA-\d{6},Appeal window missed,Beta Advantage,"Mar 24, 2026, 11:59 PM EDT"$/),
      expect.stringMatching(/^PA-\d{6},Approval expired unused,Alpha Health,"Mar 10, 2026, 10:00 AM EDT"$/),
    ]);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'export' AND object_type = 'report'`,
    );
    expect(audit.rows[0].n).toBe(Object.keys(CSV_HEADERS).length + 6);
  });

  it('answers an empty range with zeros and nulls, and a reversed range with 400', async () => {
    const empty = await manager.get('/api/reports/summary?from=2020-01-01&to=2020-01-31').expect(200);
    expect(empty.body).toMatchObject({ decisions: 0, approvedShare: null, appealRate: null });
    const times = await manager.get('/api/reports/decision-times?from=2020-01-01&to=2020-01-31').expect(200);
    expect(times.body.rows[0]).toEqual({
      urgency: 'standard',
      decisions: 0,
      meanHours: null,
      medianHours: null,
      p90Hours: null,
      late: 0,
      lateShare: null,
    });
    await manager.get('/api/reports/summary?from=2026-03-31&to=2026-03-01').expect(400);
    await manager.get('/api/reports/summary?from=yesterday&to=2026-03-01').expect(400);
  });

  it('is for managers and admins only', async () => {
    const frontDesk = await signIn(t, 'front_desk');
    await frontDesk.get(`/api/reports/summary?${range}`).expect(403);
    const admin = await signIn(t, 'admin');
    await admin.get(`/api/reports/summary?${range}`).expect(200);
  });

  it('gives the overturn rate by payer and by the denial reason reviewed, each row counting as its case list', async () => {
    const id = async (sql: string) => (await t.db.query<{ id: string }>(sql)).rows[0].id;
    const A = await id(`SELECT id FROM payers WHERE payer_code = 'ALPHA'`);
    const B = await id(`SELECT id FROM payers WHERE payer_code = 'BETA'`);
    const P = await id(`SELECT id FROM providers WHERE npi = '1234567893'`);
    const X = await id(`SELECT id FROM patients WHERE mrn = 'MRN-R1'`);
    const at = (day: number) => `2026-05-${String(day).padStart(2, '0')}T14:00Z`;
    const review = { due: null, urgency: 'standard' };
    // May: c7 denied without a code, appeal 1 upheld it with CO-197, appeal 2 overturned that;
    // c8 denied CO-16, overturned at peer-to-peer; c9 denied CO-50, appeal 1 upheld.
    const c7 = await insertCase({ payer: A, provider: P, patient: X, cpt: '17110', status: 'approved' });
    await decide(c7, A, { requested: at(1), decided: at(2), due: null, outcome: 'denied' });
    await decide(c7, A, {
      ...review,
      stage: 'appeal_1',
      requested: at(3),
      decided: at(10),
      outcome: 'denied',
      code: 'CO-197',
    });
    await decide(c7, A, { ...review, stage: 'appeal_2', requested: at(11), decided: at(20), outcome: 'approved' });
    const c8 = await insertCase({ payer: B, provider: P, patient: X, cpt: '17110', status: 'partially_approved' });
    await decide(c8, B, { requested: at(1), decided: at(3), due: null, outcome: 'denied', code: 'CO-16' });
    await decide(c8, B, {
      ...review,
      stage: 'peer_to_peer',
      requested: at(4),
      decided: at(5),
      outcome: 'partially_approved',
    });
    const c9 = await insertCase({ payer: A, provider: P, patient: X, cpt: '17110', status: 'denied' });
    await decide(c9, A, { requested: at(1), decided: at(4), due: null, outcome: 'denied', code: 'CO-50' });
    await decide(c9, A, {
      ...review,
      stage: 'appeal_1',
      requested: at(5),
      decided: at(12),
      outcome: 'denied',
      code: 'CO-50',
    });

    const may = 'from=2026-05-01&to=2026-05-31';
    type Row = { key: string; label: string; decided: number; overturned: number; overturnRate: number | null };
    const byPayer = (await manager.get(`/api/reports/overturn-by-payer?${may}`).expect(200)).body.rows as Row[];
    expect(byPayer.map((r) => [r.label, r.decided, r.overturned, r.overturnRate])).toEqual([
      ['Alpha Health', 2, 1, 0.5],
      ['Beta Advantage', 1, 1, 1],
    ]);
    const byReason = (await manager.get(`/api/reports/overturn-by-reason?${may}`).expect(200)).body.rows as Row[];
    expect(byReason.map((r) => [r.key, r.decided, r.overturned, r.overturnRate])).toEqual([
      ['CO-16', 1, 1, 1],
      ['CO-197', 1, 1, 1],
      ['CO-50', 1, 0, 0],
      ['unknown', 1, 0, 0],
    ]);
    expect(byReason.find((r) => r.key === 'CO-16')?.label).toMatch(/^Missing information/);
    expect(byReason.find((r) => r.key === 'unknown')?.label).toBe('No reason code recorded');

    // What each row's links open (see OverturnSection) counts the same cases.
    const count = async (query: string) =>
      (await manager.get(`/api/cases/count?${query}`).expect(200)).body.count as number;
    const reviews = 'decidedFrom=2026-05-01&decidedTo=2026-05-31&decisionStage=review';
    for (const row of byPayer) {
      expect(await count(`${reviews}&payerId=${row.key}`)).toBe(row.decided);
      expect(await count(`${reviews}&payerId=${row.key}&outcome=overturned`)).toBe(row.overturned);
    }
    for (const row of byReason) {
      expect(await count(`${reviews}&reviewedDenialCode=${row.key}`)).toBe(row.decided);
      expect(await count(`${reviews}&reviewedDenialCode=${row.key}&outcome=overturned`)).toBe(row.overturned);
    }

    const csv = async (table: string) =>
      (await manager.get(`/api/reports/export?table=${table}&${may}`).expect(200)).text.split('\r\n').filter(Boolean);
    expect(await csv('overturn-by-payer')).toEqual([
      CSV_HEADERS['overturn-by-payer'],
      'Alpha Health,2,1,50%',
      'Beta Advantage,1,1,100%',
    ]);
    expect((await csv('overturn-by-reason'))[0]).toBe(CSV_HEADERS['overturn-by-reason']);
    expect(await csv('overturn-by-reason')).toContain('unknown,No reason code recorded,1,0,0%');
  });

  // Last: it adds open cases, which no figure above counts but the late payers' open column.
  it('shows the open items already past the payer deadline apart, and each figure opens as many cases', async () => {
    const payer = async (code: string) =>
      (await t.db.query<{ id: string }>(`SELECT id FROM payers WHERE payer_code = $1`, [code])).rows[0].id;
    const [A, B] = [await payer('ALPHA'), await payer('BETA')];
    const X = (await t.db.query<{ id: string }>(`SELECT id FROM patients WHERE mrn = 'MRN-R1'`)).rows[0].id;
    const P = (await t.db.query<{ id: string }>(`SELECT id FROM providers WHERE npi = '1234567893'`)).rows[0].id;
    // An appeal 14 days past its decision deadline and still open; a request not yet due; a
    // denial whose (clinic-owned) appeal window has passed: only the first is the payer's.
    await insertCase({
      payer: B,
      provider: P,
      patient: X,
      cpt: '17110',
      status: 'appealed',
      nextDue: new Date(Date.now() - 14 * 86_400_000).toISOString(),
      nextDueKind: 'appeal_decision',
    });
    await insertCase({
      payer: B,
      provider: P,
      patient: X,
      cpt: '17110',
      status: 'submitted',
      nextDue: new Date(Date.now() + 86_400_000).toISOString(),
      nextDueKind: 'payer_decision',
    });
    await insertCase({
      payer: A,
      provider: P,
      patient: X,
      cpt: '17110',
      status: 'denied',
      nextDue: new Date(Date.now() - 86_400_000).toISOString(),
      nextDueKind: 'appeal_filing',
    });
    const late = await manager.get(`/api/reports/late-payers?${range}`).expect(200);
    expect(late.body.rows.map((r: Record<string, unknown>) => [r.payer, r.decisions, r.late, r.overdueOpen])).toEqual([
      ['Beta Advantage', 4, 1, 1],
      ['Alpha Health', 3, 1, 0],
    ]);

    // The case list behind each figure (what the report's links open) counts the same.
    const count = async (query: string) =>
      (await manager.get(`/api/cases/count?${query}`).expect(200)).body.count as number;
    const decided = 'decidedFrom=2026-03-01&decidedTo=2026-03-31&decisionStage=initial';
    const byPayer = await manager.get(`/api/reports/by-payer?${range}`).expect(200);
    for (const row of byPayer.body.rows as {
      key: string;
      decisions: number;
      denied: number;
      approved: number;
      late: number;
    }[]) {
      expect(await count(`${decided}&payerId=${row.key}`)).toBe(row.decisions);
      expect(await count(`${decided}&payerId=${row.key}&outcome=denied`)).toBe(row.denied);
      expect(await count(`${decided}&payerId=${row.key}&outcome=approved`)).toBe(row.approved);
      expect(await count(`${decided}&payerId=${row.key}&decidedLate=true`)).toBe(row.late);
    }
    const byCpt = await manager.get(`/api/reports/by-cpt?${range}`).expect(200);
    for (const row of byCpt.body.rows as { key: string; decisions: number }[])
      expect(await count(`${decided}&cpt=${row.key}`)).toBe(row.decisions);
    const reasons = await manager.get(`/api/reports/by-denial-reason?${range}`).expect(200);
    expect(reasons.body.rows.length).toBeGreaterThan(0);
    for (const row of reasons.body.rows as { code: string; denials: number }[]) {
      // c5 was denied twice with CO-50 (initially, then on appeal): two denials, one case.
      const cases = row.code === 'CO-50' ? row.denials - 1 : row.denials;
      expect(await count(`decidedFrom=2026-03-01&decidedTo=2026-03-31&outcome=denied&denialCode=${row.code}`)).toBe(
        cases,
      );
    }
    expect(
      await count(`payerId=${B}&overdue=true&clockKind=payer_decision,appeal_decision,external_review_decision`),
    ).toBe(1);
  });
});
