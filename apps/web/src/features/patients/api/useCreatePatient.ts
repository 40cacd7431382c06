import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { patientKeys } from './patient-keys';

export type Patient = Schemas['PatientDto'];
export type CreatePatientBody = Schemas['CreatePatientDto'];

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreatePatientBody) => unwrap(await api.POST('/api/patients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKeys.searches() }),
  });
}
