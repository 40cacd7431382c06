import { Button, Collapse, Loader, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { CaseSort } from '@preauth/domain';
import { Suspense, useEffect, useState } from 'react';
import { lazyWithPreload } from '../../../ui/lazy-with-preload';
import type { CaseListParams } from '../model/list-params';

const CaseFilterFields = lazyWithPreload(async () => (await import('./CaseFilterFields')).CaseFilterFields);

// Results follow the typing, a quarter second after the last key.
const SEARCH_DEBOUNCE_MS = 250;

interface CaseFiltersProps {
  value: CaseListParams;
  onChange: (patch: Partial<CaseListParams>, options?: { replace?: boolean }) => void;
  // The worklist and the board already split by state and sort by deadline.
  withSearch?: boolean;
  withStatus?: boolean;
  withSort?: boolean;
  withOverdue?: boolean;
  withDates?: boolean;
  /** The order used when the URL names none. */
  defaultSort?: CaseSort;
}

export function CaseFilters({
  value,
  onChange,
  withSearch,
  withStatus,
  withSort,
  withOverdue,
  withDates,
  defaultSort = 'updated_desc',
}: CaseFiltersProps) {
  const [searchText, setSearchText] = useState(value.q ?? '');
  const pushSearch = useDebouncedCallback((text: string) => {
    onChange({ q: text.trim() || undefined }, { replace: true });
  }, SEARCH_DEBOUNCE_MS);
  // A link pressed while the search just typed is still waiting is what the person chose from the
  // rows on screen: the search must not then replace those rows under the pointer, nor take the
  // page back to the list once the case is opening. Leaving the box any other way (Tab, Escape,
  // a click elsewhere) applies the search at once, so the rows the keyboard then moves through
  // are the searched ones.
  useEffect(() => {
    const choose = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) pushSearch.cancel();
    };
    document.addEventListener('pointerdown', choose, true);
    return () => document.removeEventListener('pointerdown', choose, true);
  }, [pushSearch]);

  // Back, Forward and links change the view under the box: show what the URL holds (set while
  // rendering, as React advises for state that follows a prop).
  const [shownQ, setShownQ] = useState(value.q);
  if (shownQ !== value.q) {
    setShownQ(value.q);
    if (searchText.trim() !== (value.q ?? '')) setSearchText(value.q ?? '');
  }

  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  // On a phone the other filters are loaded the first time they are opened, then kept.
  const [filtersWanted, setFiltersWanted] = useState(false);

  const searchBox = (
    <TextInput
      label="Search"
      placeholder="Patient name, MRN, member id, case or authorization number"
      value={searchText}
      onChange={(event) => {
        setSearchText(event.currentTarget.value);
        pushSearch(event.currentTarget.value);
      }}
      onBlur={() => pushSearch.flush()}
      w={{ base: '100%', sm: 340 }}
      type="search"
      data-testid="case-search"
    />
  );
  const fields = (
    <CaseFilterFields
      value={value}
      onChange={onChange}
      searchBox={withSearch && !phone ? searchBox : undefined}
      onClear={() => {
        pushSearch.cancel();
        setSearchText('');
      }}
      withStatus={withStatus}
      withSort={withSort}
      withOverdue={withOverdue}
      withDates={withDates}
      defaultSort={defaultSort}
    />
  );
  // On a wide screen the filters are part of the page: it is shown once they have loaded too (the
  // route's boundary waits for them), so nothing moves under the reader as they arrive.
  if (!phone) return fields;
  // On a phone the form would push the cases a screen down: it opens on demand, and says how
  // many filters are on while closed.
  const active = Object.keys(value).filter((key) => !['q', 'sort', 'cursor', 'page'].includes(key)).length;
  return (
    <Stack gap="xs">
      {withSearch && searchBox}
      <Button
        variant="default"
        onClick={() => {
          setFiltersWanted(true);
          toggleFilters();
        }}
        // Their code starts loading as the finger or pointer comes down, before the click.
        onPointerDown={() => void CaseFilterFields.preload()}
        aria-expanded={filtersOpen}
        fullWidth
        data-testid="toggle-filters"
      >
        {filtersOpen ? 'Hide filters' : `Filters${active ? ` (${active} on)` : ''}`}
      </Button>
      <Collapse expanded={filtersOpen}>
        {filtersWanted && (
          <Suspense fallback={<Loader size="sm" aria-label="Loading the filters" />}>{fields}</Suspense>
        )}
      </Collapse>
    </Stack>
  );
}
