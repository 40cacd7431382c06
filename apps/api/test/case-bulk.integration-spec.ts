import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

describe('bulk changes to selected cases', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let otherDesk: SignedIn;
  let manager: SignedIn;
  let physician: SignedIn;
  let clinic: ClinicFixture;

  /** A case the physician wrote up, owned by `owner`. */
  async function createCase(owner: SignedIn): Promise<string> {
    const id = (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;
    await t.db.query(`UPDATE cases SET owner_id = $2 WHERE id = $1`, [id, owner.user.id]);
    return id;
  }

  const owners = async (ids: string[]) =>
    (await t.db.query(`SELECT owner_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).rows.map(
      (r: { owner_id: string | null }) => r.owner_id,
    );
  const eventsOf = async (ids: string[], type: string) =>
    Number(
      (
        await t.db.query(`SELECT count(*) AS n FROM case_events WHERE case_id = ANY($1::uuid[]) AND type = $2`, [
          ids,
          type,
        ])
      ).rows[0].n,
    );
  const auditRows = async (ids: string[]) =>
    Number(
      (
        await t.db.query(
          `SELECT count(*) AS n FROM audit_events WHERE case_id = ANY($1::uuid[]) AND action = 'update' AND object_type = 'case'`,
          [ids],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    otherDesk = await signIn(t, 'front_desk');
    manager = await signIn(t, 'manager');
    physician = await signIn(t, 'physician');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a manager assigns selected cases to one owner: an event and an audit row for each, the owner told', async () => {
    const ids = [await createCase(frontDesk), await createCase(frontDesk), await createCase(otherDesk)];
    const res = await manager
      .post('/api/cases/bulk/owner')
      .send({ caseIds: ids, ownerId: otherDesk.user.id })
      .expect(200);
    expect(res.body.changed.sort()).toEqual([ids[0], ids[1]].sort());
    expect(res.body.unchanged).toEqual([ids[2]]);
    expect(await owners(ids)).toEqual([otherDesk.user.id, otherDesk.user.id, otherDesk.user.id]);
    expect(await eventsOf(ids, 'owner_changed')).toBe(2);
    expect(await auditRows(ids)).toBe(2);
    const told = await t.db.query(
      `SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND kind = 'case_assigned' AND case_id = ANY($2::uuid[])`,
      [otherDesk.user.id, ids],
    );
    expect(Number(told.rows[0].n)).toBe(2);
  });

  it('changes nothing when one case refuses, and names each refused case (422)', async () => {
    const mine = await createCase(frontDesk);
    const theirs = await createCase(otherDesk);
    const res = await frontDesk
      .post('/api/cases/bulk/owner')
      .send({ caseIds: [mine, theirs], ownerId: manager.user.id })
      .expect(422);
    expect(res.body.code).toBe('bulk_refused');
    const caseNumber = (await t.db.query(`SELECT case_number FROM cases WHERE id = $1`, [theirs])).rows[0].case_number;
    expect(res.body.refused).toEqual([
      { caseId: theirs, caseNumber, reason: 'Only the case’s owner or a manager can reassign it.' },
    ]);
    expect(res.body.message).toContain(caseNumber);
    // The allowed one was not changed either: one transaction.
    expect(await owners([mine])).toEqual([frontDesk.user.id]);
    expect(await eventsOf([mine, theirs], 'owner_changed')).toBe(0);
  });

  it('refuses an unknown case id by name, and a closed case’s follow-up', async () => {
    const open = await createCase(frontDesk);
    const closed = await createCase(frontDesk);
    await t.db.query(`UPDATE cases SET status = 'withdrawn' WHERE id = $1`, [closed]);
    const absent = '00000000-0000-4000-8000-000000000000';
    const unknown = await manager
      .post('/api/cases/bulk/owner')
      .send({ caseIds: [open, absent], ownerId: null })
      .expect(422);
    expect(unknown.body.refused).toEqual([{ caseId: absent, caseNumber: null, reason: 'There is no such case.' }]);

    const res = await frontDesk
      .post('/api/cases/bulk/follow-up')
      .send({ caseIds: [open, closed], date: '2026-12-20', reason: 'Call the payer' })
      .expect(422);
    expect(res.body.refused.map((r: { caseId: string }) => r.caseId)).toEqual([closed]);
    expect((await t.db.query(`SELECT follow_up_on FROM cases WHERE id = $1`, [open])).rows[0].follow_up_on).toBeNull();
  });

  it('sets a follow-up date on each selected case, with its event and audit row', async () => {
    const ids = [await createCase(frontDesk), await createCase(otherDesk)];
    const res = await frontDesk
      .post('/api/cases/bulk/follow-up')
      .send({ caseIds: ids, date: '2026-12-21', reason: 'Chase the payer' })
      .expect(200);
    expect(res.body.changed.sort()).toEqual([...ids].sort());
    const rows = (
      await t.db.query(
        `SELECT to_char(follow_up_on, 'YYYY-MM-DD') AS d, follow_up_reason AS r FROM cases WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows;
    expect(rows).toEqual([
      { d: '2026-12-21', r: 'Chase the payer' },
      { d: '2026-12-21', r: 'Chase the payer' },
    ]);
    expect(await eventsOf(ids, 'follow_up_set')).toBe(2);
    expect(await auditRows(ids)).toBe(2);
  });

  it.each([
    ['caseIds', { caseIds: [], ownerId: null }],
    ['caseIds', { caseIds: ['not-a-uuid'], ownerId: null }],
    [
      'caseIds',
      {
        caseIds: Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
        ownerId: null,
      },
    ],
    [
      'caseIds',
      { caseIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'], ownerId: null },
    ],
    ['ownerId', { caseIds: ['00000000-0000-4000-8000-000000000001'], ownerId: 'x' }],
  ])('answers 400 naming %s (case %#)', async (field, body) => {
    const res = await manager.post('/api/cases/bulk/owner').send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 naming the date of a follow-up that is not a day', async () => {
    const res = await manager
      .post('/api/cases/bulk/follow-up')
      .send({ caseIds: ['00000000-0000-4000-8000-000000000001'], date: '2026-02-30' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('date');
  });
});
