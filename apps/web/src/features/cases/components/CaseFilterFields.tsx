import { Autocomplete, Button, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import {
  CARC_DENIAL_CODES,
  CASE_DATE_FIELDS,
  CASE_DATE_LABELS,
  CASE_SEARCH_SORT,
  CASE_SORT_LABELS,
  CASE_SORTS,
  CASE_STATUSES,
  PLAN_TYPE_LABELS,
  PLAN_TYPES,
  STATUS_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type CaseDateField,
  type CaseSort,
} from '@preauth/domain';
import { useState, type ReactNode } from 'react';
import { usePayers } from '../../reference/api/usePayers';
import { useProviders } from '../../reference/api/useProviders';
import { SaveViewButton } from '../../views/components/SaveViewButton';
import { useTagsInUse } from '../api/useCaseTags';
import type { CaseListParams } from '../model/list-params';
import { tagError } from './TagInput';

const SORT_OPTIONS = [
  ...CASE_SORTS.map((sort) => ({ value: sort, label: CASE_SORT_LABELS[sort] })),
  { value: CASE_SEARCH_SORT, label: 'Best match (searching)' },
];

export interface CaseFilterFieldsProps {
  value: CaseListParams;
  onChange: (patch: Partial<CaseListParams>) => void;
  /** Drawn first in the row (on a wide screen the search box sits with the other filters). */
  searchBox?: ReactNode;
  /** After "Clear filters" has emptied the URL's filters: for the search box kept outside. */
  onClear: () => void;
  withStatus?: boolean;
  withSort?: boolean;
  withOverdue?: boolean;
  withDates?: boolean;
  defaultSort: CaseSort;
}

/** The date field the view has a range on (the form edits one; a link may carry more, the first wins). */
function rangedField(value: CaseListParams): CaseDateField | undefined {
  return CASE_DATE_FIELDS.find((field) => value[`${field}From`] || value[`${field}To`]);
}

/**
 * The list's filters other than the search box. A module of their own, loaded when they are shown
 * (CaseFilters): their comboboxes and popovers are about a fifth of a list page's code after the
 * first file (about 20 KB compressed), and on a phone they stay folded away until asked for.
 */
export function CaseFilterFields({
  value,
  onChange,
  searchBox,
  onClear,
  withStatus,
  withSort,
  withOverdue,
  withDates,
  defaultSort,
}: CaseFilterFieldsProps) {
  const payers = usePayers({ afterPageData: true });
  const providers = useProviders({ afterPageData: true });
  // The tags in use are asked for once the box is used, not with every list.
  const [tagBoxUsed, setTagBoxUsed] = useState(false);
  const tagsInUse = useTagsInUse({ enabled: tagBoxUsed });
  const [tagText, setTagText] = useState(value.tag ?? '');
  // A tag filters once it is picked, entered or left, not at each letter typed towards it.
  const applyTag = (text: string) => {
    if (!text.trim()) onChange({ tag: undefined });
    else if (!tagError(text)) onChange({ tag: text });
  };
  const [cptText, setCptText] = useState(value.cpt ?? '');
  const [chosenField, setChosenField] = useState<CaseDateField>('submitted');
  const dateField = rangedField(value) ?? chosenField;

  // Back, Forward and links change the view under the inputs: show what the URL holds (set while
  // rendering, as React advises for state that follows a prop).
  const [shown, setShown] = useState({ cpt: value.cpt, tag: value.tag });
  if (shown.cpt !== value.cpt || shown.tag !== value.tag) {
    setShown({ cpt: value.cpt, tag: value.tag });
    if (shown.tag !== value.tag) setTagText(value.tag ?? '');
    if (cptText !== (value.cpt ?? '') && (value.cpt || /^\d{4}[0-9A-Z]$/.test(cptText))) setCptText(value.cpt ?? '');
  }

  const from = value[`${dateField}From`];
  const to = value[`${dateField}To`];
  const setDateRange = (field: CaseDateField, range: { from?: string; to?: string }) =>
    onChange({
      // One range at a time in the form; a link may carry more, and the form then edits the first.
      ...Object.fromEntries(
        CASE_DATE_FIELDS.flatMap((f) => [[`${f}From`, undefined] as const, [`${f}To`, undefined] as const]),
      ),
      [`${field}From`]: range.from || undefined,
      [`${field}To`]: range.to || undefined,
    });
  const sortValue = value.sort ?? (value.q ? CASE_SEARCH_SORT : defaultSort);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter cases">
      {searchBox}
      {withStatus && (
        <MultiSelect
          label="State"
          placeholder={value.status?.length ? undefined : 'Any state'}
          data={CASE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          value={value.status ?? []}
          onChange={(status) => onChange({ status: status.length ? status : undefined })}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
      )}
      <Select
        label="Payer"
        placeholder="Any payer"
        data={(payers.data ?? []).map((payer) => ({ value: payer.id, label: payer.name }))}
        value={value.payerId ?? null}
        onChange={(payerId) => onChange({ payerId: payerId ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Plan type"
        placeholder="Any plan type"
        data={PLAN_TYPES.map((planType) => ({ value: planType, label: PLAN_TYPE_LABELS[planType] }))}
        value={value.planType ?? null}
        onChange={(planType) => onChange({ planType: planType ?? undefined })}
        clearable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Physician"
        placeholder="Any physician"
        data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.displayName }))}
        value={value.providerId ?? null}
        onChange={(providerId) => onChange({ providerId: providerId ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', sm: 200 }}
      />
      <TextInput
        label="CPT"
        placeholder="Any"
        value={cptText}
        onChange={(event) => {
          const text = event.currentTarget.value.trim().toUpperCase();
          setCptText(text);
          if (text === '' || /^\d{4}[0-9A-Z]$/.test(text)) onChange({ cpt: text || undefined });
        }}
        maxLength={5}
        w={{ base: '100%', sm: 90 }}
      />
      <Autocomplete
        label="Denial code"
        placeholder="Any"
        data={CARC_DENIAL_CODES.map((entry) => entry.code)}
        value={value.denialCode ?? ''}
        onChange={(code) => onChange({ denialCode: code.trim().toUpperCase() || undefined })}
        maxLength={10}
        w={{ base: '100%', sm: 120 }}
      />
      <Autocomplete
        label="Tag"
        placeholder="Any tag"
        data={(tagsInUse.data ?? []).map((t) => t.tag)}
        limit={10}
        value={tagText}
        onChange={(text) => {
          setTagText(text);
          if (!text) applyTag('');
        }}
        onOptionSubmit={applyTag}
        onKeyDown={(event) => {
          const picking = event.currentTarget.getAttribute('aria-activedescendant');
          if (event.key === 'Enter' && !picking) applyTag(tagText);
        }}
        onFocus={() => setTagBoxUsed(true)}
        onBlur={() => applyTag(tagText)}
        error={tagText && tagError(tagText)}
        w={{ base: '100%', sm: 170 }}
        data-testid="tag-filter"
      />
      <Select
        label="Urgency"
        placeholder="Any urgency"
        data={URGENCIES.map((urgency) => ({ value: urgency, label: URGENCY_LABELS[urgency] }))}
        value={value.urgency ?? null}
        onChange={(urgency) => onChange({ urgency: urgency ?? undefined })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      {withDates && (
        <Group gap="xs" align="flex-end" wrap="wrap" data-testid="date-range">
          <Select
            label="Date"
            data={CASE_DATE_FIELDS.map((field) => ({ value: field, label: CASE_DATE_LABELS[field] }))}
            value={dateField}
            onChange={(field) => {
              const next = field ?? 'submitted';
              setChosenField(next);
              if (from || to) setDateRange(next, { from, to });
            }}
            allowDeselect={false}
            w={{ base: '100%', sm: 150 }}
          />
          <TextInput
            type="date"
            label="From"
            value={from ?? ''}
            max={to}
            onChange={(event) => setDateRange(dateField, { from: event.currentTarget.value, to })}
            w={{ base: '47%', sm: 150 }}
          />
          <TextInput
            type="date"
            label="To"
            value={to ?? ''}
            min={from}
            onChange={(event) => setDateRange(dateField, { from, to: event.currentTarget.value })}
            w={{ base: '47%', sm: 150 }}
          />
        </Group>
      )}
      {withSort && (
        <Select
          label="Sort"
          // Only dates order the list: each has an index the pages are read from. Patient, payer and
          // state would need the joined tables in one index (docs/architecture.md, "Case list").
          description="By a date; dated orders list only the cases that have that date"
          data={value.q ? SORT_OPTIONS : SORT_OPTIONS.filter((option) => option.value !== CASE_SEARCH_SORT)}
          value={sortValue}
          onChange={(sort) => onChange({ sort: (sort as CaseListParams['sort'] | null) ?? undefined })}
          allowDeselect={false}
          w={{ base: '100%', sm: 230 }}
        />
      )}
      {withOverdue && (
        <Switch
          label="Overdue only"
          checked={!!value.overdue}
          onChange={(event) => onChange({ overdue: event.currentTarget.checked || undefined })}
          mb={8}
        />
      )}
      <Button
        variant="subtle"
        onClick={() => {
          setCptText('');
          setTagText('');
          onChange(
            Object.fromEntries(
              Object.keys(value)
                .filter((key) => key !== 'sort')
                .map((key) => [key, undefined]),
            ),
          );
          onClear();
        }}
      >
        Clear filters
      </Button>
      <SaveViewButton />
    </Group>
  );
}
