import { useCallback, useMemo } from 'react';
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
  const update = useCallback(
    (patch: Partial<CaseListParams>, options: ListParamsUpdate = {}) => {
      setSearch(
        (current) => {
          const next: CaseListParams = { ...readListParams(current), ...patch };
          if (!options.keepPage) {
            delete next.cursor;
            delete next.page;
          }
          return writeListParams(next);
        },
        { replace: options.replace },
      );
    },
    [setSearch],
  );
  return [params, update];
}
