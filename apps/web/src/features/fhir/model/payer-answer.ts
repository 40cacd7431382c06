import { describeCarcCode, STATUS_LABELS, type CaseStatus } from '@preauth/domain';
import type { CaseDetail } from '../../cases/api/types';
import type { FhirExchange } from '../api/types';

export type AnswerTone = 'approved' | 'denied' | 'pended' | 'error' | 'other';

export interface PayerAnswer {
  tone: AnswerTone;
  title: string;
  lines: string[];
}

const COLORS: Record<AnswerTone, string> = {
  approved: 'teal',
  denied: 'red',
  pended: 'yellow',
  error: 'orange',
  other: 'gray',
};
export const answerColor = (tone: AnswerTone) => COLORS[tone];

/** The payer's latest answer on the case: the last inbound exchange. */
export function latestAnswer(exchanges: readonly FhirExchange[]): FhirExchange | undefined {
  return exchanges.findLast((exchange) => exchange.direction === 'inbound');
}

/** What the payer's synchronous answer means for the desk, in its words. */
export function describePayerAnswer(answer: FhirExchange, detail: CaseDetail): PayerAnswer {
  switch (answer.kind) {
    case 'decision':
      if (answer.outcome === 'denied') {
        const reason = detail.denialCode
          ? `${detail.denialCode} · ${describeCarcCode(detail.denialCode)}`
          : (answer.payerReason ?? 'The payer gave no reason code.');
        return {
          tone: 'denied',
          title: 'Denied by the payer',
          lines: [`Reason: ${reason}`, ...(detail.denialText ? [detail.denialText] : [])],
        };
      }
      return {
        tone: 'approved',
        title: answer.outcome === 'partially_approved' ? 'Partially approved by the payer' : 'Approved by the payer',
        lines: [
          `Authorization number: ${answer.authorizationNumber ?? detail.authorizationNumber ?? 'not given'}`,
          ...(detail.approvedUnits != null ? [`${detail.approvedUnits} units authorized.`] : []),
          ...(answer.warning ? [answer.warning] : []),
        ],
      };
    case 'pended':
      return {
        tone: 'pended',
        title: 'Pended: the payer is reviewing the request',
        lines: [
          `The case is ${STATUS_LABELS[detail.status].toLowerCase()}${answer.pendingReference ? `; the payer's reference is ${answer.pendingReference}` : ''}.`,
          "Preauth asks the payer again by itself (Claim/$inquire) and records the decision when it comes; the case's owner is told. A decision that arrives by portal, fax or letter can still be recorded with the next step above.",
        ],
      };
    case 'info_requested':
      return {
        tone: 'pended',
        title: 'The payer asks for more information',
        lines: ['Add what the payer asks for, then send the case again.'],
      };
    case 'error':
      return {
        tone: 'error',
        title: 'The payer could not process the request',
        lines: [
          'Nothing was submitted: correct what the payer lists and send again.',
          ...(answer.payerErrors.length
            ? answer.payerErrors.map((e) => `${e.hint}${e.path ? ` (${e.path})` : ''}`)
            : ['The payer gave no error codes.']),
        ],
      };
    case 'cancelled':
      return { tone: 'other', title: 'The payer cancelled the request', lines: [] };
    case 'not_required':
      return { tone: 'other', title: 'The payer says no authorization is needed', lines: [] };
    default:
      return { tone: 'other', title: `The payer answered (${answer.kind})`, lines: [] };
  }
}

const OUTCOME_LABELS: Record<string, string> = {
  submit: 'Sent',
  inquire: 'Asked for the decision',
  failed: 'Not sent: payer unreachable',
  decision: 'Decision',
  pended: 'Pended',
  info_requested: 'More information requested',
  error: 'Errors in the request',
  cancelled: 'Cancelled',
  not_required: 'No authorization needed',
  unreadable: 'Answer unreadable',
};

/** One line of the exchange log: what the message was, and what it led to. */
export function exchangeLabel(exchange: FhirExchange): string {
  const base = OUTCOME_LABELS[exchange.kind] ?? exchange.kind;
  if (exchange.outcome) return `${base}: ${STATUS_LABELS[exchange.outcome as CaseStatus].toLowerCase()}`;
  return base;
}
