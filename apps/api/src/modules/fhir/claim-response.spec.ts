import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAS_EXTENSIONS, readClaimResponse, REVIEW_ACTION_URL } from './claim-response';

// The guide's example instances (HL7/davinci-pas 2.2.1, input/fsh/Examples.fsh), converted in
// apps/api/test/fixtures/pas: each file is named after the FSH instance it came from.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR fixtures are walked by deep paths
const example = (name: string): Json =>
  JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/pas', `${name}.json`), 'utf8')) as Json;

const reviewAction = (code: string, sub: Json[] = []) => ({
  url: REVIEW_ACTION_URL,
  extension: [...sub, { url: PAS_EXTENSIONS.reviewActionCode, valueCodeableConcept: { coding: [{ code }] } }],
});
const item = (code: string, extra: Json = {}, sub: Json[] = []) => ({
  itemSequence: 1,
  adjudication: [{ category: { text: 'submitted' }, extension: [reviewAction(code, sub)] }],
  ...extra,
});
const base = {
  resourceType: 'ClaimResponse',
  use: 'preauthorization',
  preAuthRef: 'A-1',
  preAuthPeriod: { start: '2026-01-01', end: '2026-03-31' },
};

describe('readClaimResponse: the guide examples', () => {
  it('ReferralAuthorizationResponseBundleExample: A1, authorization AUTH0001 from reviewAction.number, item preAuthPeriod', () => {
    expect(readClaimResponse(example('ReferralAuthorizationResponseBundleExample'), [1])).toEqual({
      decision: expect.objectContaining({
        kind: 'decision',
        to: 'approved',
        actions: ['A1'],
        authorizationNumber: 'AUTH0001',
        validFrom: '2005-05-02',
        validTo: '2005-06-02',
        prefix: 'entry[0].resource.',
        claimResponseId: 'PractitionerRequestorResponseExample',
        request: expect.objectContaining({ reference: 'Claim/ReferralAuthorizationExample' }),
      }),
    });
  });

  it('ReferralPendingAuthorizationResponseBundleExample: A4 pends without a transition, keeping PEND0001', () => {
    expect(readClaimResponse(example('ReferralPendingAuthorizationResponseBundleExample'), [1])).toEqual({
      decision: expect.objectContaining({
        kind: 'pended',
        to: null,
        pendingReference: 'PEND0001',
        note: expect.stringContaining('payer reference PEND0001'),
      }),
    });
  });

  it('RejectionResponseBundleExample: A3 without a reason is a denial with the payer saying so, not a CARC', () => {
    const read = readClaimResponse(example('RejectionResponseBundleExample'), [1]);
    expect(read).toEqual({
      decision: expect.objectContaining({
        to: 'denied',
        denialCode: null,
        payerReason: 'X12 306 A3 Not certified; the payer gave no reason code',
      }),
    });
    // The Claim the response carries names the request by its identifier.
    expect('decision' in read && read.decision.request.identifiers).toContainEqual({
      system: 'urn:trnorg:9012345678',
      value: '111099',
      field: 'request.reference',
    });
  });

  it('ErrorResponseBundleExample: keeps the X12 901 codes, where they point and what to fix', () => {
    const read = readClaimResponse(example('ErrorResponseBundleExample'), [1]);
    expect(read).toEqual({
      decision: expect.objectContaining({
        kind: 'error',
        to: null,
        payerErrors: [
          expect.objectContaining({ code: '04', followUp: null }),
          {
            code: 'T4',
            display: null,
            followUp: 'C',
            element: '2010A-NM103',
            path: 'Bundle.entry[1].Organization.name',
            hint: "T4 Payer name or identifier missing: Check the payer's name and payer code. Correct the request and send it again.",
          },
        ],
      }),
    });
    expect('decision' in read && read.decision.note).toContain('(Bundle.entry[1].Organization.name, 2010A-NM103)');
  });

  it('PractitionerRequestorAdditionalContentResponseExample: A1 plus an item authorized beyond the request', () => {
    expect(readClaimResponse(example('PractitionerRequestorAdditionalContentResponseExample'), [1])).toEqual({
      decision: expect.objectContaining({
        to: 'approved',
        authorizationNumber: 'AUTH0001',
        note: expect.stringContaining('1 further item(s) authorized beyond the request'),
      }),
    });
  });

  it.each([
    'PASClaimInquiryResponseBundleExample',
    'PASClaimInquiryOperationResponseExample',
    'PASSubscriptionNotification',
  ])('%s: the answer is found where it is wrapped, certified for the dates requested', (name) => {
    expect(readClaimResponse(example(name), [1])).toEqual({
      decision: expect.objectContaining({
        to: 'approved',
        authorizationNumber: 'AUTH0001',
        validFrom: '2005-05-02',
        validTo: '2005-06-02',
      }),
    });
  });

  it('InvalidRequestResponse: an OperationOutcome is the payer refusing the request', () => {
    expect(readClaimResponse(example('InvalidRequestResponse'), [1])).toEqual({
      decision: expect.objectContaining({
        kind: 'error',
        payerErrors: [expect.objectContaining({ code: 'invalid', hint: expect.stringContaining('as invalid') })],
      }),
    });
  });
});

