import { formatAuditDetail } from './audit-detail';

describe('formatAuditDetail', () => {
  it('reads a settings change as before → after, then the other keys', () => {
    expect(
      formatAuditDetail({
        changes: { decisionStandardDays: { to: 5, from: 7 }, source: { from: null, to: 'CMS' } },
        casesMoved: 2,
      }),
    ).toEqual(['decisionStandardDays: 7 → 5', 'source: — → CMS', 'casesMoved: 2']);
  });

  it('prints other details as key: value', () => {
    expect(formatAuditDetail({ fields: ['active'], archived: true })).toEqual(['fields: ["active"]', 'archived: true']);
    expect(formatAuditDetail({})).toEqual([]);
  });
});
