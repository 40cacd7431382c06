import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { readListParams, writeListParams, type CaseListParams } from '../model/list-params';

export interface ListParamsUpdate {
  /** Replace the history entry instead of adding one (typing in the search box). */
  replace?: boolean;
  /** Keep the page: only paging itself does; any other change starts again at the first page. */
  keepPage?: boolean;
}

/** A list's view, read from and written to the page's URL. */
export function useListParams(): [
  CaseListParams,
  (patch: Partial<CaseListParams>, options?: ListParamsUpdate) => void,
] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readListParams(search), [search]);
  // The router renders a navigation in a transition, so for a moment after one change the page
  // still holds the previous URL. A second change in that moment (pick a state, then at once click
  // a column) must build on the first, not on what is rendered, or the first is silently undone.
  const latest = useRef(search);
  useLayoutEffect(() => {
    latest.current = search;
  }, [search]);
  const update = useCallback(
    (patch: Partial<CaseListParams>, options: ListParamsUpdate = {}) => {
      const next: CaseListParams = { ...readListParams(latest.current), ...patch };
      if (!options.keepPage) {
        delete next.cursor;
        delete next.page;
      }
      const written = writeListParams(next);
      latest.current = written;
      setSearch(written, { replace: options.replace });
    },
    [setSearch],
  );
  return [params, update];
}