describe('readClaimResponse: what else the guide allows', () => {
  it('a denial with X12 reason codes in reviewAction.reasonCode and a processNote keeps both as the payer reason', () => {
    const read = readClaimResponse(
      {
        ...base,
        processNote: [{ number: 1, text: 'Conservative treatment not documented.' }],
        item: [
          item('A3', {}, [
            {
              url: 'reasonCode',
              valueCodeableConcept: {
                coding: [
                  { system: 'https://codesystem.x12.org/external/886', code: '0U', display: 'Not medically necessary' },
                ],
              },
            },
          ]),
        ],
      },
      [1],
    );
    expect(read).toEqual({
      decision: expect.objectContaining({
        to: 'denied',
        denialCode: null,
        payerReason: 'X12 review decision reason 0U Not medically necessary',
        denialText: 'X12 review decision reason 0U Not medically necessary. Conservative treatment not documented.',
      }),
    });
  });

  it('A6 (modified) with fewer units in addItem is a partial approval of what addItem authorizes', () => {
    const read = readClaimResponse(
      {
        ...base,
        item: [item('A6', { itemSequence: 1 }), item('A1', { itemSequence: 2 })],
        addItem: [
          {
            itemSequence: [1],
            productOrService: { coding: [{ code: '10040' }] },
            quantity: { value: 2 },
            adjudication: [{ category: { text: 'submitted' }, extension: [reviewAction('A1')] }],
          },
        ],
      },
      [3, 1],
    );
    expect(read).toEqual({ decision: expect.objectContaining({ to: 'partially_approved', approvedUnits: 3 }) });
  });

  it('A6 that authorizes all units (another code, same count) is an approval', () => {
    const read = readClaimResponse(
      { ...base, item: [item('A6')], addItem: [{ itemSequence: [1], quantity: { value: 2 } }] },
      [2],
    );
    expect(read).toEqual({ decision: expect.objectContaining({ to: 'approved', approvedUnits: null }) });
  });

  it('A2 needs the authorized part in addItem (item-level itemAuthorizedDetail is what was requested)', () => {
    const detail = {
      url: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemAuthorizedDetail',
      extension: [{ url: 'quantity', valueQuantity: { value: 1 } }],
    };
    expect(readClaimResponse({ ...base, item: [item('A2', { extension: [detail] })] }, [3])).toEqual({
      errors: [{ field: 'item[0]', reason: expect.stringContaining('an addItem with itemSequence 1') }],
    });
  });

  it('CT (contact payer), or A4 with a communicationRequest, asks for more information', () => {
    expect(readClaimResponse({ ...base, item: [item('CT')] }, [1])).toEqual({
      decision: expect.objectContaining({ kind: 'info_requested', to: 'more_info_requested' }),
    });
    const asking = { ...base, communicationRequest: [{ reference: 'CommunicationRequest/1' }], item: [item('A4')] };
    expect(readClaimResponse(asking, [1])).toEqual({
      decision: expect.objectContaining({ to: 'more_info_requested' }),
    });
  });

  it('reads the STU1 form too: the review action as the item extension value, or a sub-extension named code', () => {
    const stu1 = {
      ...base,
      item: [
        {
          itemSequence: 1,
          extension: [{ url: REVIEW_ACTION_URL, valueCodeableConcept: { coding: [{ code: 'A1' }] } }],
        },
      ],
    };
    expect(readClaimResponse(stu1, [1])).toMatchObject({ decision: { to: 'approved', authorizationNumber: 'A-1' } });
    const named = {
      ...base,
      item: [
        {
          itemSequence: 1,
          adjudication: [
            {
              extension: [
                {
                  url: REVIEW_ACTION_URL,
                  extension: [{ url: 'code', valueCodeableConcept: { coding: [{ code: 'A3' }] } }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(readClaimResponse(named, [1])).toMatchObject({ decision: { to: 'denied' } });
  });

  it('still reads a CARC on adjudication.reason as the denial code', () => {
    const carc = {
      ...base,
      item: [
        { ...item('A3'), adjudication: [{ ...item('A3').adjudication[0], reason: { coding: [{ code: '197' }] } }] },
      ],
    };
    expect(readClaimResponse(carc, [1])).toMatchObject({
      decision: { to: 'denied', denialCode: 'CO-197', payerReason: null },
    });
  });

  it('refuses an unknown review action code, a non-object body and a Bundle with two ClaimResponses', () => {
    expect(readClaimResponse({ ...base, item: [item('A9')] }, [1])).toEqual({
      errors: [
        {
          field: 'item[0].adjudication[0].extension[0].extension[0].valueCodeableConcept.coding[0].code',
          reason: expect.stringContaining('"A9" is not an X12 306 review action code'),
        },
      ],
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
      errors: [{ field: 'item[0].itemSequence', reason: 'does not name a requested procedure line' }],
    });
  });
});
