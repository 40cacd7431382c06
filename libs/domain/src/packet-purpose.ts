import type { CaseStatus } from './case-status';

// What a packet is, for its title and the fax cover sheet: a reviewer sorts incoming faxes by it,
// and a packet titled "appeal" for a first request is misfiled.
export const PACKET_PURPOSES = [
  'preauthorization_request',
  'information_response',
  'appeal_level_1',
  'appeal_level_2',
  'external_review_request',
] as const;

export type PacketPurpose = (typeof PACKET_PURPOSES)[number];

export const PACKET_PURPOSE_TITLES: Record<PacketPurpose, string> = {
  preauthorization_request: 'Pre-authorization request',
  information_response: 'Response to a request for additional information',
  appeal_level_1: 'Level 1 appeal of a denied pre-authorization',
  appeal_level_2: 'Level 2 appeal of a denied pre-authorization',
  external_review_request: 'Request for external review',
};

export interface PacketPurposeFacts {
  status: CaseStatus;
  /** Highest internal appeal level filed so far. */
  appealLevel: number;
  maxInternalAppealLevels: number;
  /** Whether the payer asked for more information since the latest submission began the review. */
  infoRequestedAt?: string | null;
  submittedAt?: string | null;
  externalReviewAt?: string | null;
}

function appealOf(level: number): PacketPurpose {
  return level >= 2 ? 'appeal_level_2' : 'appeal_level_1';
}

/**
 * The document the clinic sends (or sent) at this point of the case: before a decision the
 * request or the answer to the payer's questions; after a denial the next appeal level, or an
 * external review once the internal levels are used; while an appeal or review is pending, that
 * one; after the outcome, the last thing filed.
 */
export function packetPurpose(f: PacketPurposeFacts): PacketPurpose {
  const answeredInfoRequest =
    !!f.infoRequestedAt && !!f.submittedAt && Date.parse(f.submittedAt) > Date.parse(f.infoRequestedAt);
  switch (f.status) {
    case 'documented':
      return 'preauthorization_request';
    case 'more_info_requested':
      return 'information_response';
    case 'submitted':
      return answeredInfoRequest ? 'information_response' : 'preauthorization_request';
    case 'denied':
    case 'peer_to_peer':
    case 'partially_approved':
      return f.appealLevel < f.maxInternalAppealLevels ? appealOf(f.appealLevel + 1) : 'external_review_request';
    case 'appealed':
      return appealOf(f.appealLevel);
    case 'external_review':
      return 'external_review_request';
    case 'approved':
    case 'self_pay':
    case 'expired':
    case 'withdrawn':
    case 'completed':
      if (f.externalReviewAt) return 'external_review_request';
      if (f.appealLevel > 0) return appealOf(f.appealLevel);
      return answeredInfoRequest ? 'information_response' : 'preauthorization_request';
    default: {
      const unreachable: never = f.status;
      throw new RangeError(`Unknown case status "${String(unreachable)}".`);
    }
  }
}
