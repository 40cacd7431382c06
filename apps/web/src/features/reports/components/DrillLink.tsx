import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { caseListHref, type CaseListParams } from '../../cases/model/list-params';

/** A report figure that opens the case list filtered to the cases behind it. */
export function DrillLink({ to, label, children }: { to: CaseListParams; label: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={caseListHref(to)} aria-label={label} title={label} data-testid="drill-link">
      {children}
    </Anchor>
  );
}
