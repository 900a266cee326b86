import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AppDeps } from '../../../app/deps';
import { MeetingSession, type MeetingSessionOptions } from '../../../app/meetingSession';

export type MeetingOptions = Pick<
  MeetingSessionOptions,
  'watchIntervalMs' | 'pollingChannel' | 'connectLive' | 'safetyPollMs' | 'writes'
>;

const isVisible = () => document.visibilityState === 'visible';
const onOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
};

/**
 * The meeting page's MeetingSession: made per meeting, started while the page is shown and disposed when it
 * goes; the page renders its snapshot and calls its commands.
 */
export function useMeeting(deps: AppDeps, key: string, options: MeetingOptions) {
  const { watchIntervalMs, pollingChannel, connectLive, safetyPollMs, writes } = options;
  const session = useMemo(
    () =>
      new MeetingSession(deps, key, {
        watchIntervalMs,
        pollingChannel,
        connectLive,
        safetyPollMs,
        writes,
        isActive: isVisible,
        onOnline,
      }),
    [deps, key, watchIntervalMs, pollingChannel, connectLive, safetyPollMs, writes],
  );
  useEffect(() => {
    session.start();
    return () => session.dispose();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { ...snapshot, session };
}
