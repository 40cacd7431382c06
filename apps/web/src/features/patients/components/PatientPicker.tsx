import { Button, Group, Loader, Modal, Select, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { formatCalendarDate, formatMrn } from '../../../ui/format';
import { usePatientSearch } from '../api/usePatientSearch';
import type { Patient } from '../api/useCreatePatient';
import { lazyWithPreload } from '../../../ui/lazy-with-preload';

// The form and its schema (zod) load when the pointer or the focus reaches "New patient".
const NewPatientForm = lazyWithPreload(async () => (await import('./NewPatientForm')).NewPatientForm);

function describe(patient: Patient): string {
  return `${patient.lastName}, ${patient.firstName} · ${formatMrn(patient.mrn)} · born ${formatCalendarDate(patient.dateOfBirth)}`;
}

interface PatientPickerProps {
  value: string;
  onChange: (patientId: string) => void;
  onBlur?: () => void;
  error?: string;
}

export function PatientPicker({ value, onChange, onBlur, error }: PatientPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<Patient | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  // Once a patient is chosen the box shows their label; that is not a new search.
  const { data, isFetching } = usePatientSearch(chosen && debounced === describe(chosen) ? '' : debounced);
  const results = data ?? [];
  const options = [...(chosen && !results.some((p) => p.id === chosen.id) ? [chosen] : []), ...results];

  return (
    <>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <Select
          label="Patient"
          placeholder="Search by name or MRN (2 letters or more)"
          required
          searchable
          clearable
          style={{ flex: 1, minWidth: 260 }}
          data={options.map((patient) => ({ value: patient.id, label: describe(patient) }))}
          value={value || null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id) => {
            setChosen(options.find((patient) => patient.id === id) ?? null);
            onChange(id ?? '');
          }}
          onBlur={onBlur}
          filter={({ options: all }) => all}
          nothingFoundMessage={
            debounced.trim().length < 2
              ? 'Type at least 2 letters'
              : isFetching
                ? 'Searching…'
                : 'No patient found: add a new one'
          }
          error={error}
        />
        <Button
          variant="light"
          mt={25}
          onClick={open}
          onPointerEnter={() => void NewPatientForm.preload()}
          onFocus={() => void NewPatientForm.preload()}
        >
          New patient
        </Button>
      </Group>
      <Modal opened={creating} onClose={close} title="Add a patient" size="lg">
        <Text size="sm" c="dimmed" mb="sm">
          Check the search first: the same person twice splits their history.
        </Text>
        <Suspense fallback={<Loader aria-label="Loading" />}>
          <NewPatientForm
            initialName={chosen ? '' : search}
            onCancel={close}
            onCreated={(patient) => {
              setChosen(patient);
              setSearch(describe(patient));
              onChange(patient.id);
              close();
            }}
          />
        </Suspense>
      </Modal>
    </>
  );
}
