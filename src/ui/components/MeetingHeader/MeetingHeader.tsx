import { makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { Meeting } from '../../../domain/meeting';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { meetingWhen } from './meetingWhen';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  // Teams' type ramp: the meeting's title 20 px semibold, wrapping between words (never "Rådmandsmød/e").
  title: {
    margin: 0,
    overflowWrap: 'break-word',
    wordBreak: 'normal',
    hyphens: 'manual',
  },
  info: { marginTop: tokens.spacingVerticalS },
});

export interface MeetingHeaderProps {
  meeting: Meeting;
  information: string;
}

/** The series as the title, "onsdag 9. december 2026, kl. 11.00–13.00", the location, "Information: …". */
export function MeetingHeader({ meeting, information }: MeetingHeaderProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  return (
    <header className={styles.root}>
      <Subtitle1 as="h1" className={styles.title}>
        {meeting.series}
      </Subtitle1>
      <Text>
        <time dateTime={meeting.start}>{meetingWhen(meeting.start, meeting.end, locale)}</time>
      </Text>
      <Text>{meeting.location}</Text>
      {information && (
        <Text className={styles.info} role="note" aria-label={s.information}>
          <strong>{s.information}:</strong> {information}
        </Text>
      )}
    </header>
  );
}
