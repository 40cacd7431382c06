import type { CaseStatus } from '@preauth/domain';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  documented: 'gray',
  submitted: 'blue',
  more_info_requested: 'orange',
  approved: 'teal',
  partially_approved: 'lime',
  denied: 'red',
  peer_to_peer: 'grape',
  appealed: 'violet',
  external_review: 'indigo',
  self_pay: 'yellow',
  expired: 'dark',
  withdrawn: 'dark',
  completed: 'green',
};

// What the clinic does next in each state (the worklist's "next action" column).
export const NEXT_ACTION: Record<CaseStatus, string> = {
  documented: 'Complete the checklist and submit',
  submitted: 'Wait for / record the payer decision',
  more_info_requested: 'Send the requested information',
  approved: 'Schedule and record the procedure before the approval expires',
  partially_approved: 'Schedule approved units or appeal the rest',
  denied: 'Appeal, request peer-to-peer or withdraw',
  peer_to_peer: 'Hold the peer-to-peer and record the outcome',
  appealed: 'Wait for / record the appeal decision',
  external_review: 'Wait for / record the external review decision',
  self_pay: 'Patient signs the financial waiver; schedule as self-pay',
  expired: 'Nothing: closed',
  withdrawn: 'Nothing: closed',
  completed: 'Nothing: every approved unit used',
};
