import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MAX_LEADS_PER_CLOCK } from '@preauth/domain';
import { useState, type FormEvent } from 'react';
import { formatHour } from '../../../ui/format';
import { isApiError } from '../../../ui/server-errors';
import { useSetNotificationSettings, type NotificationSettings } from '../api/useNotificationSettings';
import { formatLeadList, parseLeadList } from '../model/lead-list';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: formatHour(hour) }));
const DEFAULT_HOUR = 'default';

type Field = 'dayClockLeadDays' | 'hourClockLeadHours' | 'digestHour';

/** The server's reasons by the input they belong to (`dayClockLeadDays.1` belongs to the days). */
function problemsByField(error: unknown): Partial<Record<Field, string>> {
  if (!isApiError(error, 400)) return {};
  const byField: Partial<Record<Field, string>> = {};
  for (const { field, reason } of error.body.errors ?? []) {
    const root = field.split('.')[0] as Field;
    byField[root] = byField[root] ? `${byField[root]}; ${reason}` : reason;
  }
  return byField;
}

function LeadsInput(props: {
  label: string;
  clock: string;
  unit: string;
  shortest: number;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  placeholder: string;
}) {
  return (
    <TextInput
      label={props.label}
      description={`Up to ${MAX_LEADS_PER_CLOCK}, each shorter than the shortest ${props.clock} (${props.shortest} ${props.unit}). Empty: no warnings.`}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      placeholder={props.placeholder}
    />
  );
}

export function NotificationSettingsForm({ settings }: { settings: NotificationSettings }) {
  const save = useSetNotificationSettings();
  const [days, setDays] = useState(formatLeadList(settings.dayClockLeadDays));
  const [hours, setHours] = useState(formatLeadList(settings.hourClockLeadHours));
  const [digestHour, setDigestHour] = useState(
    settings.digestHour === null ? DEFAULT_HOUR : String(settings.digestHour),
  );
  const [typed, setTyped] = useState<Partial<Record<Field, string>>>({});
  const server = problemsByField(save.error);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const dayClockLeadDays = parseLeadList(days);
    const hourClockLeadHours = parseLeadList(hours);
    const problems: Partial<Record<Field, string>> = {};
    if (!dayClockLeadDays) problems.dayClockLeadDays = 'Whole numbers of days, separated by commas';
    if (!hourClockLeadHours) problems.hourClockLeadHours = 'Whole numbers of hours, separated by commas';
    setTyped(problems);
    if (!dayClockLeadDays || !hourClockLeadHours) return;
    save.mutate(
      { dayClockLeadDays, hourClockLeadHours, digestHour: digestHour === DEFAULT_HOUR ? null : Number(digestHour) },
      {
        onSuccess: (saved) => {
          setDays(formatLeadList(saved.dayClockLeadDays));
          setHours(formatLeadList(saved.hourClockLeadHours));
          notifications.show({ color: 'teal', message: 'Notification settings saved.' });
        },
      },
    );
  };

  const errorOf = (field: Field) => typed[field] ?? server[field];
  const unplaced = isApiError(save.error, 400) ? null : save.error?.message;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <LeadsInput
          label="Warn before a day clock (standard cases), days"
          clock="day clock"
          unit="days"
          shortest={settings.shortestDayClockDays}
          value={days}
          onChange={setDays}
          error={errorOf('dayClockLeadDays')}
          placeholder="3, 1"
        />
        <LeadsInput
          label="Warn before an hour clock (expedited cases), hours"
          clock="hour clock"
          unit="hours"
          shortest={settings.shortestHourClockHours}
          value={hours}
          onChange={setHours}
          error={errorOf('hourClockLeadHours')}
          placeholder="24, 4"
        />
        <Select
          label="Daily email digest at"
          description={`Clinic time (${settings.timeZone}). The server's default comes from DIGEST_HOUR.`}
          data={[
            { value: DEFAULT_HOUR, label: `Server default (${formatHour(settings.defaultDigestHour)})` },
            ...HOURS,
          ]}
          value={digestHour}
          onChange={(value) => setDigestHour(value ?? DEFAULT_HOUR)}
          allowDeselect={false}
          error={errorOf('digestHour')}
          maw={320}
        />
        {unplaced && (
          <Alert color="red" role="alert" title="Not saved">
            {unplaced}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save notification settings
          </Button>
          <Text size="sm" c="dimmed">
            Applies from the warning job&apos;s next run (every 5 minutes).
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
