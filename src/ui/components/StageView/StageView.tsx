import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AgendaItem } from '../../../domain/agendaItem';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalXXXL,
    // Large type on any screen, never wider than it: long words and case numbers break.
    minWidth: 0,
    overflowWrap: 'anywhere',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  item: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  decision: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    whiteSpace: 'pre-wrap',
  },
});

export interface StageViewProps {
  title: string;
  item: AgendaItem | null;
  decision: string | undefined;
}

/** The meeting stage (shared screen): the current item and its decision in large type, updating live. */
export function StageView({ title, item, decision }: StageViewProps) {
  const styles = useStyles();
  const s = useStrings();
  return (
    <section className={styles.stage} aria-label={s.currentItem}>
      <Text as="p">{title}</Text>
      {item ? (
        <>
          <h1 className={styles.item}>{`${s.item} ${item.number}: ${item.title}`}</h1>
          <p className={styles.decision} aria-live="polite" aria-label={s.decisionFor(item.number)}>
            {decision || s.noDecision}
          </p>
        </>
      ) : (
        <h1 className={styles.item}>{title}</h1>
      )}
    </section>
  );
}
