import { Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../features/auth/api/useMe';
import { mayWriteClinicalFindings } from '../features/auth/roles';
import { useCreateCase } from '../features/cases/api/useCreateCase';
import { CaseForm } from '../features/cases/components/CaseForm';
import {
  CASE_FORM_FIELDS,
  CLINICAL_FORM_FIELDS,
  emptyCaseForm,
  toCreateCaseBody,
} from '../features/cases/model/case-form-schema';

export function NewCasePage() {
  const { data: me } = useMe();
  const createCase = useCreateCase();
  const navigate = useNavigate();
  const mayWriteClinical = mayWriteClinicalFindings(me?.roles);
  const editable = useMemo(
    () => CASE_FORM_FIELDS.filter((field) => mayWriteClinical || !CLINICAL_FORM_FIELDS.includes(field)),
    [mayWriteClinical],
  );
  const defaults = useMemo(() => emptyCaseForm(), []);

  return (
    <Stack maw={1000}>
      <div>
        <Title order={2}>New case</Title>
        <Text c="dimmed" size="sm">
          Document the request. It is saved as “Documented”; submit it to the payer from the case page once the
          readiness checklist passes.
        </Text>
      </div>
      <CaseForm
        mode="create"
        defaultValues={defaults}
        editableFields={editable}
        mayWriteClinical={mayWriteClinical}
        submitLabel="Create case"
        onSubmit={async (values) => {
          const detail = await createCase.mutateAsync(toCreateCaseBody(values, mayWriteClinical));
          notifications.show({
            color: 'teal',
            title: 'Case created',
            message: `${detail.caseNumber} for ${detail.patient.name}`,
          });
          void navigate(`/cases/${detail.id}`);
        }}
      />
    </Stack>
  );
}
