import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AgendaItem } from '../../../domain/agendaItem';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalXXXL,
    // Large type on any screen, never wider than it: lines wrap between words; only a word wider than
    // the screen (a case number) breaks.
    minWidth: 0,
    overflowWrap: 'break-word',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  // The type grows with the screen up to Teams' hero sizes: at 320 px a long Danish word
  // ("Integrationshandleplanen") still fits its line.
  item: {
    fontSize: `clamp(${tokens.fontSizeBase400}, 5.5vw, ${tokens.fontSizeHero800})`,
    lineHeight: 1.25,
    fontWeight: tokens.fontWeightSemibold,
  },
  decision: {
    fontSize: `clamp(${tokens.fontSizeBase400}, 4.5vw, ${tokens.fontSizeHero700})`,
    lineHeight: 1.3,
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
