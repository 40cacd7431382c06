import { Alert, Button, CopyButton, Stack, Text } from '@mantine/core';
import {
  describePriorAuth,
  isValidCptFormat,
  normalizeCpt,
  toLocalDate,
  type PriorAuthRequirement,
} from '@preauth/domain';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { usePayerRuleLookups } from '../api/usePayerRuleLookups';

const COLORS: Record<PriorAuthRequirement, string> = { required: 'blue', not_required: 'teal', unknown: 'gray' };

/**
 * Under the procedure lines of a new case: for each code, whether the chosen payer wants a
 * request at all, citing its policy; when it does not, the line to paste into the chart.
 */
export function PriorAuthNotices({ payerId, cptCodes }: { payerId: string; cptCodes: readonly string[] }) {
  const codes = [...new Set(cptCodes.map(normalizeCpt).filter(isValidCptFormat))];
  const lookups = usePayerRuleLookups(payerId, codes);
  if (!payerId || codes.length === 0) return null;
  const today = toLocalDate(new Date(), CLINIC_TIME_ZONE);
  return (
    <Stack gap="xs" data-testid="prior-auth-notices">
      {lookups.map((lookup, index) => {
        if (!lookup.data) return null;
        const { payerName, cptCode, rule } = lookup.data;
        const notice = describePriorAuth(payerName, cptCode, rule, today);
        return (
          <Alert
            key={codes[index]}
            color={COLORS[notice.requirement]}
            variant="light"
            data-testid={`prior-auth-${cptCode}`}
            data-requirement={notice.requirement}
          >
            <Text size="sm">{notice.text}</Text>
            {notice.chartNote && (
              <CopyButton value={notice.chartNote}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" mt={6} onClick={copy}>
                    {copied ? 'Note copied' : 'Copy a note for the chart'}
                  </Button>
                )}
              </CopyButton>
            )}
          </Alert>
        );
      })}
    </Stack>
  );
}
