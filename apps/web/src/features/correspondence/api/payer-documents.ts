import { unwrap, type Schemas } from '@preauth/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type PayerDocument = Schemas['CaseDocumentDto'];
export type PayerDocumentFields = Pick<Schemas['UploadCaseDocumentDto'], 'kind' | 'receivedOn' | 'dueOn'>;

export const documentKeys = {
  all: ['payer-documents'] as const,
  ofCase: (caseId: string) => [...documentKeys.all, caseId] as const,
};

export function usePayerDocuments(caseId: string) {
  return useQuery({
    queryKey: documentKeys.ofCase(caseId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/cases/{id}/documents', { params: { path: { id: caseId } }, signal })),
  });
}

export function useFilePayerDocument(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ fields, file }: { fields: PayerDocumentFields; file: File }) => {
      // The fields first: the API validates them as they stream in, before the file.
      const form = new FormData();
      form.append('kind', fields.kind);
      form.append('receivedOn', fields.receivedOn);
      if (fields.dueOn) form.append('dueOn', fields.dueOn);
      form.append('file', file, file.name);
      return unwrap(
        await api.POST('/api/cases/{id}/documents', {
          params: { path: { id: caseId } },
          body: { ...fields, file: file.name },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.ofCase(caseId) }),
  });
}
