import { makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { Meeting } from '../../../domain/meeting';
import { useLocale, useStrings } from '../../i18n/LocaleContext';
import { formatMeetingWhen } from '../../../domain/format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalL,
  },
  info: { marginTop: tokens.spacingVerticalS },
  // Teams' type ramp: the meeting's title 20 px semibold, wrapping between words (never "Rådmandsmød/e").
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'normal',
    wordBreak: 'normal',
    hyphens: 'manual',
  },
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
        <time dateTime={meeting.start}>{formatMeetingWhen(meeting.start, meeting.end, locale)}</time>
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
