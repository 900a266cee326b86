import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { lazyComponent } from '../../lazyComponent';
import type { AppDeps } from '../../../app/deps';
import { AgendaDraft } from '../../../app/agendaDraft';
import { informationLineOf, openMeeting, type MeetingView } from '../../../app/openMeeting';
import type { PendingWrites, WriteResult } from '../../../app/pendingWrites';
import type { AbsenceInput } from '../../../app/registerAbsence';
import { sendAgenda } from '../../../app/sendAgenda';
import { sameUpn, type Person } from '../../../domain/person';
import { can } from '../../../domain/permissions';
import { renderAgendaSection } from '../../../i18n/agendaSection';
import type { ComposeSurface } from '../../../ports/ComposeSurface';
import { AgendaList } from '../../components/AgendaList/AgendaList';
import { AppNav } from '../../components/AppNav/AppNav';
import { MeetingHeader } from '../../components/MeetingHeader/MeetingHeader';
import { LazyMeetingPackageButtons } from '../../components/MeetingPackage/lazyMeetingPackageButtons';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { OrganizerAgenda } from './OrganizerAgenda';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalL} 0`,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
});

export interface TaskpanePageProps {
  deps: AppDeps;
  meetingKey: string;
  /** Outlook compose mode: the agenda also goes into the open appointment form. */
  compose?: ComposeSurface | null;
  /** Afbud, the agenda draft and the referent go through the profile's outbox. */
  writes: PendingWrites;
}

/** The attendee's "Meld afbud" dialog: loaded after the first screen (its own chunk). */
const AbsenceDialog = lazyComponent(
  async () =>
    (await import(/* webpackChunkName: "absence-dialog" */ '../../components/AbsenceDialog/AbsenceDialog'))
      .AbsenceDialog,
);

/** Outlook task pane: the organizer builds and sends the agenda; an attendee reads it and melder afbud. */
export function TaskpanePage({ deps, meetingKey, compose, writes }: TaskpanePageProps) {
  const s = useStrings();
  const locale = useLocale();
  const [view, setView] = useState<MeetingView | null>(null);
  const [draft, setDraft] = useState<AgendaDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void AbsenceDialog.preload();
    void LazyMeetingPackageButtons.preload();
  }, []);

  useEffect(() => {
    openMeeting(deps, meetingKey).then((v) => {
      setView(v);
      if (can(v.role, 'editAgenda'))
        setDraft(
          new AgendaDraft(
            v,
            {
              saveAgenda: (at, items) => writes.saveAgenda(at, items),
              assignReferent: (at, referent) => writes.assignReferent(at, referent),
              sendAgenda: async (at, items, options) => {
                const sent = await sendAgenda(deps, at, items, options);
                await compose?.insertAgenda(renderAgendaSection(sent.meeting, sent.items));
                return sent;
              },
            },
            () => crypto.randomUUID(),
          ),
        );
    }, setError);
  }, [deps, meetingKey, writes, compose]);

  if (!view && !error) return <Spinner label={s.loading} />;
  if (!view) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{messageOf(error, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (draft) {
    const candidates: Person[] = [view.meeting.organizer, ...view.meeting.attendees];
    return (
      <>
        <OrganizerAgenda deps={deps} draft={draft} candidates={candidates} />
        <AppNav variant="links" />
      </>
    );
  }
  return <AttendeePane deps={deps} view={view} setView={setView} writes={writes} />;
}

/** The attendee reads the agenda and melder afbud (or withdraws it). */
function AttendeePane({
  deps,
  view,
  setView,
  writes,
}: {
  deps: AppDeps;
  view: MeetingView;
  setView(view: MeetingView): void;
  writes: PendingWrites;
}) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ text: string; queued: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A landed write shows its result; a queued one says it waits on this computer; a refusal says why. */
  const run = async (action: () => Promise<WriteResult<MeetingView>>, queued?: string) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const result = await action();
      if (result.kind === 'landed') setView(result.value);
      else if (queued) setNotice({ text: queued, queued: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const mine = view.absences.find((a) => sameUpn(a.person.upn, deps.me.upn));
  return (
    <>
      <MeetingHeader meeting={view.meeting} information={informationLineOf(view, locale)} />
      {error != null && (
        <MessageBar intent="error">
          <MessageBarBody>{messageOf(error, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.queued ? 'info' : 'success'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {can(view.role, 'registerOwnAbsence') && (
          <Suspense fallback={null}>
            <AbsenceDialog
              items={view.items}
              onSubmit={async (input: AbsenceInput) => {
                // Not through `run`: a refusal must reach the dialog, which stays open and says why.
                const result = await writes.registerAbsence(view, input);
                if (result.kind === 'queued') return 'queued';
                setView(result.value);
              }}
            />
          </Suspense>
        )}
        {mine && (
          <>
            <Text>{s.yourAbsence(mine.kind)}</Text>
            <Button disabled={busy} onClick={() => run(() => writes.withdrawAbsence(view), s.absenceQueued)}>
              {s.withdrawAbsence}
            </Button>
          </>
        )}
      </div>
      <Suspense fallback={null}>
        <LazyMeetingPackageButtons deps={deps} view={view} />
      </Suspense>
      <AgendaList items={view.items} meetingStart={view.meeting.start} />
      <AppNav variant="links" />
    </>
  );
}
