import { selectPacketDocuments, type FiledPayerDocument } from './payer-documents';

const doc = (kind: FiledPayerDocument['kind'], receivedOn: string, createdAt = `${receivedOn}T12:00:00Z`) => ({
  kind,
  receivedOn,
  createdAt,
});

describe('selectPacketDocuments', () => {
  const filed = [
    doc('information_request', '2026-10-05'),
    doc('denial', '2026-10-20'),
    doc('appeal_decision', '2026-11-20'),
    doc('denial', '2026-11-02'),
    doc('other', '2026-11-03'),
    doc('approval', '2026-11-04'),
  ];

  it('encloses nothing with a first request', () => {
    expect(selectPacketDocuments('preauthorization_request', filed)).toEqual([]);
  });

  it('encloses the information request with the response', () => {
    expect(selectPacketDocuments('information_response', filed)).toEqual([doc('information_request', '2026-10-05')]);
  });

  it('encloses the latest denial with a level-1 appeal', () => {
    expect(selectPacketDocuments('appeal_level_1', filed)).toEqual([doc('denial', '2026-11-02')]);
  });

  it('encloses the denial and the appeal decision, oldest first, with a level-2 appeal or an external review', () => {
    const expected = [doc('denial', '2026-11-02'), doc('appeal_decision', '2026-11-20')];
    expect(selectPacketDocuments('appeal_level_2', filed)).toEqual(expected);
    expect(selectPacketDocuments('external_review_request', filed)).toEqual(expected);
  });

  it('takes the later filed of two received the same day', () => {
    const first = doc('denial', '2026-11-02', '2026-11-02T09:00:00Z');
    const second = doc('denial', '2026-11-02', '2026-11-02T10:00:00Z');
    expect(selectPacketDocuments('appeal_level_1', [second, first])).toEqual([second]);
  });
});
