import { approvalEndedBeforeRequest, isOutageNotice, nextInquiryAt, retryInquiryAt } from './pas-inquiry';

const pended = new Date('2026-03-02T10:00:00Z');
const minutesAfter = (d: Date | null) => (d ? (d.getTime() - pended.getTime()) / 60_000 : null);

describe('nextInquiryAt', () => {
  it.each([
    [0, 1],
    [1, 6],
    [2, 21],
    [3, 81],
    [4, 321],
    [5, 561],
    [6, 801],
  ])('inquiry %i comes %i minutes after the pended answer', (attempt, minutes) => {
    expect(minutesAfter(nextInquiryAt(pended, attempt, null))).toBe(minutes);
  });

  it('stops at the deadline', () => {
    const deadline = new Date(pended.getTime() + 100 * 60_000);
    expect(minutesAfter(nextInquiryAt(pended, 3, deadline))).toBe(81);
    expect(nextInquiryAt(pended, 4, deadline)).toBeNull();
  });

  it('stops after thirty days without a clock', () => {
    expect(nextInquiryAt(pended, 200, null)).toBeNull();
    expect(nextInquiryAt(pended, 170, null)).not.toBeNull();
  });

  it('follows a schedule it is given', () => {
    expect(minutesAfter(nextInquiryAt(pended, 2, null, [10]))).toBe(30);
  });
});

describe('retries while the payer is away', () => {
  it('waits longer after each failure, up to an hour', () => {
    const waits = [1, 2, 3, 4, 9].map((f) => (retryInquiryAt(pended, f).getTime() - pended.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 15, 60, 60]);
  });

  it('tells the owner once, at the third failure', () => {
    expect([1, 2, 3, 4, 5].map(isOutageNotice)).toEqual([false, false, true, false, false]);
  });
});

describe('approvalEndedBeforeRequest', () => {
  it.each([
    ['2005-06-02', '2026-12-06', true],
    ['2026-12-05', '2026-12-06', true],
    ['2026-12-06', '2026-12-06', false],
    ['2027-03-01', '2026-12-06', false],
    [null, '2026-12-06', false],
    ['not a date', '2026-12-06', false],
  ])('an approval valid to %s, requested on %s: warned %s', (validTo, sentOn, warned) => {
    expect(approvalEndedBeforeRequest(validTo, sentOn) !== null).toBe(warned);
  });

  it('names both dates', () => {
    expect(approvalEndedBeforeRequest('2005-06-02', '2026-12-06')).toContain(
      'ended on 2005-06-02, before the request was sent on 2026-12-06',
    );
  });
});
