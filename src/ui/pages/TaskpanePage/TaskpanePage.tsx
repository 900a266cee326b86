import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect, useState } from 'react';
import { lazyComponent } from '../../lazyComponent';
import type { AppDeps } from '../../../app/deps';
import { informationLineOf, openMeeting, type MeetingView } from '../../../app/openMeeting';
import type { PendingWrites, WriteResult } from '../../../app/pendingWrites';
import type { AbsenceInput } from '../../../app/registerAbsence';
import { sendAgenda } from '../../../app/sendAgenda';
import { saveCommitteeSettings } from '../../../app/committee';
import { AgendaDeadlineWarning } from '../../components/Committee/AgendaDeadlineWarning';
import { CommitteeSettingsEditor } from '../../components/Committee/CommitteeSettingsEditor';
import type { AgendaItem } from '../../../domain/agendaItem';
import { sameUpn, type Person } from '../../../domain/person';
import { can } from '../../../domain/permissions';
import { ValidationError, type ValidationIssue } from '../../../domain/validation';
import { AgendaEditor } from '../../components/AgendaEditor/AgendaEditor';
import { renderAgendaSection } from '../../../domain/agendaSection';
import type { ComposeSurface } from '../../../ports/ComposeSurface';
import { CarryOver } from '../../components/CarryOver/CarryOver';
import { addItem } from '../../../domain/agenda';
import { AgendaList } from '../../components/AgendaList/AgendaList';
import { AppNav } from '../../components/AppNav/AppNav';
import { MeetingHeader } from '../../components/MeetingHeader/MeetingHeader';
import { ReferentPicker } from '../../components/ReferentPicker/ReferentPicker';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

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

/** Outlook task pane: the organizer builds and sends the agenda; an attendee reads it and melder afbud. */
/** The attendee's "Meld afbud" dialog: loaded after the first screen (its own chunk). */
const AbsenceDialog = lazyComponent(
  async () =>
    (await import(/* webpackChunkName: "absence-dialog" */ '../../components/AbsenceDialog/AbsenceDialog'))
      .AbsenceDialog,
);

export function TaskpanePage({ deps, meetingKey, compose, writes }: TaskpanePageProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const [view, setView] = useState<MeetingView | null>(null);
  const [items, setItems] = useState<AgendaItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [notice, setNotice] = useState<{ text: string; queued: boolean } | null>(null);
  useEffect(() => {
    void AbsenceDialog.preload();
  }, []);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    openMeeting(deps, meetingKey).then((v) => {
      setView(v);
      setItems(v.items);
    }, setError);
  }, [deps, meetingKey]);

  /** A landed write shows its result; a queued one says it waits on this computer; a refusal says why. */
  const run = async (
    action: () => Promise<WriteResult<MeetingView>>,
    done?: (v: MeetingView) => string,
    queued?: string,
  ) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    setIssues([]);
    try {
      const result = await action();
      if (result.kind === 'landed') {
        setView(result.value);
        setItems(result.value.items);
        if (done) setNotice({ text: done(result.value), queued: false });
      } else if (queued) setNotice({ text: queued, queued: true });
    } catch (e) {
      if (e instanceof ValidationError) setIssues(e.issues);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!view && !error) return <Spinner label={s.loading} />;
  if (!view) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{messageOf(error, locale)}</MessageBarBody>
      </MessageBar>
    );
  }
  const organizer = can(view.role, 'editAgenda');
  const mine = view.absences.find((a) => sameUpn(a.person.upn, deps.me.upn));
  const information = informationLineOf(view, locale);
  const candidates: Person[] = [view.meeting.organizer, ...view.meeting.attendees];

  return (
    <>
      <MeetingHeader meeting={view.meeting} information={information} />
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
      {organizer ? (
        <>
          <ReferentPicker
            candidates={candidates}
            value={view.meeting.referent}
            disabled={busy}
            onChange={(p) => run(() => writes.assignReferent(view, p))}
          />
          <CommitteeSettingsEditor
            value={view.meeting.committee}
            series={view.meeting.series}
            disabled={busy}
            onSave={async (c) => setView(await saveCommitteeSettings(deps, view, c))}
          />
          <Title2 as="h2">{s.agenda}</Title2>
          <AgendaEditor
            items={items}
            meetingStart={view.meeting.start}
            meetingEnd={view.meeting.end}
            issues={issues}
            onChange={setItems}
            newId={() => crypto.randomUUID()}
          />
          <CarryOver
            deps={deps}
            series={view.meeting.series}
            before={view.meeting.start}
            onAdd={(item) => setItems((current) => addItem(current, item, Math.max(0, current.length - 3)))}
          />
          <AgendaDeadlineWarning meeting={view.meeting} now={deps.clock.now()} />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                run(
                  async () => {
                    const sent = await sendAgenda(deps, view, items);
                    await compose?.insertAgenda(renderAgendaSection(sent.meeting, sent.items));
                    return { kind: 'landed', value: sent };
                  },
                  (v) => s.agendaSent(v.meeting.agendaVersion),
                )
              }
            >
              {s.sendAgenda}
            </Button>
            <Button
              disabled={busy}
              onClick={() =>
                run(
                  () => writes.saveAgenda(view, items),
                  () => s.agendaSaved,
                  s.agendaQueued,
                )
              }
            >
              {s.saveAgenda}
            </Button>
          </div>
        </>
      ) : (
        <>
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
                    setItems(result.value.items);
                  }}
                />
              </Suspense>
            )}
            {mine && (
              <>
                <Text>{s.yourAbsence(mine.kind)}</Text>
                <Button
                  disabled={busy}
                  onClick={() => run(() => writes.withdrawAbsence(view), undefined, s.absenceQueued)}
                >
                  {s.withdrawAbsence}
                </Button>
              </>
            )}
          </div>
          <AgendaList items={view.items} meetingStart={view.meeting.start} />
        </>
      )}
      <AppNav variant="links" />
    </>
  );
}
