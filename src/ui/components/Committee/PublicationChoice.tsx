import { Checkbox, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ClosedItemPublication } from '../../../domain/committee/types';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { useLocale } from '../../i18n/LocaleContext';
import { committeeMessageOf } from './committeeMessage';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface PublicationChoiceProps {
  itemNumber: number;
  /** What is stored for the item; none means "Lukket punkt" without the decision. */
  current: ClosedItemPublication | undefined;
  onChange(choice: { publishTitle: boolean; publishDecision: boolean }): Promise<void>;
}

/**
 * The organizer's choice for a closed item in the public protocol: its title (else "Lukket punkt") and its
 * decision. Each box shows what is stored; a refused save says why.
 */
export function PublicationChoice({ itemNumber, current, onChange }: PublicationChoiceProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = { publishTitle: !!current?.publishTitle, publishDecision: !!current?.publishDecision };
  const save = async (next: typeof now) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(next);
    } catch (e) {
      setError(committeeMessageOf(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-label={cs.publicationOn(itemNumber)} className={styles.group}>
      <Checkbox
        label={cs.publishTitle}
        aria-label={cs.publishTitleFor(itemNumber)}
        checked={now.publishTitle}
        disabled={busy}
        onChange={(_e, d) => save({ ...now, publishTitle: d.checked === true })}
      />
      <Checkbox
        label={cs.publishDecision}
        aria-label={cs.publishDecisionFor(itemNumber)}
        checked={now.publishDecision}
        disabled={busy}
        onChange={(_e, d) => save({ ...now, publishDecision: d.checked === true })}
      />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <span role="alert">{error}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
