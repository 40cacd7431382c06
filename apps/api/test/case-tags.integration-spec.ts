import { CASE_TAGS_PER_CASE } from '@preauth/domain';
import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

describe('tags on cases', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let manager: SignedIn;
  let physician: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;

  const createCase = async (): Promise<string> =>
    (await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201)).body.id as string;

  const tagRows = async (ids: string[]) =>
    (
      await t.db.query<{ case_id: string; tag_key: string; tag: string; created_by: string }>(
        `SELECT case_id, tag_key, tag, created_by FROM case_tags WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, tag_key`,
        [ids],
      )
    ).rows;
  const tagAudits = async (ids: string[]) =>
    (
      await t.db.query<{ case_id: string; detail: unknown }>(
        `SELECT case_id, detail FROM audit_events
          WHERE case_id = ANY($1::uuid[]) AND action = 'update' AND object_type = 'case' AND detail ? 'tags'
          ORDER BY id`,
        [ids],
      )
    ).rows;
  const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    manager = await signIn(t, 'manager');
    physician = await signIn(t, 'physician');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('adds a tag to a case as typed (trimmed, spaces joined), audited; the case page shows it', async () => {
    const id = await createCase();
    const before = (await t.db.query(`SELECT version, updated_at FROM cases WHERE id = $1`, [id])).rows[0];
    const res = await frontDesk.post(`/api/cases/${id}/tags`).send({ tag: '  Needs   photos ' }).expect(200);
    expect(res.body).toEqual({ tags: ['Needs photos'] });
    expect(await tagRows([id])).toEqual([
      { case_id: id, tag_key: 'needs photos', tag: 'Needs photos', created_by: frontDesk.user.id },
    ]);
    expect(await tagAudits([id])).toEqual([{ case_id: id, detail: { tags: { added: 'Needs photos' } } }]);
    // A label, like the owner: neither the case's version nor its last activity moves.
    expect((await t.db.query(`SELECT version, updated_at FROM cases WHERE id = $1`, [id])).rows[0]).toEqual(before);

    // The same tag in another letter case is the same tag: nothing changes, nothing is audited.
    await physician.post(`/api/cases/${id}/tags`).send({ tag: 'NEEDS PHOTOS' }).expect(200);
    await manager.post(`/api/cases/${id}/tags`).send({ tag: 'VIP callback' }).expect(200);
    const page = await frontDesk.get(`/api/cases/${id}`).expect(200);
    expect(page.body.tags).toEqual(['Needs photos', 'VIP callback']);
    expect(await tagAudits([id])).toHaveLength(2);
  });

  it('writes a tag as the clinic already writes it, and lists the tags in use, most used first', async () => {
    const [a, b, c] = [await createCase(), await createCase(), await createCase()];
    await frontDesk.post(`/api/cases/${a}/tags`).send({ tag: 'Waiting on PCP' }).expect(200);
    const res = await frontDesk.post(`/api/cases/${b}/tags`).send({ tag: 'waiting on pcp' }).expect(200);
    expect(res.body.tags).toEqual(['Waiting on PCP']);
    await frontDesk.post(`/api/cases/${c}/tags`).send({ tag: 'WAITING ON PCP' }).expect(200);
    const inUse = await physician.get('/api/cases/tags').expect(200);
    expect(inUse.body[0]).toEqual({ tag: 'Waiting on PCP', count: 3 });
    expect(inUse.body.map((x: { tag: string }) => x.tag)).toContain('Needs photos');
  });

  it('removes a tag whatever its letter case, audited; removing an absent tag changes nothing', async () => {
    const id = await createCase();
    await frontDesk.post(`/api/cases/${id}/tags`).send({ tag: 'Prior auth / PCP' }).expect(200);
    await frontDesk.post(`/api/cases/${id}/tags`).send({ tag: 'Keep' }).expect(200);
    const res = await frontDesk.delete(`/api/cases/${id}/tags/${encodeURIComponent('prior AUTH / pcp')}`).expect(200);
    expect(res.body).toEqual({ tags: ['Keep'] });
    expect((await tagRows([id])).map((r) => r.tag)).toEqual(['Keep']);
    expect((await tagAudits([id])).at(-1)).toEqual({ case_id: id, detail: { tags: { removed: 'Prior auth / PCP' } } });
    await frontDesk.delete(`/api/cases/${id}/tags/absent`).expect(200);
    expect(await tagAudits([id])).toHaveLength(3);
  });

  it.each([
    [{ tag: '' }],
    [{ tag: '   ' }],
    [{ tag: 'x'.repeat(41) }],
    [{ tag: 'PCP, derm' }],
    [{ tag: 'bell\u0007' }],
    [{ tag: 42 }],
    [{}],
  ])('answers 400 naming tag for %j', async (body) => {
    const id = await createCase();
    const res = await frontDesk.post(`/api/cases/${id}/tags`).send(body).expect(400);
    expect(fields(res)).toEqual(['tag']);
    expect(await tagRows([id])).toEqual([]);
  });

  it('answers 400 naming tag for a bad tag to remove, to add in bulk or to filter by; 404 for an absent case', async () => {
    const id = await createCase();
    const long = 'x'.repeat(41);
    expect(fields(await frontDesk.delete(`/api/cases/${id}/tags/${long}`).expect(400))).toEqual(['tag']);
    expect(
      fields(
        await frontDesk
          .post('/api/cases/bulk/tag')
          .send({ caseIds: [id], tag: ' ' })
          .expect(400),
      ),
    ).toEqual(['tag']);
    for (const path of ['/api/cases', '/api/cases/count', '/api/cases/export'])
      expect(fields(await frontDesk.get(`${path}?tag=${long}`).expect(400))).toEqual(['tag']);
    const absent = '00000000-0000-4000-8000-000000000000';
    await frontDesk.post(`/api/cases/${absent}/tags`).send({ tag: 'x' }).expect(404);
    await frontDesk.delete(`/api/cases/${absent}/tags/x`).expect(404);
  });

  it('refuses admins (no patient data) on every tag route', async () => {
    const id = await createCase();
    await admin.post(`/api/cases/${id}/tags`).send({ tag: 'x' }).expect(403);
    await admin.delete(`/api/cases/${id}/tags/x`).expect(403);
    await admin
      .post('/api/cases/bulk/tag')
      .send({ caseIds: [id], tag: 'x' })
      .expect(403);
    await admin.get('/api/cases/tags').expect(403);
    await admin.get('/api/cases?tag=x').expect(403);
    expect(await tagRows([id])).toEqual([]);
  });

  it(`holds at most ${CASE_TAGS_PER_CASE} tags per case (422), though one it has may be added again`, async () => {
    const id = await createCase();
    for (let i = 1; i <= CASE_TAGS_PER_CASE; i++)
      await frontDesk
        .post(`/api/cases/${id}/tags`)
        .send({ tag: `Tag ${i}` })
        .expect(200);
    const res = await frontDesk.post(`/api/cases/${id}/tags`).send({ tag: 'One more' }).expect(422);
    expect(res.body.code).toBe('case_tags_full');
    expect(res.body.message).toBe('The case already has 20 tags, the most a case can hold; remove one first.');
    await frontDesk.post(`/api/cases/${id}/tags`).send({ tag: 'tag 7' }).expect(200);
    expect(await tagRows([id])).toHaveLength(CASE_TAGS_PER_CASE);
  });

  it('adds a tag to selected cases: each tagged and audited once, those that had it unchanged', async () => {
    const ids = [await createCase(), await createCase(), await createCase()];
    await frontDesk.post(`/api/cases/${ids[2]}/tags`).send({ tag: 'Appeal batch' }).expect(200);
    const res = await frontDesk.post('/api/cases/bulk/tag').send({ caseIds: ids, tag: ' appeal  BATCH' }).expect(200);
    expect(res.body.changed.sort()).toEqual([ids[0], ids[1]].sort());
    expect(res.body.unchanged).toEqual([ids[2]]);
    expect((await tagRows(ids)).map((r) => r.tag)).toEqual(['Appeal batch', 'Appeal batch', 'Appeal batch']);
    expect(await tagAudits(ids)).toHaveLength(3);
  });

  it('changes nothing in bulk when one case is full or unknown, and names it (422)', async () => {
    const open = await createCase();
    const full = await createCase();
    await t.db.query(
      `INSERT INTO case_tags (case_id, tag_key, tag) SELECT $1, 'tag ' || i, 'Tag ' || i FROM generate_series(1, $2::int) i`,
      [full, CASE_TAGS_PER_CASE],
    );
    const res = await manager
      .post('/api/cases/bulk/tag')
      .send({ caseIds: [open, full], tag: 'Batch 2' })
      .expect(422);
    expect(res.body.code).toBe('bulk_refused');
    const caseNumber = (await t.db.query(`SELECT case_number FROM cases WHERE id = $1`, [full])).rows[0].case_number;
    expect(res.body.refused).toEqual([
      { caseId: full, caseNumber, reason: 'The case already has 20 tags, the most a case can hold; remove one first.' },
    ]);
    expect(await tagRows([open])).toEqual([]);
    expect(await tagAudits([open, full])).toEqual([]);

    const absent = '00000000-0000-4000-8000-000000000000';
    const unknown = await manager.post('/api/cases/bulk/tag').send({ caseIds: [open, absent], tag: 'Batch 2' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.refused).toEqual([{ caseId: absent, caseNumber: null, reason: 'There is no such case.' }]);
    expect(await tagRows([open])).toEqual([]);
  });

  it('filters the list, its count and its export by tag, whatever its letter case; the export has a Tags column', async () => {
    const ids = [await createCase(), await createCase()];
    const other = await createCase();
    await frontDesk.post('/api/cases/bulk/tag').send({ caseIds: ids, tag: 'Filter me' }).expect(200);
    await frontDesk.post(`/api/cases/${ids[0]}/tags`).send({ tag: 'Also' }).expect(200);
    await frontDesk.post(`/api/cases/${other}/tags`).send({ tag: 'Filter me not' }).expect(200);

    const list = await frontDesk.get('/api/cases?tag=FILTER%20ME&limit=100').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    const first = list.body.items.find((c: { id: string }) => c.id === ids[0]);
    expect(first.tags).toEqual(['Also', 'Filter me']);
    expect((await frontDesk.get('/api/cases/count?tag=filter+me').expect(200)).body).toEqual({
      count: 2,
      capped: false,
    });

    const csv = await frontDesk
      .get('/api/cases/export?tag=filter%20me&columns=owner,tags&sort=created_asc')
      .buffer(true)
      .expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Case number,Patient,MRN,Date of birth,Member ID,Payer,Plan type,Physician,CPT codes,State,Urgency,Clock,Due date,Overdue,Owner,Tags,Appeal level,Procedure scheduled,Units used,Created',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',"Also, Filter me",');
    expect(lines[2]).toContain(',Filter me,');
  });
});
