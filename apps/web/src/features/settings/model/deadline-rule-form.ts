import { findDeadlineRuleProblems, type DeadlineRule, type PlanType } from '@preauth/domain';
import { z } from '../../../ui/zod';
import type { DeadlineRuleFigures } from '../api/types';

type FigureKey = Exclude<keyof DeadlineRuleFigures, 'source'>;

export interface FigureField {
  key: FigureKey;
  label: string;
  unit: 'days' | 'hours' | 'months' | 'levels';
}

// Grouped as a request moves: the payer's decision, the clinic's answers, then appeals.
export const FIGURE_GROUPS: readonly { title: string; fields: readonly FigureField[] }[] = [
  {
    title: 'Initial request',
    fields: [
      { key: 'decisionStandardDays', label: 'Payer decides a standard request within', unit: 'days' },
      { key: 'decisionExpeditedHours', label: 'Payer decides an expedited request within', unit: 'hours' },
      { key: 'infoResponseDays', label: 'Clinic answers a request for information within', unit: 'days' },
      {
        key: 'infoResponseExpeditedHours',
        label: 'Clinic answers an expedited request for information within',
        unit: 'hours',
      },
      { key: 'peerToPeerDays', label: 'Peer-to-peer can be requested within', unit: 'days' },
    ],
  },
  {
    title: 'Appeals',
    fields: [
      { key: 'appealFilingDays', label: 'Appeal filed within (after the denial)', unit: 'days' },
      { key: 'appealDecisionStandardDays', label: 'Payer decides a standard appeal within', unit: 'days' },
      { key: 'appealDecisionExpeditedHours', label: 'Payer decides an expedited appeal within', unit: 'hours' },
      { key: 'maxInternalAppealLevels', label: 'Internal appeal levels before external review', unit: 'levels' },
    ],
  },
  {
    title: 'External review',
    fields: [
      { key: 'externalReviewRequestMonths', label: 'External review requested within', unit: 'months' },
      { key: 'externalReviewDecisionDays', label: 'Reviewer decides a standard review within', unit: 'days' },
      { key: 'externalReviewExpeditedHours', label: 'Reviewer decides an expedited review within', unit: 'hours' },
    ],
  },
];

export const FIGURE_FIELDS: readonly FigureField[] = FIGURE_GROUPS.flatMap((group) => group.fields);

// A number input that was cleared holds ''.
export type DeadlineRuleFormValues = Record<FigureKey, number | ''> & { source: string };

export function toFormValues(rule: DeadlineRuleFigures): DeadlineRuleFormValues {
  const values = { source: rule.source ?? '' } as DeadlineRuleFormValues;
  for (const { key } of FIGURE_FIELDS) values[key] = rule[key];
  return values;
}

export function toRuleFigures(values: DeadlineRuleFormValues): DeadlineRuleFigures {
  const figures = { source: values.source.trim() || null } as DeadlineRuleFigures;
  for (const { key } of FIGURE_FIELDS) figures[key] = values[key] === '' ? Number.NaN : values[key];
  return figures;
}

/** The form checks what the API checks: the rules of validity in @preauth/domain, field by field. */
const figure = z.union([z.number(), z.literal('')]);

export function deadlineRuleSchema(planType: PlanType) {
  return z
    .object({
      ...(Object.fromEntries(FIGURE_FIELDS.map(({ key }) => [key, figure])) as Record<FigureKey, typeof figure>),
      source: z.string().max(2000, 'Keep the source under 2,000 characters.'),
    })
    .superRefine((values, ctx) => {
      const rule: DeadlineRule = { ...toRuleFigures(values), planType };
      for (const problem of findDeadlineRuleProblems(rule)) {
        ctx.addIssue({
          code: 'custom',
          path: [problem.field],
          message: `Must ${problem.reason.replace(/^must /, '')}.`,
        });
      }
    });
}
