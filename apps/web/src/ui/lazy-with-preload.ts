import { lazy, type ComponentType } from 'react';

/**
 * React.lazy with a `preload()` to start the download early, e.g. when the pointer reaches the
 * button that opens a dialog, so that the dialog rarely has to wait for its code.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load());
  return Object.assign(
    lazy(async () => ({ default: await preload() })),
    { preload },
  );
}
