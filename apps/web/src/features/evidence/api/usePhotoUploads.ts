import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { caseKeys } from '../../cases/api/case-keys';
import { evidenceKeys } from './evidence-keys';
import type { PhotoFields } from './types';
import { uploadPhoto } from './upload-photo';

export type UploadState = 'pending' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  file: File;
  fields: PhotoFields;
  state: UploadState;
  progress: number;
  error?: string;
}

let nextKey = 0;

/** The files chosen for upload, each with its own fields, progress and error. */
export function usePhotoUploads(caseId: string, defaults: () => PhotoFields) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      setItems((current) => [
        ...current,
        ...files.map((file) => ({
          key: `upload-${nextKey++}`,
          file,
          fields: defaults(),
          state: 'pending' as const,
          progress: 0,
        })),
      ]);
    },
    [defaults],
  );

  const remove = useCallback((key: string) => setItems((current) => current.filter((item) => item.key !== key)), []);

  const start = useCallback(
    async (item: UploadItem) => {
      patch(item.key, { state: 'uploading', progress: 0, error: undefined });
      try {
        await uploadPhoto(caseId, item.file, item.fields, { onProgress: (progress) => patch(item.key, { progress }) });
        patch(item.key, { state: 'done', progress: 1 });
        // The readiness checklist counts photos: the case detail changes with them.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: evidenceKeys.photos(caseId) }),
          queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
        ]);
      } catch (error) {
        patch(item.key, { state: 'failed', error: error instanceof Error ? error.message : 'The upload failed.' });
      }
    },
    [caseId, patch, queryClient],
  );

  const clearDone = useCallback(() => setItems((current) => current.filter((item) => item.state !== 'done')), []);

  return { items, add, remove, patch, start, clearDone };
}
