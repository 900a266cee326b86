import { Field, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Participant } from '../../../domain/committee/attendance';
import type { Inhabilitet } from '../../../domain/committee/types';
import { useCommitteeStrings } from '../../i18n/committeeStrings';
import { CommitteeDialog } from './CommitteeDialog';

export interface InhabilitetInputUi {
  member: string;
  reason: string;
  decision: Inhabilitet['decision'];
}

export interface InhabilitetDialogProps {
  itemNumber: number;
  /** Those at the meeting (a member or the substitute in their place). */
  members: Participant[];
  onSave(input: InhabilitetInputUi): Promise<void>;
}

/** "Inhabilitet på punkt N": who, why, and the committee's decision (or awaiting it). */
export function InhabilitetDialog({ itemNumber, members, onSave }: InhabilitetDialogProps) {
  const cs = useCommitteeStrings();
  const [member, setMember] = useState('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Inhabilitet['decision']>('Inhabil');
  return (
    <CommitteeDialog
      title={cs.inhabilitetOn(itemNumber)}
      saveLabel={cs.save}
      onOpen={() => setMember((m) => m || members[0]?.upn || '')}
      onSave={() => onSave({ member, reason, decision })}
    >
      <Field label={cs.member}>
        <Select value={member} onChange={(_e, d) => setMember(d.value)}>
          {members.map((p) => (
            <option key={p.upn} value={p.upn}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={cs.reason}>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
      </Field>
      <Field label={cs.decisionLabel}>
        <RadioGroup value={decision} onChange={(_e, d) => setDecision(d.value as Inhabilitet['decision'])}>
          {(['Inhabil', 'Ikke inhabil', 'Afventer'] as const).map((v) => (
            <Radio key={v} value={v} label={cs.decisions[v]} />
          ))}
        </RadioGroup>
      </Field>
    </CommitteeDialog>
  );
}
