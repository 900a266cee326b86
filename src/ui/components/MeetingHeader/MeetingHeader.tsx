import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatMeetingWhen } from '../../../domain/format';
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
  // Teams' meeting title: 20 px semibold, wrapping between words (never inside one at 320 px).
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

/** Series (20 px semibold), "onsdag 9. december 2026, kl. 11.00–13.00", location, "Information: …". */
export function MeetingHeader({ meeting, information }: MeetingHeaderProps) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  return (
    <header className={styles.root}>
      <Text as="h1" className={styles.title}>
        {meeting.series}
      </Text>
      <Text>{formatMeetingWhen(meeting.start, meeting.end, locale)}</Text>
      <Text>{meeting.location}</Text>
      {information && (
        <Text className={styles.info} role="note" aria-label={s.information}>
          <strong>{s.information}:</strong> {information}
        </Text>
      )}
    </header>
  );
}
