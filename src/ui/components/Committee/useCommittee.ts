import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommitteeView } from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import type { MeetingView } from '../../../app/openMeeting';

export interface CommitteeState {
  /** Null until read, and for a meeting that is no udvalgsmøde. */
  committee: CommitteeView | null;
  /** Why the record could not be read. */
  error?: unknown;
  /** Run a committee use case; its result becomes the shown record (a refusal is thrown to the caller). */
  run(action: (committee: CommitteeView) => Promise<CommitteeView>): Promise<void>;
}

/**
 * The committee record of the meeting on the page, read again when the meeting's row, its afbud or its
 * decisions change (they decide attendance and the protocol's checksum).
 */
export function useCommittee(
  deps: AppDeps,
  view: MeetingView | null | undefined,
  /** Read again this often, so a vote, a tilførsel or a signature shows for everyone (the page's poll interval). */
  refreshMs?: number,
  /**
   * The page's view with the Meetings row as a committee read left it (the organizer's page names an
   * opening there): its new eTag, so the page's next write of the row is not refused as stale.
   */
  onView?: (view: MeetingView) => void,
): CommitteeState {
  const [committee, setCommittee] = useState<CommitteeView | null>(null);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<unknown>();
  const isCommittee = isCommitteeMeeting(view);
  // The view is read through `version`: a new object with the same content reads nothing again.
  const current = useRef(view);
  const tell = useRef(onView);
  useEffect(() => {
    current.current = view;
    tell.current = onView;
  });
  useEffect(() => {
    if (!isCommittee || !refreshMs) return;
    const timer = setInterval(() => setTick((t) => t + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, isCommittee]);
  const version = view
    ? [
        tick,
        view.key,
        view.meetingETag,
        view.absences.map((a) => `${a.person.upn}:${a.kind}`).join(','),
        Object.values(view.decisions)
          .map((d) => d.eTag)
          .join(','),
      ].join('|')
    : '';
  useEffect(() => {
    const shown = current.current;
    if (!shown || !isCommittee) {
      setCommittee(null);
      return;
    }
    let live = true;
    // The committee's rules load with the first udvalgsmøde, not with every meeting page.
    import(/* webpackChunkName: "committee" */ '../../../app/committee')
      .then(async ({ openCommittee }) => {
        const c = await openCommittee(deps, shown);
        // The page's view keeps the decisions it opened with (live text is shown beside it); when the opened
        // version's checksum no longer matches that view, read the meeting again so a new version (made by
        // the organizer) is shown, and signed, against what it really says.
        if (!c.opening || c.signingOpen) return c;
        const { openMeeting } = await import('../../../app/openMeeting');
        return openCommittee(deps, await openMeeting(deps, shown.key));
      })
      .then(
        (c) => {
          if (!live) return;
          setCommittee(c);
          setError(undefined);
          passOn(c, current.current, tell.current);
        },
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [deps, version, isCommittee]);
  const run = useCallback(
    async (action: (c: CommitteeView) => Promise<CommitteeView>) => {
      if (!committee) return;
      const next = await action(committee);
      setCommittee(next);
      passOn(next, current.current, tell.current);
    },
    [committee],
  );
  return { committee, error, run };
}

/** The Meetings row a committee call wrote (a named opening) goes into the page's view. */
function passOn(
  c: CommitteeView,
  shown: MeetingView | null | undefined,
  onView: ((view: MeetingView) => void) | undefined,
): void {
  if (!c.meetingRow || !shown || !onView) return;
  onView({
    ...shown,
    meeting: { ...shown.meeting, protocolOpenings: c.meetingRow.value.protocolOpenings },
    meetingETag: c.meetingRow.eTag,
  });
}

const isCommitteeMeeting = (view: MeetingView | null | undefined) => !!view?.meeting.committee;
