import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppDeps } from '../../../app/deps';
import { LiveRecorder, type SaveState } from '../../../app/liveRecorder';
import { openMeeting, type MeetingView } from '../../../app/openMeeting';
import { retryTransient } from '../../../app/retryTransient';
import { driveMeetingClock, type ClockAction } from '../../../app/meetingClock';
import type { Decision } from '../../../domain/decision';
import { extractFollowUps, type FollowUp } from '../../../domain/followUp';
import { can, circleOf, roleIn } from '../../../domain/permissions';
import type {
  LiveChannel,
  LiveMessage,
  PollingChannelFactory,
  PollingLiveChannel,
} from '../../../ports/LiveChannel';
import type { Stored } from '../../../ports/ListStore';

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
  /** Who is writing which item right now (from the live channel): item number → name. */
  typing: Record<number, string>;
  /** How the page hears about changes: 'liveShare' (instant) or 'polling' (every few seconds). */
  liveKind: LiveChannel['kind'] | null;
}

export interface MeetingOptions {
  /** Delta polling interval without a live channel. */
  watchIntervalMs: number;
  /** The SharePoint-polling channel, made by the composition root over the page's lists. */
  pollingChannel: PollingChannelFactory;
  /** The Live Share channel where the host has one; null or a failure means polling. */
  connectLive?: () => Promise<LiveChannel | null>;
  /** With a live channel, SharePoint is still read this often as a safety net. */
  safetyPollMs?: number;
}

const TYPING_SHOWN_MS = 4000;

/**
 * Open a meeting and keep it live. SharePoint is read first; then the page listens: on Live Share where the
 * host has it (the referent's text within a fraction of a second, who is typing, the clock), with SharePoint
 * read every ten minutes as a safety net (each live message carries the whole text, so the next one mends a lost one); otherwise by delta polling every few seconds. For the referent,
 * typing goes through the LiveRecorder (outbox, autosave, conflicts) and is announced on the channel.
 */
