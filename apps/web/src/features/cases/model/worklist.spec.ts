import type { CaseSummary } from '../api/types';
import { classifyForWorklist, groupWorklist, worklistQueries } from './worklist';

const now = new Date('2026-11-24T15:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

function summary(
  id: string,
  status: CaseSummary['status'],
  clock: Partial<NonNullable<CaseSummary['currentClock']>> | null,
): CaseSummary {
  return {
    id,
    caseNumber: id,
    status,
    urgency: 'standard',
    patient: { id: 'p', name: 'Pat', mrn: 'M1', dateOfBirth: '1960-01-01', memberId: null },
    payer: { id: 'y', name: 'Payer', planType: 'commercial_erisa' },
    provider: { id: 'd', name: 'Doc', npi: '1234567893' },
    cptCodes: ['17110'],
    owner: null,
    tags: [],
    authorizationNumber: null,
    deniedAt: null,
    denialCode: null,
    validFrom: null,
    validTo: null,
    appealLevel: 0,
    procedureScheduledOn: null,
    unitsUsed: 0,
    currentClock: clock
      ? {
          kind: 'payer_decision',
          label: 'Payer decision',
          dueAt: inDays(2),
          dueDate: '2026-11-26',
          owner: 'payer',
          overdue: false,
          text: 'Payer decision due in 2 d',
          ...clock,
        }
      : null,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

describe('the worklist', () => {
  it.each([
    ['an overdue clock', summary('a', 'submitted', { overdue: true, dueAt: inDays(-1) }), 'overdue'],
    [
      'an appeal window closing in 10 days',
      summary('b', 'denied', { kind: 'appeal_filing', owner: 'clinic', dueAt: inDays(10) }),
      'appeal_window',
    ],
    [
      'an appeal window 60 days out',
      summary('c', 'denied', { kind: 'appeal_filing', owner: 'clinic', dueAt: inDays(60) }),
      'later',
    ],
    [
      'a request for more information',
      summary('d', 'more_info_requested', { kind: 'info_response', owner: 'clinic', dueAt: inDays(20) }),
      'more_info',
    ],
    ['a documented case', summary('e', 'documented', null), 'not_submitted'],
    [
      'an approval expiring in 3 weeks',
      summary('f', 'approved', { kind: 'approval_expiry', owner: 'clinic', dueAt: inDays(21) }),
      'expiring',
    ],
    ['a request waiting for the payer', summary('g', 'submitted', {}), 'later'],
  ])('files %s under the right heading', (_name, item, bucket) => {
    expect(classifyForWorklist(item, now)).toBe(bucket);
  });

  it('puts the nearest deadline first inside each group', () => {
    const groups = groupWorklist(
      [
        summary('late', 'submitted', { overdue: true, dueAt: inDays(-1) }),
        summary('later', 'submitted', { overdue: true, dueAt: inDays(-5) }),
      ],
      now,
    );
    expect(groups.overdue.map((item) => item.id)).toEqual(['later', 'late']);
  });

  it('asks for the filters of the URL that pick cases, a tag among them, but not its order or states', () => {
    const { clocked, documented } = worklistQueries({
      tag: 'Recall batch',
      payerId: '00000000-0000-4000-8000-000000000001',
      status: ['approved'],
      sort: 'updated_desc',
      q: 'smith',
    });
    for (const query of [clocked, documented]) {
      expect(query).toMatchObject({ tag: 'Recall batch', payerId: '00000000-0000-4000-8000-000000000001' });
      expect(query).not.toHaveProperty('q');
    }
    expect(clocked.sort).toBe('due_asc');
    expect(documented.status).toEqual(['documented']);
  });
});
