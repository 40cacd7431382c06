import {
  Autocomplete,
  Badge,
  Combobox,
  Group,
  Pill,
  PillsInput,
  Stack,
  Text,
  useCombobox,
  type AutocompleteProps,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CARC_DENIAL_CODES, CPT_CATALOG, findCpt } from '@preauth/domain';
import { forwardRef, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useCptCodes } from '../../reference/api/useCptCodes';
import { useIcd10Search } from '../../reference/api/useIcd10Search';

interface CodeOption {
  code: string;
  description: string;
  cosmeticRisk?: boolean;
}

// The clinic's catalog from the API; the shared library's list until it arrives.
function useCptOptions(): CodeOption[] {
  const { data } = useCptCodes();
  return useMemo(
    () => data ?? CPT_CATALOG.map(({ code, description, cosmeticRisk }) => ({ code, description, cosmeticRisk })),
    [data],
  );
}

// The options are the bare codes (what lands in the field); the search also matches descriptions.
function codeFilter(byCode: ReadonlyMap<string, CodeOption>, limit = 30): OptionsFilter {
  return ({ options, search }) => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const items = options as ComboboxItem[];
    if (!words.length) return items.slice(0, limit);
    return items
      .filter((item) => {
        const text = `${item.value} ${byCode.get(item.value)?.description ?? ''}`.toLowerCase();
        return words.every((word) => text.includes(word.replace(/^\+/, '')));
      })
      .slice(0, limit);
  };
}

function CodeOptionLabel({ option }: { option: CodeOption }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" fw={600} miw={56}>
        {option.code}
      </Text>
      <Text size="sm" lineClamp={2} style={{ flex: 1 }}>
        {option.description}
      </Text>
      {option.cosmeticRisk && (
        <Badge size="xs" color="orange" variant="filled" style={{ flexShrink: 0 }}>
          Cosmetic risk
        </Badge>
      )}
    </Group>
  );
}

type CptPickerProps = Omit<AutocompleteProps, 'data' | 'renderOption' | 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
};

export const CptCodePicker = forwardRef<HTMLInputElement, CptPickerProps>(function CptCodePicker(
  { value, onChange, description, ...props },
  ref,
) {
  const options = useCptOptions();
  const byCode = useMemo(() => new Map(options.map((option) => [option.code, option])), [options]);
  const chosen = byCode.get(value.trim().toUpperCase().replace(/^\+/, '')) ?? (value ? findCpt(value) : undefined);
  const cosmeticWarning = chosen?.cosmeticRisk
    ? 'Payers usually treat this code as cosmetic: document why it is medically necessary.'
    : undefined;
  return (
    <Autocomplete
      ref={ref}
      {...props}
      value={value}
      onChange={onChange}
      data={options.map((option) => option.code)}
      filter={codeFilter(byCode)}
      renderOption={({ option }) => {
        const entry = byCode.get(option.value);
        return entry ? <CodeOptionLabel option={entry} /> : option.value;
      }}
      maxDropdownHeight={280}
      description={
        cosmeticWarning ? (
          <Text span size="xs" c="orange.9" fw={600}>
            ⚠ {cosmeticWarning}
          </Text>
        ) : (
          (chosen?.description ?? description)
        )
      }
    />
  );
});

interface IcdPickerProps {
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  value: string[];
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
  error?: ReactNode;
  disabled?: boolean;
  /** Search the ICD-10-CM release in effect on this date (today's when null). */
  serviceDate: string | null;
}

const SEARCH_DEBOUNCE_MS = 200;

/**
 * Diagnosis codes picked from the server's search of the whole ICD-10-CM release (codes,
 * descriptions, the clinic's lay terms). Only a code the search returned becomes a chip: Enter
 * takes the best match, and free text that matches nothing stays text, with "No matching code".
 */
export function Icd10CodePicker({
  label,
  description,
  placeholder,
  value,
  onChange,
  onBlur,
  error,
  disabled,
  serviceDate,
}: IcdPickerProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const [debounced] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const { data, isFetching } = useIcd10Search(debounced, serviceDate);
  const items = useMemo(
    () => (debounced && data ? data.items.filter((item) => !value.includes(item.code)) : []),
    [data, debounced, value],
  );
  const settled = typed === debounced && !isFetching;

  // The best match is highlighted as soon as the answer arrives, so Enter takes it.
  useEffect(() => {
    if (items.length) combobox.selectFirstOption();
  }, [items, combobox]);

  const add = (code: string) => {
    if (!value.includes(code)) onChange([...value, code]);
    setSearch('');
    combobox.closeDropdown();
  };
  const remove = (code: string) => onChange(value.filter((c) => c !== code));

  return (
    <Combobox store={combobox} onOptionSubmit={add}>
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          disabled={disabled}
          onClick={() => combobox.openDropdown()}
        >
          <Pill.Group>
            {value.map((code) => (
              <Pill key={code} withRemoveButton={!disabled} onRemove={() => remove(code)}>
                {code}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length ? undefined : placeholder}
                disabled={disabled}
                onChange={(event) => {
                  setSearch(event.currentTarget.value);
                  combobox.openDropdown();
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => {
                  combobox.closeDropdown();
                  onBlur?.();
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && search === '' && value.length) {
                    event.preventDefault();
                    remove(value[value.length - 1]);
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={typed === ''}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {items.map((item) => (
            <Combobox.Option value={item.code} key={item.code}>
              <Stack gap={0}>
                <CodeOptionLabel option={item} />
                {item.term && (
                  <Text size="xs" opacity={0.8}>
                    “{item.term}”{item.note ? `: ${item.note}` : ''}
                  </Text>
                )}
              </Stack>
            </Combobox.Option>
          ))}
          {items.length === 0 && <Combobox.Empty>{settled ? 'No matching code' : 'Searching…'}</Combobox.Empty>}
        </Combobox.Options>
        {data?.release && !data.coversDate && (
          <Combobox.Footer>
            <Text size="xs" c="dimmed">
              No loaded ICD-10-CM release covers {serviceDate ?? 'today'}; searching {data.release.name}, the newest.
            </Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}

type CarcPickerProps = Omit<AutocompleteProps, 'data' | 'renderOption'>;

const CARC_BY_CODE: ReadonlyMap<string, CodeOption> = new Map(CARC_DENIAL_CODES.map((entry) => [entry.code, entry]));

export const CarcCodePicker = forwardRef<HTMLInputElement, CarcPickerProps>(function CarcCodePicker(props, ref) {
  return (
    <Autocomplete
      ref={ref}
      {...props}
      data={CARC_DENIAL_CODES.map((entry) => entry.code)}
      filter={codeFilter(CARC_BY_CODE)}
      renderOption={({ option }) => {
        const entry = CARC_DENIAL_CODES.find((code) => code.code === option.value);
        return entry ? <CodeOptionLabel option={entry} /> : option.value;
      }}
    />
  );
});
