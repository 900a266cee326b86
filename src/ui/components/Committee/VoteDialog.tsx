import { Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Participant } from '../../../domain/committee/attendance';
import type { Vote, VoteChoice } from '../../../domain/committee/types';
import { VOTE_CHOICES } from '../../../domain/committee/votes';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

const useStyles = makeStyles({
  // Each member's vote ends with a rule: the party under the choices belongs to the name above, not the next.
  member: {
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface VoteDialogProps {
  itemNumber: number;
  /** Who may vote on the item: present during it and not inhabil. */
  participants: Participant[];
  recorded?: Vote;
  onSave(choices: Record<string, VoteChoice>): Promise<void>;
}

/** "Afstemning om punkt N": one radio group per member taking part (For, Imod, Undlod). */
export function VoteDialog({ itemNumber, participants, recorded, onSave }: VoteDialogProps) {
  const styles = useStyles();
  const cs = useCommitteeStrings();
  const [choices, setChoices] = useState<Record<string, VoteChoice>>({});
  return (
    <CommitteeDialog
      title={cs.voteOn(itemNumber)}
      saveLabel={cs.saveVote}
      onOpen={() => setChoices({ ...(recorded?.choices ?? {}) })}
      onSave={() => onSave(choices)}
    >
      {participants.length === 0 && <p>{cs.noParticipants}</p>}
      {participants.map((p) => (
        <Field
          key={p.upn}
          className={styles.member}
          label={p.name}
          hint={p.asSubstituteFor ? `${p.party} · ${cs.substituteFor(p.asSubstituteFor.name)}` : p.party}
        >
          <RadioGroup
            layout="horizontal"
            value={choices[p.upn] ?? ''}
            onChange={(_e, d) => setChoices((c) => ({ ...c, [p.upn]: d.value as VoteChoice }))}
          >
            {VOTE_CHOICES.map((choice) => (
              <Radio key={choice} value={choice} label={cs.choices[choice]} />
            ))}
          </RadioGroup>
        </Field>
      ))}
    </CommitteeDialog>
  );
}
