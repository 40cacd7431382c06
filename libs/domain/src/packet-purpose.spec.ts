import { CASE_STATUSES, type CaseStatus } from './case-status';
import { packetPurpose, PACKET_PURPOSES, type PacketPurposeFacts } from './packet-purpose';

const base = (status: CaseStatus, more: Partial<PacketPurposeFacts> = {}): PacketPurposeFacts => ({
  status,
  appealLevel: 0,
  maxInternalAppealLevels: 2,
  ...more,
});

describe('packetPurpose', () => {
  it.each<[string, PacketPurposeFacts, string]>([
    ['a first request', base('documented'), 'preauthorization_request'],
    ['a pending first request', base('submitted', { submittedAt: '2026-11-01T10:00:00Z' }), 'preauthorization_request'],
    ['the payer asked for more', base('more_info_requested'), 'information_response'],
    [
      'the answer to the payer, sent',
      base('submitted', { infoRequestedAt: '2026-11-03T10:00:00Z', submittedAt: '2026-11-05T10:00:00Z' }),
      'information_response',
    ],
    ['a first denial', base('denied'), 'appeal_level_1'],
    ['after a peer-to-peer', base('peer_to_peer'), 'appeal_level_1'],
    ['a partial approval', base('partially_approved'), 'appeal_level_1'],
    ['a level 1 appeal pending', base('appealed', { appealLevel: 1 }), 'appeal_level_1'],
    ['level 1 upheld', base('denied', { appealLevel: 1 }), 'appeal_level_2'],
    ['a level 2 appeal pending', base('appealed', { appealLevel: 2 }), 'appeal_level_2'],
    ['every internal level used', base('denied', { appealLevel: 2 }), 'external_review_request'],
    [
      'a one-level plan upheld',
      base('denied', { appealLevel: 1, maxInternalAppealLevels: 1 }),
      'external_review_request',
    ],
    ['an external review pending', base('external_review', { appealLevel: 2 }), 'external_review_request'],
    ['approved on appeal', base('approved', { appealLevel: 1 }), 'appeal_level_1'],
    ['approved at once', base('approved'), 'preauthorization_request'],
    [
      'withdrawn after review',
      base('withdrawn', { appealLevel: 2, externalReviewAt: '2026-10-01T00:00:00Z' }),
      'external_review_request',
    ],
  ])('%s', (_label, facts, expected) => {
    expect(packetPurpose(facts)).toBe(expected);
  });

  it('has an answer for every status', () => {
    for (const status of CASE_STATUSES) expect(PACKET_PURPOSES).toContain(packetPurpose(base(status)));
  });
});
