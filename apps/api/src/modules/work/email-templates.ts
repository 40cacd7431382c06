import type { NotificationKind } from '@preauth/domain';

/**
 * What a notification email may say. Emails leave the clinic's systems, so they carry no patient
 * data at all (HIPAA minimum necessary): counts, case numbers and a link to sign in, never a name,
 * date of birth, code, task text or note. These types admit nothing else.
 */
export interface EmailFacts {
  counts: Partial<Record<NotificationKind, number>>;
  /** Case numbers (PA-000123): the clinic's own references, meaningless outside it. */
  caseNumbers: string[];
  appUrl: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
}

const KIND_PHRASES: Record<NotificationKind, [string, string]> = {
  case_assigned: ['case assigned to you', 'cases assigned to you'],
  task_assigned: ['task for you', 'tasks for you'],
  task_done: ['task you asked for is done', 'tasks you asked for are done'],
  payer_answer: ['payer answer on your cases', 'payer answers on your cases'],
  clock_warning: ['deadline coming up on your cases', 'deadlines coming up on your cases'],
  payer_unreachable: ["payer's system unreachable about your cases", "payer's systems unreachable about your cases"],
};

function lines(facts: EmailFacts): string[] {
  return (Object.entries(facts.counts) as [NotificationKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `- ${n} ${KIND_PHRASES[kind][n === 1 ? 0 : 1]}`);
}

function body(intro: string, facts: EmailFacts): string {
  return [
    intro,
    '',
    ...lines(facts),
    '',
    `Cases: ${facts.caseNumbers.join(', ') || '—'}`,
    '',
    `Sign in to see them: ${facts.appUrl}/sign-in`,
    '',
    'This email leaves out patient details on purpose; they are in Preauth.',
  ].join('\n');
}

const total = (facts: EmailFacts) => Object.values(facts.counts).reduce((a, n) => a + (n ?? 0), 0);

/** Sent at once for expedited cases, whose clocks run in hours. */
export function urgentEmail(facts: EmailFacts): EmailMessage {
  const n = total(facts);
  return {
    subject: `Preauth: ${n} new on expedited ${facts.caseNumbers.length === 1 ? 'case' : 'cases'} ${facts.caseNumbers.join(', ')}`,
    text: body('New in Preauth on expedited cases:', facts),
  };
}

/** Once a day: what is still unread. */
export function digestEmail(facts: EmailFacts): EmailMessage {
  const n = total(facts);
  return {
    subject: `Preauth: ${n} unread ${n === 1 ? 'notification' : 'notifications'}`,
    text: body('Your unread notifications in Preauth:', facts),
  };
}
