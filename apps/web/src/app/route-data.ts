import type { QueryClient } from '@tanstack/react-query';
import { caseCountQuery } from '../features/cases/api/useCaseCount';
import { casesQuery } from '../features/cases/api/useCases';
import { caseListQuery, readListParams } from '../features/cases/model/list-params';
import { worklistQueries } from '../features/cases/model/worklist';

/**
 * Asks for the data of the list a visit starts on (worklist or case list) with the same keys and
 * requests as the page itself, so that it is on its way while the page's chunks download and the
 * page finds it cached instead of asking only once it has rendered.
 */
export function prefetchListData(client: QueryClient, pathname: string, search: string): void {
  const params = () => readListParams(new URLSearchParams(search));
  const path = pathname.replace(/\/$/, '') || '/';
  if (path === '/worklist') {
    const { clocked, documented } = worklistQueries(params());
    void client.prefetchQuery(casesQuery(clocked));
    void client.prefetchQuery(casesQuery(documented));
  } else if (path === '/cases') {
    const query = caseListQuery(params());
    void client.prefetchQuery(casesQuery(query));
    void client.prefetchQuery(caseCountQuery(query));
  }
}
