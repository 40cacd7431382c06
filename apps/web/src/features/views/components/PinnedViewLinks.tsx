import { NavLink, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { savedViewHref, useSavedViews } from '../api/useSavedViews';

/** The user's pinned views in the navigation, each opening its list with its filters. */
export function PinnedViewLinks({ onNavigate }: { onNavigate: () => void }) {
  const { data } = useSavedViews({ afterPageData: true });
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const pinned = (data ?? []).filter((view) => view.pinned);
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4} component="h2">
        Saved views
      </Text>
      {pinned.map((view) => {
        const href = savedViewHref(view);
        return (
          <NavLink
            key={view.id}
            component={Link}
            to={href}
            label={view.name}
            active={here === href}
            onClick={onNavigate}
            data-testid="pinned-view"
          />
        );
      })}
      <NavLink
        component={Link}
        to="/views"
        label={pinned.length ? 'Manage views' : 'Save a list’s filters as a view'}
        active={location.pathname === '/views'}
        onClick={onNavigate}
        c="dimmed"
      />
    </>
  );
}
