import { signIn, SignedIn } from './helpers/auth';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { addEvidence } from './helpers/evidence';
import { ClinicFixture, createClinic, readyCaseBody } from './helpers/fixtures';

const DAY = 86_400_000;

describe('deadline rules: preview and save', () => {
  let t: TestApp;
  let frontDesk: SignedIn;
  let physician: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let clinic: ClinicFixture;

  /** A submitted medicaid case, sent `daysAgo` days ago. */
  async function submittedCase(daysAgo: number): Promise<{ id: string; caseNumber: string }> {
    const created = await physician.post('/api/cases').send(readyCaseBody(clinic)).expect(201);
    await addEvidence(t, created.body.id);
    const occurredAt = new Date(Date.now() - daysAgo * DAY).toISOString();
    // Dated as if the request had been opened and sent then.
    await t.db.query(`UPDATE cases SET created_at = $2 WHERE id = $1`, [created.body.id, occurredAt]);
    await frontDesk
      .post(`/api/cases/${created.body.id}/transitions`)
      .set('If-Match', '1')
      .send({ to: 'submitted', occurredAt })
      .expect(201);
    return { id: created.body.id, caseNumber: created.body.caseNumber };
  }

  async function medicaidRule(): Promise<Record<string, unknown>> {
    const rules = await frontDesk.get('/api/deadline-rules').expect(200);
    const { planType: _p, ...rule } = rules.body.find((r: { planType: string }) => r.planType === 'medicaid');
    return rule;
  }

  function ruleBody(rule: Record<string, unknown>, change: Record<string, unknown>) {
    const { updatedAt: _u, ...body } = rule;
    return { ...body, ...change };
  }

  const dueOf = async (id: string) =>
    ((await t.db.query(`SELECT next_due_at FROM cases WHERE id = $1`, [id])).rows[0].next_due_at as Date).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    frontDesk = await signIn(t, 'front_desk');
    physician = await signIn(t, 'physician');
    manager = await signIn(t, 'manager');
    admin = await signIn(t, 'admin');
    clinic = await createClinic(manager, frontDesk, 'medicaid');
  });

  afterAll(async () => {
    await t.close();
  });

  it('previews the effect on open cases without writing, then the save moves them as previewed', async () => {
    const fresh = await submittedCase(0);
    const older = await submittedCase(5);
    const rule = await medicaidRule();
    expect(rule.decisionStandardDays).toBe(7);
    const freshDue = await dueOf(fresh.id);
    const olderDue = await dueOf(older.id);

    const preview = await manager
      .post('/api/deadline-rules/medicaid/preview')
      .send(ruleBody(rule, { decisionStandardDays: 3 }))
      .expect(200);
    expect(preview.body).toMatchObject({ planType: 'medicaid', openCases: 2, changed: 2, becomeOverdue: 1 });
    const byNumber = Object.fromEntries(
      (preview.body.cases as { caseNumber: string; dueAfter: string }[]).map((c) => [c.caseNumber, c]),
    );
    expect(byNumber[fresh.caseNumber]).toMatchObject({
      caseId: fresh.id,
      status: 'submitted',
      dueBefore: freshDue,
      kindBefore: 'payer_decision',
      kindAfter: 'payer_decision',
      becomesOverdue: false,
    });
    expect(Date.parse(freshDue) - Date.parse(byNumber[fresh.caseNumber].dueAfter)).toBe(4 * DAY);
    expect(byNumber[older.caseNumber]).toMatchObject({ dueBefore: olderDue, becomesOverdue: true });
    expect(Date.parse(byNumber[older.caseNumber].dueAfter)).toBeLessThan(Date.now());

    // A preview changes nothing but leaves a trace of the read.
    expect(await dueOf(fresh.id)).toBe(freshDue);
    expect((await medicaidRule()).decisionStandardDays).toBe(7);
    expect(
      await t.countRows('audit_events', `object_type = 'deadline_rule_preview' AND user_id = $1`, [manager.user.id]),
    ).toBe(1);

    const saved = await manager
      .put('/api/deadline-rules/medicaid')
      .send(ruleBody(rule, { decisionStandardDays: 3, expectedUpdatedAt: rule.updatedAt }))
      .expect(200);
    expect(saved.body.decisionStandardDays).toBe(3);
    expect(await dueOf(fresh.id)).toBe(byNumber[fresh.caseNumber].dueAfter);
    expect(await dueOf(older.id)).toBe(byNumber[older.caseNumber].dueAfter);
    const audit = await t.db.query(
      `SELECT user_id, action, detail FROM audit_events WHERE object_type = 'deadline_rule' AND object_id = 'medicaid'`,
    );
    expect(audit.rows).toEqual([
      {
        user_id: manager.user.id,
        action: 'update',
        detail: {
          changes: { decisionStandardDays: { from: 7, to: 3 } },
          casesRecomputed: 2,
          casesMoved: 2,
        },
      },
    ]);
  });

  it('refuses a save started from an older version of the rule (409), writing nothing', async () => {
    const rule = await medicaidRule();
    const auditBefore = await t.countRows('audit_events', `object_type = 'deadline_rule'`);
    const res = await admin
      .put('/api/deadline-rules/medicaid')
      .send(ruleBody(rule, { decisionStandardDays: 9, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }))
      .expect(409);
    expect(res.body).toMatchObject({ code: 'stale_version', updatedAt: rule.updatedAt });
    expect((await medicaidRule()).decisionStandardDays).toBe(rule.decisionStandardDays);
    expect(await t.countRows('audit_events', `object_type = 'deadline_rule'`)).toBe(auditBefore);
  });

  it('names the refused field (400) in the preview and the save', async () => {
    const rule = await medicaidRule();
    for (const path of ['/api/deadline-rules/medicaid/preview', '/api/deadline-rules/medicaid']) {
      const send = path.endsWith('preview') ? admin.post(path) : admin.put(path);
      const res = await send.send(ruleBody(rule, { appealFilingDays: 0 })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'appealFilingDays', reason: expect.any(String) }]);
    }
    const levels = await admin
      .post('/api/deadline-rules/medicaid/preview')
      .send(ruleBody(rule, { maxInternalAppealLevels: 3 }))
      .expect(400);
    expect(levels.body.errors.map((e: { field: string }) => e.field)).toEqual(['maxInternalAppealLevels']);
    await admin.post('/api/deadline-rules/tricare/preview').send(ruleBody(rule, {})).expect(404);
  });

  it('lets only managers and admins preview or save (403 otherwise)', async () => {
    const rule = await medicaidRule();
    for (const user of [frontDesk, physician]) {
      await user.post('/api/deadline-rules/medicaid/preview').send(ruleBody(rule, {})).expect(403);
      await user.put('/api/deadline-rules/medicaid').send(ruleBody(rule, {})).expect(403);
    }
    const res = await admin.post('/api/deadline-rules/medicaid/preview').send(ruleBody(rule, {})).expect(200);
    expect(res.body).toMatchObject({ changed: 0, becomeOverdue: 0, cases: [] });
  });
});
