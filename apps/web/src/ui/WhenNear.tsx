import { Loader, Paper, Text } from '@mantine/core';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

// Half a screen ahead of the viewport, whatever its size: scrolling at reading speed, the section's
// code has arrived before the section is on screen.
const ROOT_MARGIN = '50% 0px';
const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]';

function Placeholder({ label, minHeight }: { label: string; minHeight: number }) {
  return (
    <Paper withBorder p="md" mih={minHeight} aria-busy="true" data-pending-section>
      <Text size="sm" c="dimmed">
        <Loader size="xs" mr="xs" aria-hidden />
        {label}
      </Text>
    </Paper>
  );
}

/**
 * Renders `children` (typically a lazy component) once the place it would occupy comes near the
 * viewport, so a page loads the code of what is below its first screen only when someone goes
 * there. It renders at once when `show` is set, when the URL's hash names `id`, when focus lands
 * on its placeholder (Tab, or a link leading there; focus then moves into the section), when the
 * keys of the browser's find in page are pressed (Ctrl+F, Cmd+F, F3) and where the browser has no
 * IntersectionObserver.
 */
export function WhenNear({
  id,
  label,
  show = false,
  minHeight = 120,
  children,
}: {
  /** The id the rendered section carries, so a link or a script can lead to it before it renders. */
  id?: string;
  /** What the placeholder says while the section is not there, e.g. "Photos (loading)". */
  label: string;
  show?: boolean;
  minHeight?: number;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const focusWhenShown = useRef(false);
  const [near, setNear] = useState(
    () => typeof IntersectionObserver === 'undefined' || (!!id && window.location.hash === `#${id}`),
  );
  const shown = near || show;
  // The browser's find in page searches only what is rendered: the keys that open it render every
  // section still waiting, so a note or a letter further down is found as the search is typed.
  useEffect(() => {
    if (shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') || event.key === 'F3') setNear(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
  useEffect(() => {
    const element = ref.current;
    if (shown || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: ROOT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  // Focus that reached the placeholder moves into the section once its code has arrived.
  useEffect(() => {
    if (!shown || !focusWhenShown.current) return;
    let frames = 0;
    let frame = requestAnimationFrame(function moveFocus() {
      const target = (id && document.getElementById(id)) || ref.current?.querySelector<HTMLElement>(FOCUSABLE);
      if (target) {
        focusWhenShown.current = false;
        target.focus({ preventScroll: true });
      } else if (++frames < 300) frame = requestAnimationFrame(moveFocus);
    });
    return () => cancelAnimationFrame(frame);
  }, [shown, id]);

  const placeholder = <Placeholder label={label} minHeight={minHeight} />;
  return (
    <div ref={ref}>
      {shown ? (
        <Suspense fallback={placeholder}>{children}</Suspense>
      ) : (
        <div
          id={id}
          tabIndex={0}
          onFocus={() => {
            focusWhenShown.current = true;
            setNear(true);
          }}
        >
          {placeholder}
        </div>
      )}
    </div>
  );
}
