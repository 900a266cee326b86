import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';
import type { AppDeps } from '../../../app/deps';
import { informationLineOf } from '../../../app/openMeeting';
import { can } from '../../../domain/permissions';
import { isMeetingOver } from '../../../domain/meeting';
import { AbsenceList } from '../../components/AbsenceList/AbsenceList';
import { AgendaList, DecisionText } from '../../components/AgendaList/AgendaList';
import { useItemFocus } from '../../components/AgendaList/useItemFocus';
import { DecisionEditor } from '../../components/DecisionEditor/DecisionEditor';
import { MeetingHeader } from '../../components/MeetingHeader/MeetingHeader';
import { StageView } from '../../components/StageView/StageView';
import { MeetingClock } from '../../components/MeetingClock/MeetingClock';
import type { LiveChannel, PollingChannelFactory } from '../../../ports/LiveChannel';
import { isReadOnly } from '../../../domain/referatApproval';
import { formatDueDate } from '../../../domain/followUp';
import { messageOf } from '../../errors';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import type { PendingWrites } from '../../../app/pendingWrites';
import { useMeeting } from './useMeeting';
import type { CommitteeView } from '../../../app/committee';
import type { MeetingView } from '../../../app/openMeeting';
import type { ReferatPanelProps } from '../../components/ReferatPanel/ReferatPanel';
import { lazyComponent } from '../../lazyComponent';
import { useNow } from '../../useNow';
import { useCommittee } from '../../components/Committee/useCommittee';
import { ItemBilag } from '../../components/Bilag/ItemBilag';
import { LazyMeetingPackageButtons } from '../../components/MeetingPackage/lazyMeetingPackageButtons';
import { IndstillingView } from '../../components/Indstilling/IndstillingView';
import { PointDecisionsEditor } from '../../components/Indstilling/PointDecisionsEditor';

