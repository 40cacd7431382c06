import { caseExportHref, caseListHref, readListParams, writeListParams, type CaseListParams } from './list-params';

describe('a case list view in the URL', () => {
  it('reads back every filter, the order and the page as written', () => {
    const view: CaseListParams = {
      q: 'evelyn thibo',
      status: ['denied', 'appealed'],
      payerId: '0b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
      providerId: '1b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
      owner: 'unassigned',
      urgency: 'expedited',
      planType: 'medicaid',
      cpt: '17110',
      denialCode: 'CO-50',
      clockKind: ['payer_decision', 'appeal_decision'],
      decisionStage: 'initial',
      outcome: 'denied',
      decidedLate: true,
      overdue: true,
      tag: 'waiting on PCP',
      submittedFrom: '2026-03-01',
      submittedTo: '2026-03-31',
      deniedTo: '2026-04-30',
      sort: 'denied_desc',
      cursor: 'eyJrIjoiMjAyNiJ9',
      page: 3,
    };
    expect(readListParams(writeListParams(view))).toEqual(view);
  });

  it('drops what a hand-edited link garbled instead of sending it to the API', () => {
    expect(
      readListParams(
        new URLSearchParams(
          'status=denied,nonsense&sort=patient_asc&submittedFrom=March&page=0&payerId=x&cpt=17A&overdue=yes&q=%20',
        ),
      ),
    ).toEqual({ status: ['denied'] });
    expect(readListParams(new URLSearchParams('owner=someone'))).toEqual({});
    expect(readListParams(new URLSearchParams('owner=me'))).toEqual({ owner: 'me' });
    // A tag by the domain's rules: spaces tidied, one that could never be a tag dropped.
    expect(readListParams(new URLSearchParams('tag=%20needs%20%20photos'))).toEqual({ tag: 'needs photos' });
    expect(readListParams(new URLSearchParams(`tag=${'x'.repeat(41)}`))).toEqual({});
    expect(readListParams(new URLSearchParams('tag=a,b'))).toEqual({});
  });

  it('writes equal views as equal links, leaving out what is not set', () => {
    expect(caseListHref({ outcome: 'denied', payerId: undefined, status: [], decidedFrom: '2026-03-01' })).toBe(
      '/cases?outcome=denied&decidedFrom=2026-03-01',
    );
    expect(caseListHref({})).toBe('/cases');
  });

  it('exports the view without its page, with the table’s optional columns', () => {
    expect(caseExportHref({ status: ['denied'], cursor: 'abc', page: 2 }, ['denied_at', 'denial_code'])).toBe(
      '/api/cases/export?status=denied&columns=denied_at%2Cdenial_code',
    );
    expect(caseExportHref({}, [])).toBe('/api/cases/export?columns=');
  });
});
