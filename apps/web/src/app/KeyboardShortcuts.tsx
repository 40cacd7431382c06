import { Suspense, useEffect, useState } from 'react';
import { lazyWithPreload } from '../ui/lazy-with-preload';

// The help dialog (Mantine's modal with its scroll lock) loads the first time `?` is pressed.
const ShortcutHelp = lazyWithPreload(async () => (await import('./ShortcutHelp')).ShortcutHelp);

// Keys typed into a field are text, not shortcuts (a checkbox or a button takes no text).
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** The list's rows, as the lists draw them (a table row or a phone card). */
const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="case-row"]'));

/**
 * Moves the focus to the next or previous row's link: the browser's own focus ring shows where
 * one is, and Enter on the focused link opens the case as a click would.
 */
function moveInList(step: 1 | -1): boolean {
  const all = rows();
  if (!all.length) return false;
  const current = all.findIndex((row) => row.contains(document.activeElement));
  const next = current < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + step));
  const link = all[next].querySelector<HTMLElement>('a[href]');
  if (!link) return false;
  link.focus();
  link.scrollIntoView({ block: 'nearest' });
  return true;
}

function focusSearch(): boolean {
  const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (!search) return false;
  search.focus();
  search.select();
  return true;
}

/** `/` searches, `j`/`k` move through a list, `?` lists the shortcuts; never while typing in a field. */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      let handled = false;
      if (event.key === '?') {
        setHelpOpen(true);
        handled = true;
      } else if (event.key === '/') handled = focusSearch();
      else if (event.key === 'j') handled = moveInList(1);
      else if (event.key === 'k') handled = moveInList(-1);
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);

  // Kept mounted once shown, so that closing plays the modal's exit transition.
  const [helpShown, setHelpShown] = useState(false);
  if (helpOpen && !helpShown) setHelpShown(true);
  return helpShown ? (
    <Suspense fallback={null}>
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </Suspense>
  ) : null;
}
