import type { QueryClient } from '@tanstack/react-query';
import { caseCountQuery } from '../features/cases/api/useCaseCount';
import { casesQuery } from '../features/cases/api/useCases';
import { caseListQuery, readListParams } from '../features/cases/model/list-params';
import { worklistQueries } from '../features/cases/model/worklist';
import { followUpsDueQuery } from '../features/work/api/useCaseWork';
import { myTasksQuery } from '../features/work/api/useMyTasks';
import { BEFORE_SESSION } from './query-client';

/**
 * Asks for the data of the list a visit starts on (worklist or case list, and the worklist's
 * "Asked of me" and follow-ups due) with the same keys and requests as the page itself, so that it
 * is on its way while the page's chunks download and the page finds it cached instead of asking
 * only once it has rendered. Asked before the session is known, so a 401 here is quiet
 * (RequireAuth handles the visitor who is not signed in).
 */
export function prefetchListData(client: QueryClient, pathname: string, search: string): void {
  const params = () => readListParams(new URLSearchParams(search));
  const path = pathname.replace(/\/$/, '') || '/';
  if (path === '/worklist') {
    const { clocked, documented } = worklistQueries(params());
    void client.prefetchQuery({ ...casesQuery(clocked), meta: BEFORE_SESSION });
    void client.prefetchQuery({ ...casesQuery(documented), meta: BEFORE_SESSION });
    void client.prefetchQuery({ ...myTasksQuery(), meta: BEFORE_SESSION });
    void client.prefetchQuery({ ...followUpsDueQuery(), meta: BEFORE_SESSION });
  } else if (path === '/cases') {
    const query = caseListQuery(params());
    void client.prefetchQuery({ ...casesQuery(query), meta: BEFORE_SESSION });
    void client.prefetchQuery({ ...caseCountQuery(query), meta: BEFORE_SESSION });
  }
}
