export const PLAN_TYPES = ['medicare_advantage', 'medicaid', 'commercial_erisa', 'aca_marketplace', 'other'] as const;

export type PlanType = (typeof PLAN_TYPES)[number];

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  medicare_advantage: 'Medicare Advantage',
  medicaid: 'Medicaid / CHIP',
  commercial_erisa: 'Commercial (employer / ERISA)',
  aca_marketplace: 'ACA marketplace',
  other: 'Other',
};

export function isPlanType(value: unknown): value is PlanType {
  return typeof value === 'string' && (PLAN_TYPES as readonly string[]).includes(value);
}
