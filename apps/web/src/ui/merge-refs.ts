import { useMergedRef } from '@mantine/hooks';
import type { Ref, RefCallback } from 'react';

/**
 * `useMergeRefs` as @floating-ui/react has it (one callback ref for several refs, given as an
 * array), for Mantine's ScrollArea, the only thing it takes from there: the build gives it this one
 * (apps/web/vite.config.mts, scrollAreaMergeRefs), so a page that shows a table does not load
 * floating-ui's 46 KB module for it.
 */
export function useMergeRefs<T>(refs: readonly (Ref<T> | undefined)[]): RefCallback<T> {
  return useMergedRef(...refs);
}