export function useMeeting(deps: AppDeps, key: string, options: MeetingOptions) {
  const [state, setState] = useState<MeetingState>({
    view: null,
    error: null,
    loading: true,
    texts: {},
    saveStates: {},
    followUps: [],
    typing: {},
    liveKind: null,
  });
  const recorder = useRef<LiveRecorder | null>(null);
  const dirty = useRef(new Set<number>());
  const [reload, setReload] = useState(0);
  const live = useRef<LiveChannel | null>(null);
  const liveRevision = useRef(0);
  const { watchIntervalMs, pollingChannel, connectLive, safetyPollMs = 600_000 } = options;
  const viewRef = useRef<MeetingView | null>(null);
  viewRef.current = state.view;
  /**
   * Everyone in the Live Share session hears what is sent, and a session cannot leave anyone out: the text
   * of a closed item never goes on the channel — only "changed", and members read it from SharePoint,
   * which checks who may.
   */
  const isClosed = (itemNumber: number): boolean =>
    !!viewRef.current?.items.find((i) => i.number === itemNumber)?.closed;
  const liveText = (itemNumber: number, text: string): string | null => (isClosed(itemNumber) ? null : text);
  /**
   * Only the referent and the organizer write decisions and drive the clock: whatever anyone else in the
   * session sends (a stray client, someone who joined by hand) is not shown. `upn` is the sender as the
   * channel's host identifies it, never whom the message names. SharePoint, which checks the writer, stays
   * the record either way.
   */
  const mayWriteLive = (upn: string): boolean => {
    const v = viewRef.current;
    return !!v && can(roleIn(circleOf(v.meeting, v.items), upn), 'writeDecision');
  };

  useEffect(() => {
    let stopped = false;
    let stopWatch: (() => void) | undefined;
    const unsubscribers: Array<() => void> = [];
    (async () => {
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        // A dropped connection or a 5xx while loading: tried again by itself, a few times, before asking.
        const view = await retryTransient(() => openMeeting(deps, key), { tries: 6 });
        if (stopped) return;
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
        // Newest live text per item (the editor's clock): an older row read from SharePoint must not
        // replace text already shown.
        const liveSentAt = new Map<number, string>();
        const typingTimers = new Map<number, ReturnType<typeof setTimeout>>();
        const showTyping = (itemNumber: number, name: string | null) => {
          clearTimeout(typingTimers.get(itemNumber));
          if (name)
            typingTimers.set(
              itemNumber,
              setTimeout(() => showTyping(itemNumber, null), TYPING_SHOWN_MS),
            );
          setState((s) => {
            const typing = { ...s.typing };
            if (name) typing[itemNumber] = name;
            else delete typing[itemNumber];
            return { ...s, typing };
          });
        };
        unsubscribers.push(() => typingTimers.forEach((t) => clearTimeout(t)));
        const showText = (itemNumber: number, text: string) =>
          setState((s) =>
            dirty.current.has(itemNumber) || !s.view?.items.some((i) => i.number === itemNumber)
              ? s
              : { ...s, texts: { ...s.texts, [itemNumber]: text } },
          );
        let polling: PollingLiveChannel | null = null;
        const onMessage = (message: LiveMessage, from: { upn: string; name: string }) => {
          if (message.kind === 'decision') {
            if (message.row) {
              const row: Stored<Decision> = message.row;
              rec.serverChanged(row);
              const newer = liveSentAt.get(row.value.itemNumber);
              if (newer && row.value.updatedAt < newer) return;
              showText(row.value.itemNumber, row.value.text);
              return;
            }
            if (message.text === null || isClosed(message.itemNumber)) {
              // A closed item or a very long text: read the saved version from SharePoint.
              const saved = !message.version.startsWith('local:');
              showTyping(message.itemNumber, saved ? null : from.name);
              if (saved) void polling?.poll();
              return;
            }
            liveSentAt.set(message.itemNumber, message.sentAt);
            showText(message.itemNumber, message.text);
            showTyping(message.itemNumber, message.version.startsWith('local:') ? from.name : null);
          } else if (message.kind === 'typing') {
            showTyping(message.itemNumber, from.name);
          } else {
            setState((s) =>
              s.view
                ? {
                    ...s,
                    view: {
                      ...s.view,
                      meeting: { ...s.view.meeting, timer: message.timer, status: message.status },
                    },
                  }
                : s,
            );
          }
        };
        const isActive = () => document.visibilityState === 'visible';
        const startPolling = async (intervalMs: number, timerEvery: number) => {
          await polling?.leave();
          polling = pollingChannel({
            intervalMs,
            idleIntervalMs: timerEvery ? undefined : intervalMs,
            isActive,
            timerEvery,
          });
          polling.onMessage(onMessage);
          await polling.join(key, deps.me, { decisionsCursor: view.decisionsCursor });
        };
        await startPolling(watchIntervalMs, 4);
        setState((s) => ({ ...s, liveKind: 'polling' }));
        stopWatch = () => void polling?.leave();
        // Guests and site readers stay on polling: the live session is for the meeting's members.
        if (connectLive && can(view.role, 'readClosedItems')) {
          void (async () => {
            try {
              const channel = await connectLive();
              if (!channel || stopped) return;
              await channel.join(key, deps.me, { decisionsCursor: view.decisionsCursor });
              if (stopped) return void channel.leave();
              live.current = channel;
              channel.onMessage((message, from) => {
                if (mayWriteLive(from.upn)) onMessage(message, from);
              });
              unsubscribers.push(() => {
                live.current = null;
                void channel.leave();
              });
              // Live now: SharePoint every ten minutes is enough to catch anything the channel missed.
              await startPolling(safetyPollMs, 0);
              if (!stopped) setState((s) => ({ ...s, liveKind: channel.kind }));
            } catch {
              // No live service (or it failed): keep polling, which already runs.
            }
          })();
        }
        unsubscribers.push(
          rec.onSaved((row, slot) => {
            if (!slot.startsWith('decision:')) return;
            const d = row.value as Decision;
            live.current?.send({
              kind: 'decision',
              itemNumber: d.itemNumber,
              text: liveText(d.itemNumber, d.text),
              version: row.eTag,
              editorUpn: d.editorUpn,
              sentAt: d.updatedAt,
            });
          }),
        );
      } catch (error) {
        if (stopped) return;
        setState((s) => ({ ...s, error, loading: false }));
      }
    })();
    const online = () => void recorder.current?.flush();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      stopWatch?.();
      unsubscribers.forEach((u) => u());
      recorder.current?.stop();
      window.removeEventListener('online', online);
    };
  }, [deps, key, watchIntervalMs, pollingChannel, connectLive, safetyPollMs, reload]);

  const edit = useCallback(
    (itemNumber: number, itemTitle: string, text: string) => {
      dirty.current.add(itemNumber);
      setState((s) => ({ ...s, texts: { ...s.texts, [itemNumber]: text } }));
      const recording = recorder.current?.editDecision({ itemNumber, itemTitle, text, status: 'Kladde' });
      // Kept durably first, then announced: the channel carries only what is saved or being saved.
      recording
        ?.then(() =>
          live.current?.send({
            kind: 'decision',
            itemNumber,
            text: liveText(itemNumber, text),
            version: `local:${++liveRevision.current}`,
            editorUpn: deps.me.upn,
            sentAt: deps.clock.now(),
          }),
        )
        .catch((e: unknown) =>
          setState((s) => ({
            ...s,
            saveStates: {
              ...s.saveStates,
              [itemNumber]: { kind: 'error', message: e instanceof Error ? e.message : String(e) },
            },
          })),
        );
    },
    [deps],
  );

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

  /** Start, next item, end: stored on the Meetings row, then told to everyone listening. */
  const driveClock = useCallback(
    (action: ClockAction) => {
      const view = state.view;
      if (!view) return;
      driveMeetingClock(deps, view, action).then((next) => {
        setState((s) => ({ ...s, view: next, actionError: undefined }));
        if (next.meeting.timer)
          live.current?.send({
            kind: 'timer',
            timer: next.meeting.timer,
            status: next.meeting.status,
            sentAt: deps.clock.now(),
          });
      }, fail);
    },
    [deps, state.view, fail],
  );

  return {
    ...state,
    edit,
    flush,
    resolve,
    addFollowUp,
    setView,
    fail,
    driveClock,
    retry: () => setReload((n) => n + 1),
  };
}
