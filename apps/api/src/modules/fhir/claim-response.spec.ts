import { readClaimResponse, REVIEW_ACTION_URL } from './claim-response';

const item = (code: string, extra: Record<string, unknown> = {}) => ({
  itemSequence: 1,
  adjudication: [
    {
      category: { text: 'submitted' },
      extension: [
        { url: REVIEW_ACTION_URL, extension: [{ url: 'code', valueCodeableConcept: { coding: [{ code }] } }] },
      ],
    },
  ],
  ...extra,
});
const base = {
  resourceType: 'ClaimResponse',
  use: 'preauthorization',
  preAuthRef: 'A-1',
  preAuthPeriod: { start: '2026-01-01', end: '2026-03-31' },
};

describe('readClaimResponse', () => {
  it('reads the STU1 form too: the review action as the item extension value', () => {
    const stu1 = {
      ...base,
      item: [
        {
          itemSequence: 1,
          extension: [{ url: REVIEW_ACTION_URL, valueCodeableConcept: { coding: [{ code: 'A1' }] } }],
          adjudication: [],
        },
      ],
    };
    const result = readClaimResponse(stu1, [1]);
    expect(result).toMatchObject({
      decision: { to: 'approved', authorizationNumber: 'A-1', validFrom: '2026-01-01', validTo: '2026-03-31' },
    });
  });

  it('takes the validity window from the item when the response has none', () => {
    const period = {
      url: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemPreAuthPeriod',
      valuePeriod: { start: '2026-02-01', end: '2026-02-28' },
    };
    const result = readClaimResponse(
      { ...base, preAuthPeriod: undefined, item: [item('A1', { extension: [period] })] },
      [1],
    );
    expect(result).toMatchObject({ decision: { validFrom: '2026-02-01', validTo: '2026-02-28' } });
  });

  it('pends the whole request when any item is pended, and quotes the payer in the note', () => {
    const result = readClaimResponse(
      { ...base, disposition: 'Send the biopsy report.', item: [item('A1'), item('A4')] },
      [1],
    );
    expect(result).toMatchObject({
      decision: { to: 'more_info_requested', note: expect.stringContaining('Send the biopsy report.') },
    });
  });

  it('normalizes a bare CARC number to the CO group and refuses a code that is not CARC', () => {
    const ok = readClaimResponse(
      {
        ...base,
        item: [
          { ...item('A3'), adjudication: [{ ...item('A3').adjudication[0], reason: { coding: [{ code: '197' }] } }] },
        ],
      },
      [1],
    );
    expect(ok).toMatchObject({ decision: { to: 'denied', denialCode: 'CO-197' } });
    const bad = readClaimResponse(
      {
        ...base,
        item: [
          {
            ...item('A3'),
            adjudication: [{ ...item('A3').adjudication[0], reason: { coding: [{ code: 'not-a-code' }] } }],
          },
        ],
      },
      [1],
    );
    expect(bad).toEqual({
      errors: expect.arrayContaining([
        { field: 'item[0].adjudication[0].reason.coding[0].code', reason: expect.stringContaining('not a CARC') },
      ]),
    });
  });

  it('refuses an error outcome, a non-object body and a Bundle with two ClaimResponses', () => {
    expect(readClaimResponse({ ...base, outcome: 'error', item: [item('A1')] }, [1])).toEqual({
      errors: [expect.objectContaining({ field: 'outcome' })],
    });
    expect(readClaimResponse('nope', [1])).toEqual({ errors: [expect.objectContaining({ field: '(body)' })] });
    const two = { resourceType: 'Bundle', entry: [{ resource: base }, { resource: base }] };
    expect(readClaimResponse(two, [1])).toEqual({
      errors: [{ field: 'entry', reason: 'holds more than one ClaimResponse' }],
    });
  });

  it('names the item whose sequence matches no requested line', () => {
    const result = readClaimResponse({ ...base, item: [item('A1', { itemSequence: 5 }), item('A3')] }, [2]);
    expect(result).toEqual({
      errors: expect.arrayContaining([
        { field: 'item[0].itemSequence', reason: 'does not name a requested procedure line' },
      ]),
    });
  });
});
