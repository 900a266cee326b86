import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Link,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgendaItem } from '../../../domain/agendaItem';
import { formatTime } from '../../../domain/format';
import { idleTimer, timerView, type MeetingTimer, type Overrun } from '../../../domain/meetingTimer';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  clock: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  none: {},
  // "Afslut mødet" on its own row at the end, away from "Næste punkt" (a slip must not end the meeting).
  end: {
    flexBasis: '100%',
    display: 'flex',
    justifyContent: 'flex-end',
    paddingTop: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Colour plus a text label, so the state also reads in high contrast and for colour-blind people.
  amber: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  red: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightBold },
});

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export interface MeetingClockProps {
  timer: MeetingTimer | undefined;
  items: AgendaItem[];
  /** The organizer and the referent drive the clock; everyone else only sees it. */
  canDrive: boolean;
  onStart(itemNumber: number): void;
  onMove(itemNumber: number): void;
  onEnd(): void;
  /**
   * The meeting is over (Afsluttet or Godkendt, or its end is past): it is not started any more; where
   * the referat is on the page, the clock points to it instead.
   */
  over?: boolean;
  /** The referat on this page (an anchor), for those who make it. */
  referatHref?: string;
}

/** The item clock: current item, planned and used time, projected end; amber/red when an item overruns. */
export function MeetingClock({
  timer,
  items,
  canDrive,
  onStart,
  onMove,
  onEnd,
  over = false,
  referatHref,
}: MeetingClockProps) {
  const s = useStrings();
  const styles = useStyles();
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(t);
  }, []);
  const t = timer ?? idleTimer();
  const view = timerView(t, items, now);
  const sorted = [...items].sort((a, b) => a.number - b.number);
  const next = sorted.find((i) => i.number > (t.currentItem ?? 0));
  const overrunText: Record<Overrun, string> = { none: '', amber: s.overrunAmber, red: s.overrunRed };
  if (!view.running && !t.endedAt && !canDrive) return null;
  const startable = canDrive && !view.running && !t.endedAt && !over;
  return (
    <section className={styles.clock} aria-label={s.timer}>
      <Subtitle2 as="h2">{s.timer}</Subtitle2>
      {view.current && (
        <Text className={styles[view.current.overrun]} role="timer" aria-live="off">
          {`${s.currentItem}: ${s.item} ${view.current.itemNumber} – ${mmss(view.current.usedSeconds)} ${s.used} / ${view.current.plannedMinutes} min`}
          {view.current.overrun !== 'none' && ` (${overrunText[view.current.overrun]})`}
        </Text>
      )}
      {view.projectedEnd && view.running && !over && (
        <Text>{`${s.projectedEnd}: ${formatTime(view.projectedEnd)}`}</Text>
      )}
      {startable && sorted[0] && (
        <Button appearance="primary" onClick={() => onStart(sorted[0].number)}>
          {s.startMeeting}
        </Button>
      )}
      {!view.running && (over || t.endedAt) && <Text>{s.meetingOver}</Text>}
      {!view.running && (over || t.endedAt) && referatHref && <Link href={referatHref}>{s.goToReferat}</Link>}
      {canDrive && view.running && next && (
        <Button onClick={() => onMove(next.number)}>{`${s.nextItem} (${s.item} ${next.number})`}</Button>
      )}
      {/* Mounted from the start of the clock on, and kept after it ends (its dialog must not unmount open). */}
      {canDrive && (view.running || !!t.endedAt) && (
        <EndMeeting running={view.running} className={styles.end} onEnd={onEnd} />
      )}
    </section>
  );
}

/** "Afslut mødet" behind a confirmation: ending stops the clock for everyone. */
function EndMeeting({ running, className, onEnd }: { running: boolean; className: string; onEnd(): void }) {
  const s = useStrings();
  const [open, setOpen] = useState(false);
  // The dialog stays mounted when the meeting ends: unmounting an open dialog leaves the page aria-hidden.
  return (
    <>
      {running && (
        <div className={className}>
          <Button onClick={() => setOpen(true)}>{s.endMeeting}</Button>
        </div>
      )}
      <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.endMeetingConfirmTitle}</DialogTitle>
            <DialogContent>{s.endMeetingConfirmText}</DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>{s.cancel}</Button>
              </DialogTrigger>
              <Button
                appearance="primary"
                onClick={() => {
                  setOpen(false);
                  onEnd();
                }}
              >
                {s.endMeetingConfirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
