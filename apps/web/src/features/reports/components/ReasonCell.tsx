import { Group } from '@mantine/core';
import { useMe } from '../../auth/api/useMe';
import { DescribeCarcCode } from '../../reference/components/DescribeCarcCode';

/** Whether the signed-in user may describe a reason code (managers). */
export function useMayDescribeCodes(): boolean {
  const { data: me } = useMe();
  return !!me?.roles.includes('manager');
}

// A manager describes a code nobody described yet right where it shows bare.
export function ReasonCell({
  code,
  text,
  described,
  mayDescribe,
}: {
  code: string;
  text: string;
  described: boolean;
  mayDescribe: boolean;
}) {
  if (described || !mayDescribe) return text;
  return (
    <Group gap="xs" wrap="nowrap">
      <span>{text}</span>
      <DescribeCarcCode code={code} />
    </Group>
  );
}
