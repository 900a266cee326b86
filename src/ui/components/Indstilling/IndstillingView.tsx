import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Indstilling } from '../../../domain/indstilling/indstilling';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: 'anywhere' },
  points: {
    margin: 0,
    paddingInlineStart: 0,
    listStyle: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  pre: { whiteSpace: 'pre-wrap' },
});

/**
 * An item's indstilling on the meeting page, under the item's title: "Det indstilles," and its numbered
 * "at"-points, as the papers print them. Shown to whoever may read the item (SharePoint gave the row).
 */
export function IndstillingView({
  itemNumber,
  indstilling,
}: {
  itemNumber: number;
  indstilling: Indstilling;
}) {
  const styles = useStyles();
  const s = useStrings().indstilling;
  if (!indstilling.points.length) return null;
  return (
    <section className={styles.root} aria-label={s.openFor(itemNumber)}>
      <Text weight="semibold">{s.shownIntro}</Text>
      <ol className={styles.points}>
        {indstilling.points.map((p, k) => (
          <li key={k}>
            <Text className={styles.pre}>{s.pointLine(k + 1, p)}</Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
