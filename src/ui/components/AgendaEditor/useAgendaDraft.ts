import { useEffect, useSyncExternalStore } from 'react';
import type { AgendaDraft, AgendaDraftState } from '../../../app/agendaDraft';

/** The draft's state, re-rendered on every change; the draft itself lives outside React. */
export function useAgendaDraft(draft: AgendaDraft): AgendaDraftState {
  return useSyncExternalStore(
    (listener) => draft.subscribe(listener),
    () => draft.get(),
  );
}

/** Leaving the page (closing the pane, reloading) with unsaved edits asks first. */
export function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium (Outlook's WebView2) asks only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
