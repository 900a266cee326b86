import { makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import type { Absence } from '../../../domain/absence';
import { formatDate, formatTime } from '../../../domain/format';
import { useLocale, useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Who has sent apologies or attends online / partly, with reason and substitute. */
export function AbsenceList({ absences }: { absences: Absence[] }) {
  const styles = useStyles();
  const s = useStrings();
  const locale = useLocale();
  return (
    <section aria-label={s.absences} className={styles.section}>
      {/* Fluent's Text is inline: as blocks, the heading and "Ingen afbud." no longer run together. */}
      <Title3 as="h2" block className={styles.heading}>
        {s.absences}
      </Title3>
      {absences.length === 0 ? (
        <Text as="p" block className={styles.heading}>
          {s.noAbsences}
        </Text>
      ) : (
        <ul className={styles.list}>
          {absences.map((a) => (
            <li key={a.person.upn}>
              <Text>
                {`${a.person.name}: ${a.kind}`}
                {a.items.length ? ` (${s.item.toLowerCase()} ${a.items.join(', ')})` : ''}
                {a.reason ? ` – ${s.reason}: ${a.reason}` : ''}
                {a.substitute ? ` – ${s.substitute}: ${a.substitute}` : ''}
                {` (${formatDate(a.registeredAt, locale)} ${formatTime(a.registeredAt)})`}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
