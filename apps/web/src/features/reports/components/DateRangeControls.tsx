import { Button, Group, TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import type { ReportRange } from '../api/types';
import { matchingPreset, presetRange, RANGE_PRESETS, validateRange, type RangePreset } from '../model/date-range';

const sameRange = (a: ReportRange, b: ReportRange) => a.from === b.from && a.to === b.to;

interface DateRangeControlsProps {
  value: ReportRange;
  onChange: (range: ReportRange) => void;
  today?: string;
}

// Native date inputs: keyboard-friendly and localised by the browser. A range is applied as soon
// as it is valid; an invalid one stays in the inputs with its error and the figures stay put.
export function DateRangeControls({ value, onChange, today }: DateRangeControlsProps) {
  const [draft, setDraft] = useState<ReportRange>(value);
  const [seen, setSeen] = useState<ReportRange>(value);
  const [emitted, setEmitted] = useState<ReportRange | null>(null);
  // A range from elsewhere (the back button, a link) replaces what is in the inputs; our own
  // range coming back through the URL does not, as the user may have typed on meanwhile.
  if (!sameRange(seen, value)) {
    setSeen(value);
    if (!emitted || !sameRange(emitted, value)) setDraft(value);
  }
  const errors = validateRange(draft);
  const activePreset = matchingPreset(value, today);

  const apply = (next: ReportRange) => {
    setEmitted(next);
    onChange(next);
  };

  const handleDate = (field: keyof ReportRange) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...draft, [field]: event.currentTarget.value };
    setDraft(next);
    if (Object.keys(validateRange(next)).length === 0) apply(next);
  };

  const handlePreset = (preset: RangePreset) => {
    const next = presetRange(preset, today);
    setDraft(next);
    apply(next);
  };

  return (
    <Group align="flex-start" gap="md" wrap="wrap" className="report-no-print">
      <Group gap={6} wrap="wrap" role="group" aria-label="Date range presets" mt={{ base: 0, sm: 25 }}>
        {RANGE_PRESETS.map((preset) => (
          <Button
            key={preset.value}
            size="sm"
            variant={activePreset === preset.value ? 'filled' : 'default'}
            aria-pressed={activePreset === preset.value}
            onClick={() => handlePreset(preset.value)}
          >
            {preset.label}
          </Button>
        ))}
      </Group>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          type="date"
          label="From"
          value={draft.from}
          onChange={handleDate('from')}
          error={errors.from}
          max={draft.to || undefined}
          w={170}
        />
        <TextInput
          type="date"
          label="To"
          value={draft.to}
          onChange={handleDate('to')}
          error={errors.to}
          min={draft.from || undefined}
          w={170}
        />
      </Group>
    </Group>
  );
}
