import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAuditUsers } from '../api/useAudit';
import { AUDIT_ACTION_LABELS, findAuditFilterProblems, type AuditFilterValues } from '../model/audit-filters';

const EMPTY: AuditFilterValues = { userId: '', action: '', caseNumber: '', patientId: '', from: '', to: '' };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditFilterValues;
  onApply: (next: AuditFilterValues) => void;
}) {
  const users = useAuditUsers();
  const [draft, setDraft] = useState(value);
  const [problems, setProblems] = useState<ReturnType<typeof findAuditFilterProblems>>({});
  const set = (key: keyof AuditFilterValues) => (next: string | null) => setDraft((d) => ({ ...d, [key]: next ?? '' }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = findAuditFilterProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) onApply(draft);
  };

  const handleClear = () => {
    setDraft(EMPTY);
    setProblems({});
    onApply(EMPTY);
  };

  return (
    <form onSubmit={handleSubmit} aria-label="Filter the audit trail" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Select
          label="User"
          placeholder={users.isError ? 'Could not load the users' : 'Anyone'}
          searchable
          clearable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
          value={draft.userId || null}
          onChange={set('userId')}
        />
        <Select
          label="Action"
          placeholder="Any action"
          clearable
          data={ACTION_OPTIONS}
          value={draft.action || null}
          onChange={set('action')}
        />
        <TextInput
          label="Case number"
          placeholder="PA-000123"
          value={draft.caseNumber}
          onChange={(e) => set('caseNumber')(e.currentTarget.value)}
          error={problems.caseNumber}
        />
        <TextInput
          label="Patient id"
          placeholder="Click a patient id in the list"
          value={draft.patientId}
          onChange={(e) => set('patientId')(e.currentTarget.value)}
          error={problems.patientId}
        />
        <TextInput
          type="date"
          label="From (clinic day)"
          value={draft.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
          error={problems.from}
        />
        <TextInput
          type="date"
          label="To (clinic day)"
          value={draft.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          error={problems.to}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">Apply filters</Button>
        <Button variant="default" onClick={handleClear}>
          Clear
        </Button>
      </Group>
    </form>
  );
}
