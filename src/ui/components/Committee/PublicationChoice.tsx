import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import type { ClosedItemPublication } from '../../../domain/committee/types';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeError, useCommitteeSave } from './useCommitteeSave';

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
  const { busy, error, run } = useCommitteeSave();
  const now = { publishTitle: !!current?.publishTitle, publishDecision: !!current?.publishDecision };
  const save = (next: typeof now) => run(() => onChange(next));
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
      <CommitteeError message={error} />
    </div>
  );
}
