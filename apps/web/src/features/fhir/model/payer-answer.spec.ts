import type { CaseDetail } from '../../cases/api/types';
import type { FhirExchange } from '../api/types';
import { describePayerAnswer, exchangeLabel, latestAnswer } from './payer-answer';

const exchange = (over: Partial<FhirExchange>): FhirExchange => ({
  id: '1',
  direction: 'inbound',
  kind: 'decision',
  at: '2026-12-06T14:00:00Z',
  httpStatus: null,
  elapsedMs: null,
  outcome: null,
  authorizationNumber: null,
  payerReason: null,
  pendingReference: null,
  payerErrors: [],
  error: null,
  warning: null,
  ...over,
});

// Only the fields the answer reads; the rest of a case does not matter here.
const detail = (over: Partial<CaseDetail>) =>
  ({
    status: 'submitted',
    denialCode: null,
    denialText: null,
    authorizationNumber: null,
    approvedUnits: null,
    ...over,
  }) as CaseDetail;

describe("the payer's answer, for the desk", () => {
  it('takes the last message from the payer', () => {
    const answer = exchange({ id: '2', kind: 'pended' });
    expect(latestAnswer([exchange({ id: '1' }), answer, exchange({ id: '3', direction: 'outbound' })])).toBe(answer);
  });

  it('gives the authorization number of an approval', () => {
    const said = describePayerAnswer(
      exchange({ outcome: 'approved', authorizationNumber: 'AUTH0001' }),
      detail({ status: 'approved', approvedUnits: 1 }),
    );
    expect(said).toEqual({
      tone: 'approved',
      title: 'Approved by the payer',
      lines: ['Authorization number: AUTH0001', '1 units authorized.'],
    });
  });

  it('says when an approval ended before the request was sent', () => {
    const warning = "The payer's approval ended on 2005-06-02, before the request was sent on 2026-12-06.";
    const said = describePayerAnswer(
      exchange({ outcome: 'approved', authorizationNumber: 'AUTH0001', warning }),
      detail({ status: 'approved' }),
    );
    expect(said.lines).toContain(warning);
  });

  it("gives the payer's reason for a denial", () => {
    const said = describePayerAnswer(
      exchange({ outcome: 'denied', payerReason: 'X12 0U' }),
      detail({ status: 'denied', denialText: 'Not medically necessary.' }),
    );
    expect(said.tone).toBe('denied');
    expect(said.lines).toEqual(['Reason: X12 0U', 'Not medically necessary.']);
  });

  it('says what happens next when pended: Preauth asks the payer again', () => {
    const said = describePayerAnswer(exchange({ kind: 'pended', pendingReference: 'R-7' }), detail({}));
    expect(said.title).toMatch(/^Pended/);
    expect(said.lines.join(' ')).toMatch(/submitted; the payer's reference is R-7.*asks the payer again by itself/);
  });

  it('lists the payer errors and what to fix', () => {
    const said = describePayerAnswer(
      exchange({
        kind: 'error',
        payerErrors: [
          {
            code: 'T4',
            display: null,
            hint: 'T4 Payer name or identifier missing: Check the payer code.',
            path: 'Bundle.entry[1]',
            element: null,
            followUp: 'C',
          },
        ],
      }),
      detail({ status: 'documented' }),
    );
    expect(said.tone).toBe('error');
    expect(said.lines).toContain('T4 Payer name or identifier missing: Check the payer code. (Bundle.entry[1])');
  });

  it('labels the log lines', () => {
    expect(exchangeLabel(exchange({ outcome: 'approved' }))).toBe('Decision: approved');
    expect(exchangeLabel(exchange({ direction: 'outbound', kind: 'failed' }))).toBe('Not sent: payer unreachable');
    expect(exchangeLabel(exchange({ direction: 'outbound', kind: 'inquire' }))).toBe('Asked for the decision');
  });
});
