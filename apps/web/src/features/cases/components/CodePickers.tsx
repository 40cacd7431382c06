import {
  Autocomplete,
  Badge,
  Group,
  TagsInput,
  Text,
  type AutocompleteProps,
  type ComboboxItem,
  type OptionsFilter,
  type TagsInputProps,
} from '@mantine/core';
import { CARC_DENIAL_CODES, CPT_CATALOG, findCpt, ICD10_CATALOG } from '@preauth/domain';
import { forwardRef, useMemo } from 'react';
import { useCptCodes } from '../../reference/api/useCptCodes';
import { useIcd10Codes } from '../../reference/api/useIcd10Codes';

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

function useIcdOptions(): CodeOption[] {
  const { data } = useIcd10Codes();
  return useMemo(() => data ?? ICD10_CATALOG.map(({ code, description }) => ({ code, description })), [data]);
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

type IcdPickerProps = Omit<TagsInputProps, 'data' | 'renderOption'>;

export function Icd10CodePicker(props: IcdPickerProps) {
  const options = useIcdOptions();
  const byCode = useMemo(() => new Map(options.map((option) => [option.code, option])), [options]);
  return (
    <TagsInput
      {...props}
      data={options.map((option) => option.code)}
      filter={codeFilter(byCode)}
      renderOption={({ option }) => {
        const entry = byCode.get(option.value);
        return entry ? <CodeOptionLabel option={entry} /> : option.value;
      }}
      splitChars={[',', ' ']}
      acceptValueOnBlur
      clearable
      maxDropdownHeight={280}
    />
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
