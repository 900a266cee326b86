import { Link, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { formatTimeRange } from '../../../domain/format';
import type { CalendarEvent } from '../../../ports/CalendarGateway';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: 0,
    listStyle: 'none',
  },
});

/** The person's meetings, each linking to its page (keeping ?as= and the other query parameters). */
export function MeetingList({ meetings, page }: { meetings: CalendarEvent[]; page: string }) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  const link = (key: string) => {
    const params = new URLSearchParams(window.location.search);
    params.set('meeting', key);
    return `${page}?${params.toString()}`;
  };
  return (
    <section>
      <Title2 as="h1">{s.myMeetings}</Title2>
      {meetings.length === 0 ? (
        <Text>{s.noMeetings}</Text>
      ) : (
        <ul className={styles.list}>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link href={link(m.key)}>{`${m.subject} – ${formatTimeRange(m.start, m.end, locale)}`}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
