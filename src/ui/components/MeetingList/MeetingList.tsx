import {
  Badge,
  Caption1,
  Link,
  makeStyles,
  Subtitle2,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { MyMeeting, MyMeetings } from '../../../app/myMeetings';
import { formatMeetingWhen } from '../../../domain/format';
import { appPageHref } from '../AppNav/AppNav';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingLeft: 0,
    margin: 0,
    listStyle: 'none',
  },
  // One meeting: a card-like block whose lines wrap at the side panel's 320 px instead of running off.
  meeting: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    // Between words; only a word wider than the panel breaks.
    overflowWrap: 'break-word',
    minWidth: 0,
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  section: { marginTop: tokens.spacingVerticalL },
});

/**
 * "Mine møder": the person's upcoming and past meetings across series, each linking to its page (keeping
 * ?as= and the other query parameters), with the person's role, own afbud and open follow-ups.
 */
export function MeetingList({ meetings, page }: { meetings: MyMeetings; page: string }) {
  const s = useStrings();
  return (
    <section>
      <Title2 as="h1">{s.myMeetings}</Title2>
      <MeetingSection
        title={s.upcomingMeetings}
        empty={s.noMeetings}
        meetings={meetings.upcoming}
        page={page}
      />
      <MeetingSection
        title={s.pastMeetings}
        empty={s.noPastMeetings}
        meetings={meetings.past}
        page={page}
        past
      />
    </section>
  );
}

function MeetingSection({
  title,
  empty,
  meetings,
  page,
  past = false,
}: {
  title: string;
  empty: string;
  meetings: MyMeeting[];
  page: string;
  /** The section of meetings whose time has passed. */
  past?: boolean;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h2" id={headingId} block>
        {title}
      </Subtitle2>
      {meetings.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <ul className={styles.list}>
          {meetings.map((m) => (
            <MeetingEntry key={m.event.id} meeting={m} page={page} past={past} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The status as the meeting's page tells it: a meeting whose time has passed is over there (never
 * "Planlagt" or "I gang" here), whatever its row still says.
 */
export const shownStatus = (status: MyMeeting['status'], past: boolean): MyMeeting['status'] =>
  past && (status === 'Planlagt' || status === 'Udsendt' || status === 'I gang') ? 'Afsluttet' : status;

function MeetingEntry({
  meeting: m,
  page,
  past = false,
}: {
  meeting: MyMeeting;
  page: string;
  past?: boolean;
}) {
  const status = shownStatus(m.status, past);
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const link = () => {
    const params = new URLSearchParams(window.location.search);
    params.set('meeting', m.event.key);
    return `${page}?${params.toString()}`;
  };
  return (
    <li className={styles.meeting}>
      <Link href={link()}>{m.event.subject}</Link>
      <Text>{formatMeetingWhen(m.event.start, m.event.end, locale)}</Text>
      {m.series !== m.event.subject && <Caption1>{m.series}</Caption1>}
      <div className={styles.facts}>
        <Caption1>{s.myRoles[m.role]}</Caption1>
        <Badge
          appearance="tint"
          color={status === 'Godkendt' ? 'success' : status === 'I gang' ? 'brand' : 'informative'}
        >
          {s.meetingStatusLabel(s.meetingStatuses[status])}
        </Badge>
        {m.ownAbsence && <Caption1>{s.myAbsence[m.ownAbsence]}</Caption1>}
        {m.openFollowUps > 0 && (
          <Link href={appPageHref('followups')}>{s.openFollowUps(m.openFollowUps)}</Link>
        )}
      </div>
    </li>
  );
}
