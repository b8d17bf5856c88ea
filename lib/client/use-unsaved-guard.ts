'use client';
// Unsaved edits are not thrown away by leaving: the browser asks before a reload or closing the tab, and a click on
// any link of the portal (a tab, "All directories") asks first too.
import { useEffect } from 'react';

const UNSAVED_PROMPT = 'You have unsaved changes. Leave this page and discard them?';

export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!link || e.defaultPrevented || link.getAttribute('target') === '_blank') return;
      if (!window.confirm(UNSAVED_PROMPT)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    // Capture phase: before Next's Link handler navigates.
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
}
