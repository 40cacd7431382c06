import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

// A handful of cases written straight into the tables, each date known, in a clinic on New York
// time: every filter, order and search below is checked against them by hand.
describe('the case list: filters, orders and search', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  const ids: Record<string, string> = {};
  let alpha: string;
  let beta: string;
  let whitfield: string;
  let okafor: string;

  async function one(sql: string, params: unknown[] = []): Promise<string> {
    return (await t.db.query<{ id: string }>(sql, params)).rows[0].id;
  }

  async function insertCase(c: {
    name: string;
    payer: string;
    provider: string;
    patient: string;
    cpt: string;
    status: string;
    urgency?: string;
    created: string;
    submitted?: string;
    decided?: string;
    denied?: string;
    denialCode?: string;
    nextDue?: string;
    nextDueKind?: string;
    authorization?: string;
  }): Promise<void> {
    const id = await one(
      `INSERT INTO cases (case_number, patient_id, payer_id, provider_id, status, urgency, created_at, updated_at, first_submitted_at, submitted_at, decided_at, denied_at, denial_code, next_due_at, next_due_kind, authorization_number)
       VALUES ('PA-' || lpad(nextval('case_number_seq')::text, 6, '0'), $1, $2, $3, $4, $5, $6, $6, $7, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        c.patient,
        c.payer,
        c.provider,
        c.status,
        c.urgency ?? 'standard',
        c.created,
        c.submitted ?? null,
        c.decided ?? null,
        c.denied ?? null,
        c.denialCode ?? null,
        c.nextDue ?? null,
        c.nextDueKind ?? null,
        c.authorization ?? null,
      ],
    );
    await t.db.query(
      `INSERT INTO case_procedure_lines (case_id, position, cpt_code, units, body_site, lesion_count) VALUES ($1, 0, $2, 1, 'ear', 5)`,
      [id, c.cpt],
    );
    if (c.decided) {
      await t.db.query(
        `INSERT INTO case_decisions (case_id, payer_id, provider_id, cpt_codes, stage, urgency, requested_at, decided_at, due_at, outcome, denial_code)
         VALUES ($1, $2, $3, ARRAY[$4], 'initial', 'standard', $5, $6, $7, $8, $9)`,
        [
          id,
          c.payer,
          c.provider,
          c.cpt,
          c.submitted,
          c.decided,
          // Due two days after the request: a decision later than that is late.
          new Date(Date.parse(c.submitted ?? c.decided) + 2 * 86_400_000).toISOString(),
          c.denied ? 'denied' : 'approved',
          c.denialCode ?? null,
        ],
      );
    }
    ids[c.name] = id;
  }

  // The export is streamed: read its body as the text it is.
  const names = (body: { items: { id: string }[] }) =>
    body.items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id) ?? item.id);

  async function list(query: string): Promise<string[]> {
    const res = await frontDesk.get(`/api/cases?limit=100&${query}`).expect(200);
    return names(res.body);
  }

  beforeAll(async () => {
    t = await createTestApp({ CLINIC_TIMEZONE: 'America/New_York' });
    frontDesk = await signIn(t, 'front_desk');
    expect(await t.countRows('cases')).toBe(0);
    alpha = await one(
      `INSERT INTO payers (name, payer_code, plan_type) VALUES ('Alpha Health', 'LALPHA', 'commercial_erisa') RETURNING id`,
    );
    beta = await one(
      `INSERT INTO payers (name, payer_code, plan_type) VALUES ('Beta Advantage', 'LBETA', 'medicare_advantage') RETURNING id`,
    );
    whitfield = await one(
      `INSERT INTO providers (first_name, last_name, credentials, npi) VALUES ('Dana', 'Whitfield', 'MD', '1234567893') RETURNING id`,
    );
    okafor = await one(
      `INSERT INTO providers (first_name, last_name, credentials, npi) VALUES ('Sam', 'Okafor', 'MD', '1245319599') RETURNING id`,
    );
    const thibodeau = await one(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex, member_id) VALUES ('MRN-L100', 'Evelyn', 'Thibodeau', '1968-09-14', 'female', 'XKW4471902') RETURNING id`,
    );
    const moss = await one(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex) VALUES ('MRN-L200', 'Harold', 'Moss', '1951-02-03', 'male') RETURNING id`,
    );
    const mossman = await one(
      `INSERT INTO patients (mrn, first_name, last_name, date_of_birth, sex) VALUES ('MRN-L300', 'Ida', 'Mossman', '1980-05-06', 'female') RETURNING id`,
    );
    // March 2026 in New York: 00:30 local on the 1st is 05:30 UTC; 23:30 local on the 31st is 03:30 UTC on April 1st.
    await insertCase({
      name: 'early',
      payer: alpha,
      provider: whitfield,
      patient: thibodeau,
      cpt: '17110',
      status: 'approved',
      created: '2026-02-27T15:00Z',
      submitted: '2026-03-01T05:30Z',
      decided: '2026-03-02T15:00Z',
      authorization: 'AUTH-77821',
    });
    await insertCase({
      name: 'denied',
      payer: alpha,
      provider: okafor,
      patient: moss,
      cpt: '17111',
      status: 'denied',
      urgency: 'expedited',
      created: '2026-03-05T15:00Z',
      submitted: '2026-03-06T15:00Z',
      decided: '2026-03-12T15:00Z',
      denied: '2026-03-12T15:00Z',
      denialCode: 'CO-50',
      nextDue: '2026-05-11T15:00Z',
      nextDueKind: 'appeal_filing',
    });
    await insertCase({
      name: 'late',
      payer: beta,
      provider: whitfield,
      patient: mossman,
      cpt: '17110',
      status: 'denied',
      created: '2026-03-20T15:00Z',
      submitted: '2026-03-21T15:00Z',
      decided: '2026-04-01T03:30Z',
      denied: '2026-04-01T03:30Z',
      nextDue: '2026-06-01T15:00Z',
      nextDueKind: 'appeal_filing',
    });
    await insertCase({
      name: 'waiting',
      payer: beta,
      provider: okafor,
      patient: thibodeau,
      cpt: '11102',
      status: 'submitted',
      created: '2026-04-02T15:00Z',
      submitted: '2026-04-03T15:00Z',
      nextDue: '2026-04-10T15:00Z',
      nextDueKind: 'payer_decision',
    });
    await insertCase({
      name: 'draft',
      payer: alpha,
      provider: whitfield,
      patient: moss,
      cpt: '17110',
      status: 'documented',
      created: '2026-04-05T15:00Z',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('limits each date to clinic-local days, both ends included', async () => {
    expect(await list('submittedFrom=2026-03-01&submittedTo=2026-03-31&sort=submitted_asc')).toEqual([
      'early',
      'denied',
      'late',
    ]);
    // 23:30 on March 31st in New York is April 1st in UTC: still March for the clinic.
    expect(await list('decidedFrom=2026-03-01&decidedTo=2026-03-31&sort=decided_asc')).toEqual([
      'early',
      'denied',
      'late',
    ]);
    expect(await list('deniedFrom=2026-03-31&deniedTo=2026-03-31')).toEqual(['late']);
    expect(await list('dueFrom=2026-04-01&dueTo=2026-05-31&sort=due_asc')).toEqual(['waiting', 'denied']);
    expect(await list('createdFrom=2026-04-01&sort=created_asc')).toEqual(['waiting', 'draft']);
    expect(await list('createdTo=2026-02-28')).toEqual(['early']);
  });

  it('filters by physician, CPT, denial code, urgency, plan type, clock and decision', async () => {
    expect(await list(`providerId=${okafor}&sort=created_asc`)).toEqual(['denied', 'waiting']);
    expect(await list('cpt=17110&sort=created_asc')).toEqual(['early', 'late', 'draft']);
    expect(await list('denialCode=CO-50')).toEqual(['denied']);
    expect(await list('denialCode=unknown')).toEqual(['late']);
    expect(await list('urgency=expedited')).toEqual(['denied']);
    expect(await list('planType=medicare_advantage&sort=created_asc')).toEqual(['late', 'waiting']);
    expect(await list('clockKind=payer_decision')).toEqual(['waiting']);
    expect(await list(`payerId=${alpha}&outcome=denied&decisionStage=initial`)).toEqual(['denied']);
    expect(await list('decidedLate=true&sort=created_asc')).toEqual(['denied', 'late']);
    expect(await list(`payerId=${beta}&status=submitted`)).toEqual(['waiting']);
  });

  it('reads each order in both directions and pages through it without gaps or repeats', async () => {
    expect(await list('sort=created_desc')).toEqual(['draft', 'waiting', 'late', 'denied', 'early']);
    // Only cases that have the date take part in its order.
    expect(await list('sort=denied_desc')).toEqual(['late', 'denied']);
    expect(await list('sort=due_desc')).toEqual(['late', 'denied', 'waiting']);
    expect(await list('sort=submitted_desc')).toEqual(['waiting', 'late', 'denied', 'early']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await frontDesk
        .get(`/api/cases?sort=submitted_asc&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['early', 'denied', 'late', 'waiting']);
  });

  it('finds patients by partial or misspelt name, MRN and member id, best match first', async () => {
    // Moss before Mossman: the whole word matches.
    expect((await list('q=moss')).slice(0, 2).sort()).toEqual(['denied', 'draft']);
    expect(await list('q=moss')).toContain('late');
    expect((await list('q=thibodeau')).sort()).toEqual(['early', 'waiting']);
    expect((await list('q=thibodaeu')).sort()).toEqual(['early', 'waiting']);
    expect((await list('q=thibo')).sort()).toEqual(['early', 'waiting']);
    expect((await list('q=evelyn%20thibodeau')).sort()).toEqual(['early', 'waiting']);
    expect((await list('q=MRN-L200')).sort()).toEqual(['denied', 'draft']);
    expect((await list('q=XKW4471902')).sort()).toEqual(['early', 'waiting']);
    expect(await list('q=auth-77821')).toEqual(['early']);
    expect(await list('q=zzyzx')).toEqual([]);
    // A search combines with the filters and can be put in another order.
    expect(await list('q=moss&status=documented')).toEqual(['draft']);
    expect(await list('q=moss&sort=created_asc')).toEqual(['denied', 'late', 'draft']);
    const caseNumber = (await t.db.query(`SELECT case_number FROM cases WHERE id = $1`, [ids.waiting])).rows[0]
      .case_number as string;
    expect(await list(`q=${caseNumber.toLowerCase()}`)).toEqual(['waiting']);
  });

  it('pages a ranked search by position', async () => {
    const first = await frontDesk.get('/api/cases?q=moss&limit=2').expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await frontDesk.get(`/api/cases?q=moss&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.nextCursor).toBeNull();
    expect([...names(first.body), ...names(second.body)].sort()).toEqual(['denied', 'draft', 'late']);
  });

  it.each([
    ['submittedFrom=2026-02-30', 'submittedFrom'],
    ['sort=relevance', 'sort'],
    ['sort=patient_asc', 'sort'],
    ['cpt=17A', 'cpt'],
    ['planType=gold', 'planType'],
    ['outcome=maybe', 'outcome'],
    ['clockKind=coffee', 'clockKind'],
  ])('answers %s with 400 naming the field', async (query, field) => {
    const res = await frontDesk.get(`/api/cases?${query}`).expect(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('refuses a keyset cursor in a ranked search and a ranked cursor in a keyset order (400)', async () => {
    const ranked = await frontDesk.get('/api/cases?q=moss&limit=1').expect(200);
    const keyed = await frontDesk.get('/api/cases?limit=1').expect(200);
    await frontDesk.get(`/api/cases?limit=1&cursor=${ranked.body.nextCursor}`).expect(400);
    await frontDesk.get(`/api/cases?q=moss&limit=1&cursor=${keyed.body.nextCursor}`).expect(400);
  });

  it('counts what the filters match, whatever the page or order', async () => {
    const count = async (query: string) => (await frontDesk.get(`/api/cases/count?${query}`).expect(200)).body;
    expect(await count('decidedFrom=2026-03-01&decidedTo=2026-03-31&decisionStage=initial')).toEqual({
      count: 3,
      capped: false,
    });
    expect(await count(`payerId=${alpha}&outcome=denied`)).toEqual({ count: 1, capped: false });
    expect(await count('sort=denied_desc')).toEqual({ count: 2, capped: false });
    expect(await count('q=moss')).toEqual({ count: 3, capped: false });
    const first = await frontDesk.get('/api/cases?limit=1').expect(200);
    expect(await count(`cursor=${first.body.nextCursor}`)).toEqual({ count: 5, capped: false });
    await frontDesk.get('/api/cases/count?deniedFrom=yesterday').expect(400);
  });

  it('exports the filtered list as CSV with human headers and clinic-local dates, audited as an export', async () => {
    const before = await t.countRows('audit_events', `action = 'export' AND object_type = 'case_list'`);
    const res = await frontDesk
      .get('/api/cases/export?submittedFrom=2026-03-01&submittedTo=2026-03-31&sort=submitted_asc')
      .buffer(true)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="preauth-cases.csv"/);
    // Streamed and compressed for a client that accepts gzip (supertest does, and reads it back).
    expect(res.headers['content-encoding']).toBe('gzip');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Case number,Patient,MRN,Date of birth,Member ID,Payer,Plan type,Physician,CPT codes,State,Urgency,Clock,Due date,Overdue,Authorization number,Appeal level,Procedure scheduled,Units used,Created,Last change',
    );
    expect(lines).toHaveLength(4);
    // Submitted at 00:30 on March 1st in New York: created February 27th, local time.
    expect(lines[1]).toMatch(
      /^PA-\d{6},Evelyn Thibodeau,MRN-L100,1968-09-14,XKW4471902,Alpha Health,Commercial \(employer \/ ERISA\),"Dana Whitfield, MD",17110,Approved,Standard,,,,AUTH-77821,0,,0,2026-02-27,2026-02-27$/,
    );
    expect(lines[3]).toContain(',Denied,Standard,Appeal filing');
    expect(await t.countRows('audit_events', `action = 'export' AND object_type = 'case_list'`)).toBe(before + 1);
  });

  it('carries the column chooser’s values in each item: denial date and CARC, validity, owner, last change', async () => {
    await t.db.query(`UPDATE cases SET valid_from = '2026-03-02', valid_to = '2026-06-30' WHERE id = $1`, [ids.early]);
    const items = (await frontDesk.get('/api/cases?limit=100&sort=denied_asc').expect(200)).body.items;
    expect(items.map((i: Record<string, unknown>) => [i.deniedAt, i.denialCode])).toEqual([
      ['2026-03-12T15:00:00.000Z', 'CO-50'],
      ['2026-04-01T03:30:00.000Z', null],
    ]);
    const early = (await frontDesk.get('/api/cases?limit=100&sort=created_asc').expect(200)).body.items[0];
    expect(early).toMatchObject({ authorizationNumber: 'AUTH-77821', validFrom: '2026-03-02', validTo: '2026-06-30' });
  });

  it('exports the chosen optional columns, in the table’s order, and only those (columns=)', async () => {
    await t.db.query(`UPDATE cases SET owner_id = $2 WHERE id = $1`, [ids.denied, frontDesk.user.id]);
    const res = await frontDesk
      .get('/api/cases/export?status=denied&sort=denied_asc&columns=owner,denial_code,denied_at,validity')
      .buffer(true)
      .expect(200);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Case number,Patient,MRN,Date of birth,Member ID,Payer,Plan type,Physician,CPT codes,State,Urgency,Clock,Due date,Overdue,Valid from,Valid to,Denial date,CARC,Owner,Appeal level,Procedure scheduled,Units used,Created',
    );
    // The late denial was at 23:30 on March 31st in New York (03:30 UTC on April 1st).
    expect(lines[1]).toMatch(new RegExp(`,Yes,,,2026-03-12,CO-50,${frontDesk.user.displayName},0,,0,2026-03-05$`));
    expect(lines[2]).toMatch(/,,,2026-03-31,,,0,,0,2026-03-20$/);
    const none = await frontDesk.get('/api/cases/export?columns=').buffer(true).expect(200);
    expect(none.text.split('\r\n')[0]).toBe(
      'Case number,Patient,MRN,Date of birth,Member ID,Payer,Plan type,Physician,CPT codes,State,Urgency,Clock,Due date,Overdue,Appeal level,Procedure scheduled,Units used,Created',
    );
    const bad = await frontDesk.get('/api/cases/export?columns=ssn').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('columns');
    // The list itself does not take the export's parameter.
    await frontDesk.get('/api/cases?columns=owner').expect(400);
  });

  it('exports past one page of the export (the stream follows the cursor)', async () => {
    const res = await frontDesk.get('/api/cases/export').buffer(true).expect(200);
    expect(res.text.trimEnd().split('\r\n')).toHaveLength(1 + 5);
  });

  it('refuses an export with bad filters before streaming (400)', async () => {
    const res = await frontDesk.get('/api/cases/export?outcome=maybe').expect(400);
    expect(JSON.stringify(res.body)).toContain('outcome');
  });
});
