import { makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import { formatTimeRange } from '../../../domain/format';
import type { Meeting } from '../../../domain/meeting';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  info: { marginTop: tokens.spacingVerticalS },
});

export interface MeetingHeaderProps {
  meeting: Meeting;
  information: string;
}

/** As the seeds print it: series, "20-02-2024 11:00 - 13:00", location, "Information: …". */
export function MeetingHeader({ meeting, information }: MeetingHeaderProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  return (
    <header className={styles.root}>
      <Title1 as="h1">{meeting.series}</Title1>
      <Text>{formatTimeRange(meeting.start, meeting.end, locale)}</Text>
      <Text>{meeting.location}</Text>
      {information && (
        <Text className={styles.info} role="note" aria-label={s.information}>
          <strong>{s.information}:</strong> {information}
        </Text>
      )}
    </header>
  );
}
