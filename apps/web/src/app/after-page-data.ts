import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/*
 * Requests a page can be drawn without (the health badge, the bell's count, the pinned views, the
 * payers and physicians a list's filters offer) wait until the page's own requests have answered.
 * Over HTTP/1.1 a browser sends at most six requests at a time to a host: on a phone's network these
 * would otherwise queue with the page's code and rows and delay them. Released once, for the rest
 * of the visit.
 */
let released = false;
const listeners = new Set<() => void>();

function release(): void {
  if (released) return;
  released = true;
  for (const listener of listeners) listener();
  listeners.clear();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function whenIdle(callback: () => void): void {
  // Safari has no requestIdleCallback; a task after the current one is the nearest it has.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, { timeout: 500 });
  else setTimeout(callback, 0);
}

/**
 * Spread into a query's options: `{ enabled: false }` while `wait` and until the page's own
 * requests have answered, then nothing (the client's default), so a test's client that never
 * fetches still does not.
 */
export function useAfterPageData(wait = true): { enabled?: false } {
  const ready = usePageDataReleased();
  return wait && !ready ? { enabled: false } : {};
}

/** Whether the page's own requests have answered and been drawn: code it can do without may load. */
export function usePageDataReleased(): boolean {
  return useSyncExternalStore(subscribe, () => released);
}

/**
 * In the signed-in shell: releases the waiting requests once no query is being fetched and the
 * browser has drawn what they brought, or after `maxWaitMs` at most (a page whose requests fail
 * waits out their retries: the header's badge then says that the database cannot be reached while
 * the page still retries).
 */
export function useReleaseAfterPageData(maxWaitMs = 2000): void {
  const client = useQueryClient();
  useEffect(() => {
    if (released) return;
    // The page's queries start as it mounts, in effects that run before this one (children first),
    // so a page that asks for data is seen fetching here.
    // Released once the browser is idle after the answers, not as they arrive: the rows are drawn
    // then (a list draws them as a deferred render), so these requests do not hold up that paint.
    let idleAsked = false;
    let mounted = true;
    const check = () => {
      if (idleAsked || client.isFetching() > 0) return;
      idleAsked = true;
      whenIdle(() => {
        idleAsked = false;
        if (mounted && client.isFetching() === 0) release();
      });
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
    const timer = setTimeout(release, maxWaitMs);
    check();
    return () => {
      mounted = false;
      unsubscribe();
      clearTimeout(timer);
    };
  }, [client, maxWaitMs]);
}

/** For tests: as at the start of a visit. */
export function resetAfterPageData(): void {
  released = false;
}