const useStyles = makeStyles({
  below: {
    marginTop: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  followUps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  typing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  liveStatus: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0` },
  notice: { margin: `0 0 ${tokens.spacingVerticalM}` },
  // Teams' meeting side panel is 320 px wide: tighter spacing, nothing wider than the panel.
  // Headings shrink so the meeting's title does not take the panel's first screen.
  sidePanel: {
    maxWidth: '320px',
    overflowWrap: 'break-word',
    fontSize: tokens.fontSizeBase200,
    '& h1': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
    '& h2': { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  // Long words wrap between words first; only a word wider than the page breaks.
  page: { minWidth: 0, maxWidth: '100%', overflowWrap: 'break-word' },
});

/** Where the tab is shown: the full tab, Teams' side panel during the meeting, or the shared stage. */
export type MeetingLayout = 'full' | 'sidePanel' | 'stage';

export interface MeetingPageProps {
  deps: AppDeps;
  meetingKey: string;
  watchIntervalMs: number;
  /** The SharePoint-polling fallback channel (the composition root builds it over `deps.lists`). */
  pollingChannel: PollingChannelFactory;
  /** Live Share where the host has it; without it the page polls SharePoint. */
  connectLive?: () => Promise<LiveChannel | null>;
  /** The profile's outbox for the clock (the composition root's); the page makes its own without it. */
  writes?: PendingWrites;
  layout?: MeetingLayout;
}

/** The meeting tab: header, agenda with times, afbud, and the decisions as they are written. */
/** Below the agenda, or in a committee meeting only: loaded after the first screen (their own chunks). */
const CommitteeItemActions = lazyComponent(
  async () =>
    (
      await import(
        /* webpackChunkName: "committee-actions" */ '../../components/Committee/CommitteeItemActions'
      )
    ).CommitteeItemActions,
);
const SignProtocol = lazyComponent(
  async () =>
    (await import(/* webpackChunkName: "committee-actions" */ '../../components/Committee/SignProtocol'))
      .SignProtocol,
);
/** The referat panel, given the committee's record as the referat shows it (the committee's rules load with it). */
const ReferatPanel = lazyComponent(async () => {
  const [{ ReferatPanel: Panel }, { referatCommitteeOf }] = await Promise.all([
    import(/* webpackChunkName: "referat-panel" */ '../../components/ReferatPanel/ReferatPanel'),
    import(/* webpackChunkName: "committee" */ '../../../app/committee'),
  ]);
  return function MeetingReferat({
    meetingView,
    committeeView,
    ...props
  }: Omit<ReferatPanelProps, 'committee'> & {
    meetingView: MeetingView;
    committeeView: CommitteeView | null;
  }) {
    return (
      <Panel
        {...props}
        committee={committeeView ? referatCommitteeOf(meetingView, committeeView) : undefined}
      />
    );
  };
});

export function MeetingPage({
  deps,
  meetingKey,
  watchIntervalMs,
  pollingChannel,
  connectLive,
  writes,
  layout = 'full',
}: MeetingPageProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const m = useMeeting(deps, meetingKey, { watchIntervalMs, pollingChannel, connectLive, writes });
  const now = useNow();
  useEffect(() => {
    void CommitteeItemActions.preload();
    void ReferatPanel.preload();
    void SignProtocol.preload();
    void LazyMeetingPackageButtons.preload();
  }, []);
  // The referent's focus follows the meeting clock while it runs (the current item open, the rest one line).
  const timer = m.view?.meeting.timer;
  const referentFocus =
    !!m.view &&
    can(m.view.role, 'writeDecision') &&
    !isReadOnly(m.view.meeting.referat) &&
    layout !== 'stage';
  const { focusItem, focus } = useItemFocus(
    referentFocus && timer?.startedAt && !timer.endedAt ? (timer.currentItem ?? null) : null,
  );
  const committee = useCommittee(deps, m.view, watchIntervalMs, (next) => m.session.setView(next));

  if (m.loading && !m.view) return <Spinner label={s.loading} />;
  if (m.error || !m.view) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {messageOf(m.error, locale)}{' '}
          <Button size="small" onClick={() => m.session.retry()}>
            {s.retry}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { view } = m;
  const writer = can(view.role, 'writeDecision') && !isReadOnly(view.meeting.referat);
  const information = informationLineOf(view, locale);
  // Ended for everyone: closed, approved or the clock stopped by the referent (a meeting running past its
  // planned end is not over: decisions may still appear live).
  const ended =
    view.meeting.status === 'Afsluttet' ||
    view.meeting.status === 'Godkendt' ||
    !!view.meeting.timer?.endedAt;
  if (layout === 'stage') {
    // The current item by the meeting clock; before it starts, the first item without a decision.
    const current =
      view.items.find((i) => i.number === view.meeting.timer?.currentItem) ??
      view.items.find((i) => !m.texts[i.number]) ??
      null;
    return (
      <StageView
        title={view.meeting.title}
        item={current}
        decision={current ? m.texts[current.number] : undefined}
      />
    );
  }
  return (
    <div className={mergeClasses(styles.page, layout === 'sidePanel' && styles.sidePanel)}>
      <MeetingHeader meeting={view.meeting} information={information} />
      {view.role === 'guest' && (
        <Text as="p" block className={styles.notice}>
          {s.guestNotice}
        </Text>
      )}
      <Suspense fallback={null}>
        <LazyMeetingPackageButtons deps={deps} view={view} />
      </Suspense>
      {view.role === 'organizer' && !!view.misplaced?.length && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.misplacedRows(view.misplaced.length)}</MessageBarBody>
        </MessageBar>
      )}
      {m.actionError !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>
            <span role="alert">{messageOf(m.actionError, locale)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      <MeetingClock
        timer={view.meeting.timer}
        items={view.items}
        canDrive={can(view.role, 'writeDecision')}
        onStart={(n) => m.session.driveClock({ kind: 'start', itemNumber: n })}
        onMove={(n) => m.session.driveClock({ kind: 'move', itemNumber: n })}
        onEnd={() => m.session.driveClock({ kind: 'end' })}
        over={isMeetingOver(view.meeting, now)}
        referatHref={can(view.role, 'exportMinutes') ? '#referat-title' : undefined}
      />
      {/* "Direkte: …" only while decisions can still appear: nothing stale after the meeting. */}
      {m.liveKind && !ended && (
        <Text as="p" block size={200} className={styles.liveStatus} aria-live="off">
          {m.liveKind === 'polling' ? s.livePolling : s.liveInstant}
        </Text>
      )}
      <AgendaList
        items={view.items}
        meetingStart={view.meeting.start}
        currentItem={view.meeting.timer?.currentItem ?? null}
        focusItem={writer ? focusItem : null}
        onFocusItem={focus}
        preview={(item) => m.texts[item.number]?.trim() || s.noDecision}
        renderBelow={(item) => {
          const followUps = m.followUps.filter((f) => f.itemNumber === item.number);
          const typing = m.typing[item.number];
          // The vote, inhabilitet and tilførsler right under the decision, before the follow-ups, for everyone.
          const protocol = (
            <Suspense fallback={null}>
              <CommitteeItemActions deps={deps} view={view} state={committee} itemNumber={item.number} />
            </Suspense>
          );
          return (
            <div className={styles.below}>
              {typing && !writer && (
                <Text role="status" size={200} className={styles.typing}>
                  {s.typing(typing)}
                </Text>
              )}
              {item.indstilling && (
                <IndstillingView itemNumber={item.number} indstilling={item.indstilling} />
              )}
              <ItemBilag itemNumber={item.number} itemId={item.id} lazy />
              {writer && item.indstilling && item.indstilling.points.length > 0 && (
                <PointDecisionsEditor
                  itemNumber={item.number}
                  points={item.indstilling.points}
                  text={m.texts[item.number] ?? ''}
                  onChange={(text) => m.session.edit(item.number, item.title, text)}
                />
              )}
              {writer ? (
                <DecisionEditor
                  itemNumber={item.number}
                  text={m.texts[item.number] ?? ''}
                  state={m.saveStates[item.number]}
                  onChange={(text) => m.session.edit(item.number, item.title, text)}
                  onBlur={() => m.session.flush()}
                  onResolve={(text) => m.session.resolve(item.number, text)}
                  onAddFollowUp={(text) => m.session.addFollowUp(item.number, text)}
                  followUps={followUps}
                  protocol={protocol}
                />
              ) : (
                <>
                  <section aria-label={s.decisionFor(item.number)}>
                    <Text weight="semibold">{`${s.decision}:`}</Text>{' '}
                    <DecisionText text={m.texts[item.number]} emptyText={s.noDecision} />
                  </section>
                  {protocol}
                </>
              )}
              {followUps.length > 0 && (
                <ul className={styles.followUps} aria-label={s.followUps}>
                  {followUps.map((f) => (
                    <li key={f.id}>
                      <Text>
                        {f.owners.length ? `${f.owners.join(', ')}: ${f.task}` : f.task}
                        {f.due ? ` (${formatDueDate(f.due)})` : ''}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        }}
      />
      {can(view.role, 'readClosedItems') && <AbsenceList absences={view.absences} />}
      {committee.committee && (
        <Suspense fallback={null}>
          <SignProtocol deps={deps} view={view} state={committee} />
        </Suspense>
      )}
      {can(view.role, 'exportMinutes') && (
        <Suspense
          fallback={
            // The panel's heading at once (the referent's "Gå til referatet" links to it), the rest when loaded.
            <section aria-labelledby="referat-title" aria-busy="true">
              <Subtitle2 as="h2" id="referat-title">
                {s.referatTitle}
              </Subtitle2>
            </section>
          }
        >
          <ReferatPanel
            deps={deps}
            view={{
              ...view,
              // The follow-ups as shown (one made a moment ago included), so every download has them.
              followUps: m.followUps.map(
                (f) =>
                  view.followUps.find((stored) => stored.value.id === f.id) ?? { id: '', eTag: '', value: f },
              ),
              decisions: Object.fromEntries(
                view.items.map((i) => {
                  const stored = view.decisions[i.number];
                  const text = m.texts[i.number] ?? stored?.value.text ?? '';
                  const value = {
                    ...(stored?.value ?? {
                      itemNumber: i.number,
                      itemTitle: i.title,
                      status: 'Kladde' as const,
                      editorUpn: '',
                      updatedAt: '',
                    }),
                    text,
                  };
                  return [i.number, { id: stored?.id ?? '', eTag: stored?.eTag ?? '', value }];
                }),
              ),
            }}
            meetingView={view}
            committeeView={committee.committee}
            onView={(next) =>
              m.session.setView({
                ...view,
                meeting: next.meeting,
                meetingETag: next.meetingETag,
                progress: next.progress,
                progressETag: next.progressETag,
                rows: next.rows,
              })
            }
          />
        </Suspense>
      )}
    </div>
  );
}
