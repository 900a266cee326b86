import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useCallback, useMemo } from 'react';
import type { AgendaDraft } from '../../../app/agendaDraft';
import { saveCommitteeSettings } from '../../../app/committee';
import type { AppDeps } from '../../../app/deps';
import { informationLineOf } from '../../../app/openMeeting';
import { loadStandingItems } from '../../../app/standingItems';
import type { Person } from '../../../domain/person';
import { useAgendaDraft, useLeaveWarning } from '../../components/AgendaEditor/useAgendaDraft';
import { AgendaEditor } from '../../components/AgendaEditor/AgendaEditor';
import { StandingItemsOffer } from '../../components/AgendaEditor/StandingItemsOffer';
import { CarryOver } from '../../components/CarryOver/CarryOver';
import { AgendaDeadlineWarning } from '../../components/Committee/AgendaDeadlineWarning';
import { CommitteeSettingsEditor } from '../../components/Committee/CommitteeSettingsEditor';
import { MeetingHeader } from '../../components/MeetingHeader/MeetingHeader';
import { LazyMeetingPackageButtons } from '../../components/MeetingPackage/lazyMeetingPackageButtons';
import { ReferentPicker } from '../../components/ReferentPicker/ReferentPicker';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  // The footer stays at the bottom of the pane: the send button, the save state and the answer beside it.
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    marginTop: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  state: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface OrganizerAgendaProps {
  deps: AppDeps;
  draft: AgendaDraft;
  candidates: Person[];
}

/** The secretary's task pane: referent, meeting type, the agenda draft, and "Send dagsorden" in a sticky footer. */
export function OrganizerAgenda({ deps, draft, candidates }: OrganizerAgendaProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const state = useAgendaDraft(draft);
  useLeaveWarning(state.dirty);
  const { view, outcome, lastAction, busy } = state;
  const people = deps.people;
  const searchPeople = useMemo(
    () => (people ? (text: string) => people.searchPeople(text) : undefined),
    [people],
  );
  const meetingOf = view.meeting;
  const loadStanding = useCallback(() => loadStandingItems(deps, meetingOf), [deps, meetingOf]);
  const known = [
    ...candidates,
    ...state.items.flatMap((i) => i.guests.filter((g) => g.upn).map((g) => ({ upn: g.upn!, name: g.name }))),
  ];
  const referentRule = state.rules.find((r) => r.rule === 'noReferent');
  const agendaRules = state.rules.filter((r) => r.field === 'items');
  const blocked = lastAction === 'sending' && state.rules.length > 0;
  const saveState =
    busy === 'saving' || busy === 'sending'
      ? s.saving
      : state.dirty
        ? s.draftUnsaved
        : outcome?.kind === 'queued'
          ? s.agendaQueued
          : s.draftSavedState;
  const footerOutcome = lastAction === 'saving' || lastAction === 'sending' ? outcome : null;

  return (
    <>
      <MeetingHeader meeting={view.meeting} information={informationLineOf(view, locale)} />
      <Suspense fallback={null}>
        <LazyMeetingPackageButtons deps={deps} view={view} />
      </Suspense>
      <div className={styles.section}>
        <ReferentPicker
          candidates={candidates}
          value={view.meeting.referent}
          disabled={busy !== null}
          validationMessage={referentRule ? s.agendaRules.noReferent() : undefined}
          onChange={(p) => void draft.setReferent(p)}
        />
        {lastAction === 'referent' && outcome?.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{messageOf(outcome.error, locale)}</MessageBarBody>
          </MessageBar>
        )}
        <CommitteeSettingsEditor
          value={view.meeting.committee}
          series={view.meeting.series}
          disabled={busy !== null}
          onSave={async (c) => draft.replaceView(await saveCommitteeSettings(deps, draft.get().view, c))}
        />
      </div>
      <Subtitle1 as="h2" className={styles.heading}>
        {s.agenda}
      </Subtitle1>
      {state.items.length === 0 && (
        <StandingItemsOffer
          load={loadStanding}
          onAdd={(items) => {
            for (const item of items) draft.add(item);
            draft.close();
          }}
        />
      )}
      <AgendaEditor draft={draft} known={known} searchPeople={searchPeople} />
      <CarryOver
        deps={deps}
        series={view.meeting.series}
        before={view.meeting.start}
        onAdd={({ id: _id, ...item }) => draft.add(item)}
      />
      <AgendaDeadlineWarning meeting={view.meeting} now={deps.clock.now()} />
      <div className={styles.footer} role="group" aria-label={s.sendAgenda}>
        {blocked && (
          <MessageBar intent="error">
            <MessageBarBody>
              {s.sendBlocked}
              <ul className={styles.list}>
                {[...new Set(state.rules.map((r) => s.agendaRules[r.rule](r.guest)))].map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {footerOutcome?.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{messageOf(footerOutcome.error, locale)}</MessageBarBody>
          </MessageBar>
        )}
        {(footerOutcome?.kind === 'sent' || footerOutcome?.kind === 'saved') && (
          <MessageBar intent="success">
            <MessageBarBody>
              {footerOutcome.kind === 'sent' ? s.agendaSent(footerOutcome.version) : s.agendaSaved}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void draft.send()}>
            {s.sendAgenda}
          </Button>
          {blocked && referentRule && agendaRules.length === 0 && state.rules.length === 1 && (
            <Button disabled={busy !== null} onClick={() => void draft.send({ withoutReferent: true })}>
              {s.sendWithoutReferent}
            </Button>
          )}
          <Button disabled={busy !== null} onClick={() => void draft.save()}>
            {s.saveAgenda}
          </Button>
          <Button disabled={busy !== null} onClick={() => draft.add(s.newItemTitle)}>
            {s.addItem}
          </Button>
        </div>
        <Text size={200} className={styles.state} role="status">
          {saveState}
        </Text>
      </div>
    </>
  );
}
