import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import { LiveRecorder, type SaveState } from '../../../app/liveRecorder';
import { openMeeting, type MeetingView } from '../../../app/openMeeting';
import { isTransient } from '../../../ports/errors';
import { watchDecisions } from '../../../app/watchDecisions';
import type { Decision } from '../../../domain/decision';
import { extractFollowUps, type FollowUp } from '../../../domain/followUp';

export interface MeetingState {
  view: MeetingView | null;
  error: unknown;
  loading: boolean;
  /** Decision text per item, as shown (the referent's own typing included). */
  texts: Record<number, string>;
  saveStates: Record<number, SaveState>;
  followUps: FollowUp[];
  /** The last failed action (clock, referat), shown without leaving the page. */
  actionError?: unknown;
}

/**
 * Open a meeting and keep it live: decisions appear as they are saved (delta polling while the page is
 * visible); for the referent, typing goes through the LiveRecorder (outbox, autosave, conflicts).
 */
export function useMeeting(deps: AppDeps, key: string, options: { watchIntervalMs: number }) {
  const [state, setState] = useState<MeetingState>({
    view: null,
    error: null,
    loading: true,
    texts: {},
    saveStates: {},
    followUps: [],
  });
  const recorder = useRef<LiveRecorder | null>(null);
  const dirty = useRef(new Set<number>());
  const [reload, setReload] = useState(0);
  const loadAttempts = useRef(0);

  useEffect(() => {
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopWatch: (() => void) | undefined;
    const unsubscribers: Array<() => void> = [];
    (async () => {
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const view = await openMeeting(deps, key);
        if (stopped) return;
        loadAttempts.current = 0;
        const texts: Record<number, string> = {};
        for (const [n, d] of Object.entries(view.decisions)) texts[Number(n)] = d.value.text;
        const rec = new LiveRecorder(deps, view);
        recorder.current = rec;
        rec.seed(Object.values(view.decisions), view.followUps);
        unsubscribers.push(
          rec.onState((slot, saveState) => {
            const itemNumber = Number(slot.split(':').pop());
            if (!slot.startsWith('decision:')) return;
            if (saveState.kind === 'saved') dirty.current.delete(itemNumber);
            setState((s) => ({ ...s, saveStates: { ...s.saveStates, [itemNumber]: saveState } }));
          }),
        );
        const pending = rec.canWrite() ? await rec.resume() : [];
        for (const entry of pending) {
          if (entry.kind === 'decision') {
            const d = entry.payload as Decision;
            texts[d.itemNumber] = d.text;
            dirty.current.add(d.itemNumber);
          }
        }
        setState((s) => ({
          ...s,
          view,
          error: null,
          loading: false,
          texts,
          followUps: view.followUps.map((f) => f.value),
        }));
        const watch = watchDecisions(
          deps.lists,
          key,
          view.decisionsCursor,
          (changed) => {
            for (const row of changed) rec.serverChanged(row);
            setState((s) => {
              const next = { ...s.texts };
              for (const row of changed) {
                if (
                  !dirty.current.has(row.value.itemNumber) &&
                  s.view?.items.some((i) => i.number === row.value.itemNumber)
                ) {
                  next[row.value.itemNumber] = row.value.text;
                }
              }
              return { ...s, texts: next };
            });
          },
          { intervalMs: options.watchIntervalMs, isActive: () => document.visibilityState === 'visible' },
        );
        stopWatch = watch.stop;
      } catch (error) {
        if (stopped) return;
        // A dropped connection or a 5xx while loading: try again by itself, a few times, before asking.
        if (isTransient(error) && loadAttempts.current < 5) {
          const delay = 500 * 2 ** loadAttempts.current++;
          retryTimer = setTimeout(() => setReload((n) => n + 1), delay);
          return;
        }
        setState((s) => ({ ...s, error, loading: false }));
      }
    })();
    const online = () => void recorder.current?.flush();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      stopWatch?.();
      unsubscribers.forEach((u) => u());
      recorder.current?.stop();
      window.removeEventListener('online', online);
    };
  }, [deps, key, options.watchIntervalMs, reload]);

  const edit = useCallback((itemNumber: number, itemTitle: string, text: string) => {
    dirty.current.add(itemNumber);
    setState((s) => ({ ...s, texts: { ...s.texts, [itemNumber]: text } }));
    recorder.current?.editDecision({ itemNumber, itemTitle, text, status: 'Kladde' }).catch((e: unknown) =>
      setState((s) => ({
        ...s,
        saveStates: {
          ...s.saveStates,
          [itemNumber]: { kind: 'error', message: e instanceof Error ? e.message : String(e) },
        },
      })),
    );
  }, []);

  const flush = useCallback(() => void recorder.current?.flush(), []);

  const resolve = useCallback(
    (itemNumber: number, text: string) => {
      setState((s) => ({ ...s, texts: { ...s.texts, [itemNumber]: text } }));
      void recorder.current?.resolveConflict(LiveRecorder.decisionSlot(key, itemNumber), text);
    },
    [key],
  );

  const addFollowUp = useCallback((itemNumber: number, text: string) => {
    const extracted = extractFollowUps(text)[0];
    const followUp: FollowUp = {
      id: crypto.randomUUID(),
      itemNumber,
      owners: extracted?.owners ?? [],
      task: text,
      status: 'Åben',
    };
    setState((s) => ({ ...s, followUps: [...s.followUps, followUp] }));
    void recorder.current?.editFollowUp(followUp);
  }, []);

  const setView = useCallback((view: MeetingView) => setState((s) => ({ ...s, view })), []);

  const fail = useCallback((error: unknown) => setState((s) => ({ ...s, actionError: error })), []);

  return { ...state, edit, flush, resolve, addFollowUp, setView, fail, retry: () => setReload((n) => n + 1) };
}
