import { Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import {
  CASE_STATUSES,
  STATUS_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type CaseStatus,
  type Urgency,
} from '@preauth/domain';
import { usePayers } from '../../reference/api/usePayers';
import { useProviders } from '../../reference/api/useProviders';

export interface CaseFilterValues {
  q?: string;
  status?: CaseStatus[];
  payerId?: string;
  providerId?: string;
  urgency?: Urgency;
  overdue?: boolean;
  sort?: 'created_desc' | 'due_asc' | 'updated_desc';
}

const SORT_OPTIONS = [
  { value: 'updated_desc', label: 'Recently changed' },
  { value: 'created_desc', label: 'Newest first' },
  // The API leaves out cases with no running clock (still documented, or closed) in this order.
  { value: 'due_asc', label: 'Deadline, soonest first (running clocks only)' },
];

interface CaseFiltersProps {
  value: CaseFilterValues;
  onChange: (value: CaseFilterValues) => void;
  // The board already splits by state and sorts by deadline.
  withSearch?: boolean;
  withStatus?: boolean;
  withSort?: boolean;
  withOverdue?: boolean;
  searchText?: string;
  onSearchTextChange?: (text: string) => void;
}

export function CaseFilters({
  value,
  onChange,
  withSearch,
  withStatus,
  withSort,
  withOverdue,
  searchText,
  onSearchTextChange,
}: CaseFiltersProps) {
  const payers = usePayers();
  const providers = useProviders();
  const set = (patch: Partial<CaseFilterValues>) => onChange({ ...value, ...patch });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter cases">
      {withSearch && (
        <TextInput
          label="Search"
          placeholder="Patient name, MRN, case or authorization number"
          value={searchText ?? ''}
          onChange={(event) => onSearchTextChange?.(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          type="search"
        />
      )}
      {withStatus && (
        <MultiSelect
          label="State"
          placeholder={value.status?.length ? undefined : 'Any state'}
          data={CASE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          value={value.status ?? []}
          onChange={(status) => set({ status: status.length ? status : undefined })}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
      )}
      <Select
        label="Payer"
        placeholder="Any payer"
        data={(payers.data ?? []).map((payer) => ({ value: payer.id, label: payer.name }))}
        value={value.payerId ?? null}
        onChange={(payerId) => set({ payerId: payerId ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Physician"
        placeholder="Any physician"
        data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.displayName }))}
        value={value.providerId ?? null}
        onChange={(providerId) => set({ providerId: providerId ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Urgency"
        placeholder="Any urgency"
        data={URGENCIES.map((urgency) => ({ value: urgency, label: URGENCY_LABELS[urgency] }))}
        value={value.urgency ?? null}
        onChange={(urgency) => set({ urgency: urgency ?? undefined })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      {withSort && (
        <Select
          label="Sort"
          data={SORT_OPTIONS}
          value={value.sort ?? 'updated_desc'}
          onChange={(sort) => set({ sort: (sort as CaseFilterValues['sort']) ?? 'updated_desc' })}
          allowDeselect={false}
          w={{ base: '100%', sm: 210 }}
        />
      )}
      {withOverdue && (
        <Switch
          label="Overdue only"
          checked={!!value.overdue}
          onChange={(event) => set({ overdue: event.currentTarget.checked || undefined })}
          mb={8}
        />
      )}
    </Group>
  );
}
