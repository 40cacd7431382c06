import { useLocalStorage } from '@mantine/hooks';
import { CASE_OPTIONAL_COLUMNS, type CaseOptionalColumn } from '@preauth/domain';
import { useMe } from '../../auth/api/useMe';

const readColumns = (value: string): CaseOptionalColumn[] => {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? CASE_OPTIONAL_COLUMNS.filter((column) => parsed.includes(column)) : [];
  } catch {
    return [];
  }
};

/**
 * The optional columns the signed-in user shows on All cases, kept in this browser per user (a
 * display preference: nothing the server needs, and a shared front-desk computer keeps each
 * person's own). Always in the chooser's order, whatever order they were ticked in.
 */
export function useCaseColumns(): [CaseOptionalColumn[], (columns: CaseOptionalColumn[]) => void] {
  const { data: me } = useMe();
  const [columns, setColumns] = useLocalStorage<CaseOptionalColumn[]>({
    key: `preauth.case-columns.${me?.id ?? 'anonymous'}`,
    defaultValue: [],
    serialize: JSON.stringify,
    deserialize: (value) => (value === undefined ? [] : readColumns(value)),
    getInitialValueInEffect: false,
  });
  return [columns, (next) => setColumns(CASE_OPTIONAL_COLUMNS.filter((column) => next.includes(column)))];
}
