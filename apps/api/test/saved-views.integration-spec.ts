import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';

describe('saved views', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    other = await signIn(t, 'physician');
  });

  afterAll(async () => {
    await t?.close();
  });

  const denials = { name: 'Denied, newest', path: '/cases', query: 'status=denied&sort=denied_desc' };

  it('saves a view, pinned unless told otherwise, and lists it for its owner only', async () => {
    const created = (await frontDesk.post('/api/saved-views').send(denials).expect(201)).body;
    expect(created).toMatchObject({ ...denials, pinned: true });
    const [row] = (
      await t.db.query(`SELECT user_id, name, path, query, pinned FROM saved_views WHERE id = $1`, [created.id])
    ).rows;
    expect(row).toEqual({ user_id: frontDesk.user.id, ...denials, pinned: true });
    expect((await frontDesk.get('/api/saved-views').expect(200)).body).toEqual([created]);
    expect((await other.get('/api/saved-views').expect(200)).body).toEqual([]);
  });

  it('refuses a second view of the same name for the same user (409), whatever its case; another user may use it', async () => {
    const res = await frontDesk
      .post('/api/saved-views')
      .send({ ...denials, name: '  DENIED, newest ' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'duplicate_name', field: 'name' });
    await other.post('/api/saved-views').send(denials).expect(201);
  });

  it.each([
    [{ ...denials, name: '' }, 'name'],
    [{ ...denials, name: 'x'.repeat(61) }, 'name'],
    [{ ...denials, path: '/settings/users' }, 'path'],
    [{ ...denials, query: '?status=denied' }, 'query'],
    [{ ...denials, query: 'status=denied&cursor=abc' }, 'query'],
    [{ ...denials, query: 'status=denied&status=approved' }, 'query'],
    [{ ...denials, pinned: 'yes' }, 'pinned'],
    [{ ...denials, userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await frontDesk
      .post('/api/saved-views')
      .send({ ...body, name: body.name === denials.name ? `v-${field}` : body.name })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('renames, unpins and deletes its own views; another user’s view is not found', async () => {
    const view = (
      await frontDesk
        .post('/api/saved-views')
        .send({ name: 'Overdue', path: '/worklist', query: 'overdue=true' })
        .expect(201)
    ).body;
    const renamed = (
      await frontDesk.patch(`/api/saved-views/${view.id}`).send({ name: 'Overdue today', pinned: false }).expect(200)
    ).body;
    expect(renamed).toMatchObject({ id: view.id, name: 'Overdue today', pinned: false, query: 'overdue=true' });
    // Renaming onto another of one's names is the same conflict; keeping one's own name is not.
    await frontDesk.patch(`/api/saved-views/${view.id}`).send({ name: denials.name }).expect(409);
    await frontDesk.patch(`/api/saved-views/${view.id}`).send({ name: 'overdue TODAY' }).expect(200);

    await other.patch(`/api/saved-views/${view.id}`).send({ name: 'Mine now' }).expect(404);
    await other.delete(`/api/saved-views/${view.id}`).expect(404);
    expect((await t.db.query(`SELECT name FROM saved_views WHERE id = $1`, [view.id])).rows).toEqual([
      { name: 'overdue TODAY' },
    ]);

    await frontDesk.delete(`/api/saved-views/${view.id}`).expect(204);
    await frontDesk.delete(`/api/saved-views/${view.id}`).expect(404);
    expect((await t.db.query(`SELECT 1 FROM saved_views WHERE id = $1`, [view.id])).rows).toEqual([]);
  });

  it('keeps at most 50 views per user (422)', async () => {
    const user = await signIn(t, 'manager');
    await t.db.query(
      `INSERT INTO saved_views (user_id, name, path, query) SELECT $1, 'View ' || i, '/cases', '' FROM generate_series(1, 50) i`,
      [user.user.id],
    );
    const res = await user
      .post('/api/saved-views')
      .send({ ...denials, name: 'One more' })
      .expect(422);
    expect(res.body.code).toBe('saved_views_full');
  });
});
